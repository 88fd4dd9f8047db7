import Escaping
import Foundation

/// One rendering of a template: the context stack, the bytes written so far, and the
/// indentation of the standalone partials being rendered.
struct Renderer {
    let templates: [String: MustacheTemplate]
    /// The context stack: the model, then the value of each section entered.
    private var stack: [Frame]
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

    init(templates: [String: MustacheTemplate], model: Any) {
        self.templates = templates
        stack = [Frame(model)]
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
        let value = lookUp(path)
        if inverted {
            if !Self.isTruthy(value) { try render(children) }
            return
        }
        guard let value, Self.isTruthy(value) else { return }
        // A flag first: most sections are, and every cast below would fail on one.
        if value is Bool {
            try render(children)
        } else if let items = value as? [[String: Any]] {
            for item in items {
                stack.append(.dictionary(item))
                try render(children)
                stack.removeLast()
            }
        } else if let items = value as? [String] {
            for item in items {
                stack.append(.other(item))
                try render(children)
                stack.removeLast()
            }
        } else if let items = value as? [Any] {
            for item in items {
                stack.append(Frame(item))
                try render(children)
                stack.removeLast()
            }
        } else {
            stack.append(Frame(value))
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
    private func lookUp(_ path: [String]) -> Any? {
        if path.count == 1, path[0] == "." { return stack.last?.value }
        var found: Any?
        // By index, innermost first: iterating `stack.reversed()` copied every frame.
        for index in stack.indices.reversed() {
            if case .dictionary(let dictionary) = stack[index], let value = dictionary[path[0]] {
                found = value
                break
            }
        }
        for part in path.dropFirst() {
            guard let dictionary = found as? [String: Any] else { return nil }
            found = dictionary[part]
        }
        return found
    }

    private static func isTruthy(_ value: Any?) -> Bool {
        // The exact array types first: casting to [Any] converts every element.
        switch value {
        case nil: false
        case let value as Bool: value
        case let value as String: !value.isEmpty
        case let value as RenderedText: !value.utf8.isEmpty
        case let value as [[String: Any]]: !value.isEmpty
        case let value as [String]: !value.isEmpty
        case let value as [Any]: !value.isEmpty
        case let value?: !isNull(value)
        }
    }

    /// Whether a value is `nil` inside `Any` (an optional with no value) or `NSNull`.
    ///
    /// `NSNull` is recognised by its type: casting the value (`value is NSNull`) would
    /// first bridge a dictionary or array to Foundation, copying it.
    private static func isNull(_ value: Any) -> Bool {
        if let optional = value as? any OptionalValue { return optional.isNone }
        return type(of: value) is NSNull.Type
    }

    private mutating func append(_ value: Any, escaped: Bool) {
        let text: String
        switch value {
        case let value as String: text = value
        case let value as RenderedText where !escaped:
            return output.append(contentsOf: value.utf8)
        case let value as RenderedText: text = String(decoding: value.utf8, as: UTF8.self)
        case let value as Int: text = String(value)
        case let value as Bool: text = value ? "true" : "false"
        case _ where Self.isNull(value): return
        default: text = String(describing: value)
        }
        if escaped {
            Escaping.append(text, for: .html, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}

/// A value on the context stack, with dictionaries recognised once, when pushed.
private enum Frame {
    case dictionary([String: Any])
    case other(Any)

    init(_ value: Any) {
        if let dictionary = value as? [String: Any] {
            self = .dictionary(dictionary)
        } else {
            self = .other(value)
        }
    }

    var value: Any {
        switch self {
        case .dictionary(let dictionary): dictionary
        case .other(let value): value
        }
    }
}

/// An optional seen through `Any`, to tell `nil` from a value.
private protocol OptionalValue {
    /// Whether it holds no value, however deeply nested.
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool {
        switch self {
        case .none: true
        case .some(let wrapped): (wrapped as? any OptionalValue)?.isNone ?? false
        }
    }
}
