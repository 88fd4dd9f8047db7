/// Compiled templates by name, which include each other as partials, rendered with a view
/// model of dictionaries (`[String: Any]`), arrays, strings, numbers and booleans.
///
/// Values are HTML-escaped (`&`, `<`, `>`, `"`, `'`) unless written `{{{name}}}`. A name is
/// looked up in the innermost section's value first, then outwards, as Mustache does.
public struct TemplateLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    /// An empty library.
    public init() {}

    /// Adds a compiled template under a name.
    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    /// The partials that registered templates include but the library does not have, as
    /// (template, partial) pairs.
    public var missingPartials: [(template: String, partial: String)] {
        templates.keys.sorted().flatMap { name in
            templates[name]!.partialNames.filter { templates[$0] == nil }.map { (name, $0) }
        }
    }

    /// Renders a template with a view model; an unknown template renders nothing.
    public func render(_ name: String, _ model: [String: Any]) -> String {
        guard let template = templates[name] else { return "" }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack: [Frame] = [.dictionary(model)]
        render(template.nodes, stack: &stack, into: &output)
        return String(decoding: output, as: UTF8.self)
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

    private func render(
        _ nodes: [MustacheTemplate.Node], stack: inout [Frame], into output: inout [UInt8]
    ) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .value(let path, let escaped):
                guard let value = lookUp(path, in: stack) else { continue }
                append(value, escaped: escaped, to: &output)
            case .section(let path, let children, let inverted):
                let value = lookUp(path, in: stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, stack: &stack, into: &output) }
                    continue
                }
                guard let value, Self.isTruthy(value) else { continue }
                if let items = value as? [[String: Any]] {
                    for item in items {
                        stack.append(.dictionary(item))
                        render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                } else if let items = value as? [String] {
                    for item in items {
                        stack.append(.other(item))
                        render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                } else if let items = value as? [Any] {
                    for item in items {
                        stack.append(Frame(item))
                        render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                } else if value is Bool {
                    render(children, stack: &stack, into: &output)
                } else {
                    stack.append(Frame(value))
                    render(children, stack: &stack, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, let indent):
                guard let partial = templates[name] else { continue }
                if indent.isEmpty {
                    render(partial.nodes, stack: &stack, into: &output)
                } else {
                    var rendered: [UInt8] = []
                    render(partial.nodes, stack: &stack, into: &rendered)
                    var atLineStart = true
                    for byte in rendered {
                        if atLineStart { output.append(contentsOf: indent) }
                        output.append(byte)
                        atLineStart = byte == 0x0A
                    }
                }
            }
        }
    }

    /// A name's value: its first part looked up from the innermost frame outwards, the rest
    /// inside that value.
    private func lookUp(_ path: [String], in stack: [Frame]) -> Any? {
        if path.count == 1, path[0] == "." { return stack.last?.value }
        var found: Any?
        for frame in stack.reversed() {
            if case .dictionary(let dictionary) = frame, let value = dictionary[path[0]] {
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
        case let value as [[String: Any]]: !value.isEmpty
        case let value as [String]: !value.isEmpty
        case let value as [Any]: !value.isEmpty
        default: true
        }
    }

    private func append(_ value: Any, escaped: Bool, to output: inout [UInt8]) {
        let text: String
        switch value {
        case let value as String: text = value
        case let value as Int: text = String(value)
        case let value as Bool: text = value ? "true" : "false"
        default: text = String(describing: value)
        }
        let needsEscaping =
            escaped
            && text.utf8.contains {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            }
        guard needsEscaping else { return output.append(contentsOf: text.utf8) }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
