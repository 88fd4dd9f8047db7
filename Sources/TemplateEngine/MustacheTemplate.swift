/// A Mustache template compiled once and rendered many times, straight into UTF-8 bytes.
///
/// It implements the required modules of the Mustache specification
/// (github.com/mustache/spec) but set delimiters: escaped `{{name}}` and raw `{{{name}}}` /
/// `{{& name}}` values, dotted names and `{{.}}`, sections `{{#name}}` over lists,
/// dictionaries, strings and booleans, inverted sections `{{^name}}`, partials `{{> name}}`
/// (a standalone one indents each line of its template), comments `{{! … }}`, and the rule
/// that a line holding only a section, partial or comment tag leaves no trace. Set
/// delimiters `{{=… =}}` are reported as an error; lambdas are not supported.
public struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case value(path: [String], escaped: Bool)
        case section(path: [String], nodes: [Node], inverted: Bool)
        /// A partial; `indent` is the whitespace before a standalone one, `nil` for one
        /// within a line.
        case partial(name: String, indent: [UInt8]?)
    }

    let nodes: [Node]

    /// The template's value, section and partial tags, sections holding the tags inside
    /// them, each with its line and column: what a caller checks names against before
    /// rendering.
    public let tags: [TemplateTag]

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
        tags = parser.sections[0].tags
    }
}

/// A tag of a template that names something: a value, a section or a partial.
public struct TemplateTag: Sendable {
    /// What the tag does.
    public enum Kind: Sendable {
        /// `{{name}}`, `{{{name}}}` or `{{& name}}`.
        case value
        /// `{{#name}}…{{/name}}`.
        case section
        /// `{{^name}}…{{/name}}`.
        case invertedSection
        /// `{{> name}}`.
        case partial
    }

    /// What the tag does.
    public let kind: Kind
    /// The name as written (`a.b`, `.`, or a partial's name).
    public let name: String
    /// The name's parts (`["a", "b"]`); `["."]` for the current value; empty for a partial.
    public let path: [String]
    /// The tag's line, from 1.
    public let line: Int
    /// The tag's column, from 1, in characters.
    public let column: Int
    /// For a section, the tags inside it.
    public let children: [TemplateTag]
}

/// Why a template could not be compiled: what is wrong and where.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The line of the problem, from 1.
    public var line: Int
    /// The column of the problem, from 1, in characters.
    public var column: Int
    /// What is wrong, and what to do.
    public var message: String
    /// The text of the line with the problem, without its line ending.
    public var lineText: String

    /// The problem as `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Turns a template's bytes into nodes.
private struct Parser {
    /// A section opened and not yet closed, with the nodes gathered inside it so far.
    struct OpenSection {
        var path: [String]
        var name: String
        var start: Int
        var inverted: Bool
        var nodes: [MustacheTemplate.Node] = []
        var tags: [TemplateTag] = []
    }

    let bytes: [UInt8]
    var position = 0
    /// The open sections, innermost last; the first stands for the template itself.
    var sections = [OpenSection(path: [], name: "", start: 0, inverted: false)]
    /// Text read since the last tag.
    var text: [UInt8] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let open: [UInt8] = Array("{{".utf8)
    private static let sigils: [UInt8] = Array("{&#^/!>=".utf8)
    private static let standaloneSigils: [UInt8] = Array("#^/!>".utf8)

    mutating func parse() throws(TemplateError) -> [MustacheTemplate.Node] {
        while position < bytes.count {
            guard let tagStart = find(Self.open, from: position) else {
                text.append(contentsOf: bytes[position...])
                break
            }
            text.append(contentsOf: bytes[position..<tagStart])
            try readTag(at: tagStart)
        }
        flush()
        if sections.count > 1, let open = sections.last {
            throw error("{{#\(open.name)}} is never closed; add {{/\(open.name)}}", at: open.start)
        }
        return sections[0].nodes
    }

