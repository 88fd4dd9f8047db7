import Escaping

/// One rendering of a template: the context stack, the bytes written so far, and the
/// indentation of the standalone partials being rendered.
struct Renderer {
    let templates: [String: MustacheTemplate]
    /// The context stack: the model, then the value of each section entered.
    private var stack: [TemplateValue]
    /// The page so far, in UTF-8.
    private(set) var output: [UInt8] = []
    /// What goes before each line of the standalone partials being rendered: their tags'
    /// indentation, outer first. Empty, as on most pages, costs nothing.
    private var indent: [UInt8] = []
    /// Whether a partial's line has started and its indentation is still to be written:
    /// it goes before the line's first byte, not after the newline, so that the newline
    /// that ends the partial is followed by no indentation.
    private var owesIndent = false
    /// How many partials are being rendered inside each other.
    private var depth = 0

    init(templates: [String: MustacheTemplate], model: TemplateValue, inside outer: TemplateValue?)
    {
        self.templates = templates
        stack = outer.map { [$0, model] } ?? [model]
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [MustacheTemplate.Node]) throws(RenderError) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indent.isEmpty {
                    output.append(contentsOf: bytes)
                } else {
                    appendIndented(bytes)
                }
            case .value(let path, let escaped):
                guard let value = lookUp(path) else { continue }
                let start = output.count
                append(value, escaped: escaped)
                if !indent.isEmpty { settleIndent(before: start) }
            case .section(let path, let children, let inverted):
                try renderSection(path, children, inverted: inverted)
            case .partial(let name, let standaloneIndent):
                try renderPartial(name, standaloneIndent: standaloneIndent)
            }
        }
    }

    private mutating func renderSection(
        _ path: [String], _ children: [MustacheTemplate.Node], inverted: Bool
    ) throws(RenderError) {
        let value = lookUp(path) ?? .null
        if inverted {
            if !value.isTruthy { try render(children) }
            return
        }
        guard value.isTruthy else { return }
        switch value {
        case .bool:
            try render(children)
        case .list(let items):
            for item in items {
                stack.append(item)
                try render(children)
                stack.removeLast()
            }
        default:
            stack.append(value)
            try render(children)
            stack.removeLast()
        }
    }

    /// Renders a partial in place. A standalone one indents each line of its template (not
    /// the lines of the values inside it) by its tag's indentation, on top of any outer
    /// partial's; one within a line is rendered as it is, like a value.
    private mutating func renderPartial(_ name: String, standaloneIndent: [UInt8]?)
        throws(RenderError)
    {
        guard let partial = templates[name] else { return }
        guard depth < RenderError.partialDepthLimit else {
            throw .partialsTooDeep(partial: name)
        }
        depth += 1
        defer { depth -= 1 }
        guard !indent.isEmpty || standaloneIndent?.isEmpty == false else {
            return try render(partial.nodes)
        }
        let (outerIndent, outerOwesIndent, start) = (indent, owesIndent, output.count)
        if let standaloneIndent {
            indent = outerIndent + standaloneIndent
            owesIndent = true
        } else {
            indent = []
        }
        try render(partial.nodes)
        indent = outerIndent
        if standaloneIndent != nil {
            // The tag's line, newline included, was the partial's: the next line starts.
            owesIndent = true
        } else {
            owesIndent = outerOwesIndent
            settleIndent(before: start)
        }
    }

    /// Template text inside indented partials: the indentation before each line.
    private mutating func appendIndented(_ bytes: [UInt8]) {
        for byte in bytes {
            if owesIndent {
                output.append(contentsOf: indent)
                owesIndent = false
            }
            output.append(byte)
            if byte == 0x0A { owesIndent = true }
        }
    }

    /// After a value written from `start`: when it wrote something at the start of a line,
    /// the line's indentation goes before it.
    private mutating func settleIndent(before start: Int) {
        guard owesIndent, output.count > start else { return }
        output.insert(contentsOf: indent, at: start)
        owesIndent = false
    }

    /// A name's value: its first part looked up from the innermost frame outwards, the rest
    /// inside that value.
    private func lookUp(_ path: [String]) -> TemplateValue? {
        if path.count == 1, path[0] == "." { return stack.last }
        var found: TemplateValue?
        // By index, innermost first: iterating `stack.reversed()` copied every frame.
        for index in stack.indices.reversed() {
            if case .object(let fields) = stack[index], let value = fields[path[0]] {
                found = value
                break
            }
        }
        for part in path.dropFirst() {
            guard case .object(let fields) = found else { return nil }
            found = fields[part]
        }
        return found
    }

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text), .number(let text):
            if escaped {
                Escaping.append(text, for: .html, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .rendered(let text) where !escaped:
            output.append(contentsOf: text.utf8)
        case .rendered(let text):
            Escaping.append(String(decoding: text.utf8, as: UTF8.self), for: .html, to: &output)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .list, .object:
            return
        }
    }
}
