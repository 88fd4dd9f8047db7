import Foundation
import Yams

/// Parsing YAML into Yams nodes, which keep the line and column of every value.
enum YAMLDocument {
    /// The root node of a YAML text; `nil`, with an error logged at the line and column
    /// libyaml reports, when the text is not valid YAML. `lineOffset` is added to every
    /// line, for YAML that starts further down a file (front matter).
    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: inout ProblemLog)
        -> Node?
    {
        do {
            // The encoding is named: Yams otherwise works out its default on every parse,
            // which costs more than parsing a note's front matter. Every value is read as
            // text and checked here, so the basic resolver (no regular expressions to guess
            // numbers, booleans and dates) is enough.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let context = context.map { "\($0.text) " } ?? ""
                log.error(
                    "invalid YAML: \(context)\(problem); check indentation, colons and quotes",
                    in: file, line: mark.line + lineOffset, column: mark.column)
            default:
                log.error("invalid YAML: \(error)", in: file)
            }
        } catch {
            log.error("invalid YAML: \(error)", in: file)
        }
        return nil
    }
}

/// The fields of a YAML mapping, checked against the fields a file may have: duplicates
/// and unknown fields (a typo such as `titel`) are reported with their position.
struct YAMLFields {
    let file: String
    let lineOffset: Int
    /// Where the mapping starts, for problems about a missing field.
    let line: Int?
    let column: Int?
    private var values: [String: Node] = [:]

    /// Reads `node` as a mapping whose keys must be among `known`; `nil`, with an error
    /// logged, when it is not a mapping.
    init?(
        _ node: Node?, known: [String], describedAs what: String, file: String, lineOffset: Int = 0,
        log: inout ProblemLog
    ) {
        self.file = file
        self.lineOffset = lineOffset
        self.line = node?.mark.map { $0.line + lineOffset }
        self.column = node?.mark?.column
        guard let node, case .mapping(let mapping) = node else {
            log.error(
                "\(what) must be a set of `field: value` lines, with the fields "
                    + known.joined(separator: ", "),
                in: file, line: line, column: column)
            return nil
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let (line, column) = (keyNode.mark.map { $0.line + lineOffset }, keyNode.mark?.column)
            if values[key] != nil {
                log.error(
                    "the field '\(key)' appears twice; keep one", in: file, line: line,
                    column: column)
            } else if !known.contains(key) {
                let suggestion =
                    Self.closest(to: key, among: known).map { "did you mean '\($0)'? " } ?? ""
                log.error(
                    "unknown field '\(key)'; \(suggestion)\(what) has the fields \(known.joined(separator: ", "))",
                    in: file, line: line, column: column)
            } else {
                values[key] = value
            }
        }
    }

    /// The value of a field, or `nil` when it is absent.
    subscript(key: String) -> Node? { values[key] }

    /// The value of a field that must be present; logs an error when it is absent.
    func required(_ key: String, log: inout ProblemLog) -> Node? {
        guard let value = values[key] else {
            log.error("missing the required field '\(key)'", in: file, line: line, column: column)
            return nil
        }
        return value
    }

    /// A field's text, which must be a non-empty scalar.
    func text(_ key: String, required: Bool = true, log: inout ProblemLog) -> String? {
        guard let node = required ? self.required(key, log: &log) : values[key] else { return nil }
        return text(of: node, field: key, log: &log)
    }

    /// A field whose text must be one of a type's raw values, such as a qualifier or a role.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, log: inout ProblemLog
    ) -> Choice? where Choice.RawValue == String {
        guard let text = text(key, required: required, log: &log) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        error(
            "unknown \(key) '\(text)'; use \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")",
            at: self[key], log: &log)
        return nil
    }

    /// A node's text, which must be a non-empty scalar.
    func text(of node: Node, field: String, log: inout ProblemLog) -> String? {
        guard case .scalar(let scalar) = node else {
            error(
                "'\(field)' must be a single value, not a list or a set of fields", at: node,
                log: &log)
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        guard !text.isEmpty else {
            error("'\(field)' is empty; give it a value", at: node, log: &log)
            return nil
        }
        return text
    }

    /// A field that must be a list; each item is returned with nothing checked yet.
    func list(_ key: String, log: inout ProblemLog) -> [Node] {
        guard let node = values[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            error("'\(key)' must be a list, one `- item` a line", at: node, log: &log)
            return []
        }
        return Array(sequence)
    }

    /// Logs an error at a node's position.
    func error(_ message: String, at node: Node?, log: inout ProblemLog) {
        log.error(
            message, in: file, line: node?.mark.map { $0.line + lineOffset } ?? line,
            column: node?.mark?.column ?? column)
    }

    /// The known name closest to a misspelt one, when it is close enough to be a typo:
    /// one edit away for short names, two for longer ones, a swap of neighbours counting as one.
    static func closest(to name: String, among known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(name.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (name.count <= 4 ? 1 : 2) else {
            return nil
        }
        return best.0
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps
    /// of adjacent characters.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(
                    table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