    /// Reads the tag that starts at an offset and moves past it (and past its line, when
    /// it stands alone on it).
    private mutating func readTag(at tagStart: Int) throws(TemplateError) {
        var contentStart = tagStart + 2
        let sigil: UInt8? =
            contentStart < bytes.count && Self.sigils.contains(bytes[contentStart])
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
        var standaloneIndent: [UInt8]?
        if let sigil, Self.standaloneSigils.contains(sigil) {
            standaloneIndent = takeStandaloneLine(tagStart: tagStart, tagEnd: tagEnd)
        }
        if standaloneIndent == nil { position = tagEnd }
        try add(sigil: sigil, content: content, at: tagStart, standaloneIndent: standaloneIndent)
    }

    /// When the tag is alone on its line but for blanks, takes the line out of the output
    /// and returns the blanks before the tag; otherwise `nil`.
    private mutating func takeStandaloneLine(tagStart: Int, tagEnd: Int) -> [UInt8]? {
        var lineStart = tagStart
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = tagEnd
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let before = bytes[lineStart..<tagStart]
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard before.allSatisfy(blank), bytes[tagEnd..<lineEnd].allSatisfy(blank),
            text.count >= before.count
        else { return nil }
        text.removeLast(before.count)
        position = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
        return Array(before)
    }

    /// Adds a tag's node, or opens or closes its section.
    private mutating func add(
        sigil: UInt8?, content: String, at tagStart: Int, standaloneIndent: [UInt8]?
    ) throws(TemplateError) {
        switch sigil {
        case UInt8(ascii: "!"):
            return
        case UInt8(ascii: "="):
            throw error("changing the delimiters is not supported; keep {{ and }}", at: tagStart)
        case UInt8(ascii: ">"):
            flush()
            sections[sections.count - 1].nodes.append(
                .partial(name: content, indent: standaloneIndent))
            sections[sections.count - 1].tags.append(
                tag(.partial, content, path: [], at: tagStart, children: []))
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            flush()
            sections.append(
                OpenSection(
                    path: try path(content, at: tagStart), name: content, start: tagStart,
                    inverted: sigil == UInt8(ascii: "^")))
        case UInt8(ascii: "/"):
            flush()
            guard sections.count > 1 else {
                throw error("{{/\(content)}} closes a section that was never opened", at: tagStart)
            }
            let section = sections.removeLast()
            guard section.name == content else {
                throw error(
                    "{{/\(content)}} closes a section, but the open one is {{#\(section.name)}}",
                    at: tagStart)
            }
            sections[sections.count - 1].nodes.append(
                .section(path: section.path, nodes: section.nodes, inverted: section.inverted))
            sections[sections.count - 1].tags.append(
                tag(
                    section.inverted ? .invertedSection : .section, section.name,
                    path: section.path, at: section.start, children: section.tags))
        default:
            flush()
            let namePath = try path(content, at: tagStart)
            sections[sections.count - 1].nodes.append(.value(path: namePath, escaped: sigil == nil))
            sections[sections.count - 1].tags.append(
                tag(.value, content, path: namePath, at: tagStart, children: []))
        }
    }

    /// A tag's outline entry, with the line and column of its offset.
    private func tag(
        _ kind: TemplateTag.Kind, _ name: String, path: [String], at offset: Int,
        children: [TemplateTag]
    ) -> TemplateTag {
        let (line, column, _) = position(of: offset)
        return TemplateTag(
            kind: kind, name: name, path: path, line: line, column: column, children: children)
    }

    /// Ends the text read so far as a node of the innermost open section.
    private mutating func flush() {
        if !text.isEmpty { sections[sections.count - 1].nodes.append(.text(text)) }
        text = []
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

    /// An error at a byte offset, with its line and column counted in the bytes, so that
    /// `\r\n` and `\n` line endings count the same.
    private func error(_ message: String, at offset: Int) -> TemplateError {
        let (line, column, lineText) = position(of: offset)
        return TemplateError(line: line, column: column, message: message, lineText: lineText)
    }

    /// The line and column (in characters) of a byte offset, and the text of its line.
    private func position(of offset: Int) -> (line: Int, column: Int, lineText: String) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (
            line, column,
            String(decoding: bytes[lineStart..<max(lineStart, lineEnd)], as: UTF8.self)
        )
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
