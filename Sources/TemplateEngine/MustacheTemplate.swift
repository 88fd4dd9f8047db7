/// A Mustache template compiled once and rendered many times, straight into UTF-8 bytes.
///
/// It implements the parts of Mustache a site's templates use: escaped `{{name}}` and raw
/// `{{{name}}}` / `{{& name}}` values, dotted names and `{{.}}`, sections `{{#name}}` over
/// lists, dictionaries, strings and booleans, inverted sections `{{^name}}`, partials
/// `{{> name}}`, comments `{{! … }}`, and the specification's rule that a line holding only
/// a section, partial or comment tag leaves no trace. Set delimiters and lambdas are not
/// supported and are reported as errors.
public struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case value(path: [String], escaped: Bool)
        case section(path: [String], nodes: [Node], inverted: Bool)
        case partial(name: String, indent: [UInt8])
    }

    let nodes: [Node]

    /// The partials the template includes.
    var partialNames: [String] {
        func names(in nodes: [Node]) -> [String] {
            nodes.flatMap { node -> [String] in
                switch node {
                case .partial(let name, _): return [name]
                case .section(_, let children, _): return names(in: children)
                case .text, .value: return []
                }
            }
        }
        return names(in: nodes)
    }

    /// Compiles a template.
    ///
    /// - Throws: ``TemplateError`` with the line and column of the first problem.
    public init(_ text: String) throws(TemplateError) {
        var parser = Parser(Array(text.utf8))
        nodes = try parser.parse()
    }
}

/// Why a template could not be compiled: what is wrong and where.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The line of the problem, from 1.
    public var line: Int
    /// The column of the problem, from 1, in characters.
    public var column: Int
    /// What is wrong, and what to do.
    public var message: String

    /// The problem as `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Turns a template's bytes into nodes.
private struct Parser {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let open: [UInt8] = Array("{{".utf8)

    mutating func parse() throws(TemplateError) -> [MustacheTemplate.Node] {
        // Open sections: their path, where they opened, and the nodes gathered so far.
        var stack:
            [(
                path: [String], name: String, start: Int, inverted: Bool,
                nodes: [MustacheTemplate.Node]
            )] = [
                ([], "", 0, false, [])
            ]
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
            text = []
        }
        while position < bytes.count {
            guard let tagStart = find(Self.open, from: position) else {
                text.append(contentsOf: bytes[position...])
                position = bytes.count
                break
            }
            text.append(contentsOf: bytes[position..<tagStart])
            var contentStart = tagStart + 2
            let sigil: UInt8? =
                contentStart < bytes.count && Array("{&#^/!>=".utf8).contains(bytes[contentStart])
                ? bytes[contentStart] : nil
            if sigil != nil { contentStart += 1 }
            let closing: [UInt8] = sigil == UInt8(ascii: "{") ? Array("}}}".utf8) : Array("}}".utf8)
            guard let contentEnd = find(closing, from: contentStart) else {
                throw error(
                    "a tag opened here is never closed with \(String(decoding: closing, as: UTF8.self))",
                    at: tagStart)
            }
            let tagEnd = contentEnd + closing.count
            let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
                .trimmingWhitespace()

            // A section, partial or comment tag alone on its line takes the line with it.
            var standaloneIndent: [UInt8]?
            if let sigil,
                [
                    UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                    UInt8(ascii: ">"),
                ].contains(sigil)
            {
                var lineStart = tagStart
                while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = tagEnd
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let before = bytes[lineStart..<tagStart]
                let after = bytes[tagEnd..<lineEnd]
                let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if before.allSatisfy(blank), after.allSatisfy(blank),
                    text.count >= before.count
                {
                    text.removeLast(before.count)
                    standaloneIndent = Array(before)
                    position = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
                }
            }
            if standaloneIndent == nil { position = tagEnd }

            switch sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "="):
                throw error(
                    "changing the delimiters is not supported; keep {{ and }}", at: tagStart)
            case UInt8(ascii: ">"):
                flush()
                stack[stack.count - 1].nodes.append(
                    .partial(name: content, indent: standaloneIndent ?? []))
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                flush()
                stack.append(
                    (
                        try path(content, at: tagStart), content, tagStart,
                        sigil == UInt8(ascii: "^"), []
                    ))
            case UInt8(ascii: "/"):
                flush()
                guard stack.count > 1 else {
                    throw error(
                        "{{/\(content)}} closes a section that was never opened", at: tagStart)
                }
                let section = stack.removeLast()
                guard section.name == content else {
                    throw error(
                        "{{/\(content)}} closes a section, but the open one is {{#\(section.name)}}",
                        at: tagStart)
                }
                stack[stack.count - 1].nodes.append(
                    .section(path: section.path, nodes: section.nodes, inverted: section.inverted))
            default:
                flush()
                stack[stack.count - 1].nodes.append(
                    .value(path: try path(content, at: tagStart), escaped: sigil == nil))
            }
        }
        flush()
        if stack.count > 1, let open = stack.last {
            throw error("{{#\(open.name)}} is never closed; add {{/\(open.name)}}", at: open.start)
        }
        return stack[0].nodes
    }

    private func path(_ name: String, at offset: Int) throws(TemplateError) -> [String] {
        guard !name.isEmpty else { throw error("a tag has no name", at: offset) }
        if name == "." { return ["."] }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            throw error(
                "'\(name)' is not a name; use letters, digits and _ joined by dots", at: offset)
        }
        return parts
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0],
                bytes[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                return index
            }
            index += 1
        }
        return nil
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return TemplateError(line: line, column: column, message: message)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
            return ""
        }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
