import Content

/// One thing `sitegen check` found: where, how serious, which check, and what to do.
public struct Finding: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable {
        /// The site cannot be built until it is fixed.
        case error
        /// Probably wrong; fails `sitegen check --strict`.
        case warning
        /// For information, such as an external link that was listed but not checked.
        case note
    }

    /// Which check made a finding.
    public enum Kind: String, Sendable, Hashable {
        /// Loading the content, as a build does.
        case content
        /// A translation that is missing, stale or never marked.
        case translation
        /// A figure that disagrees with the record or with the other notes.
        case figure
        /// A link to an event or page that does not exist.
        case link
        /// An external address, listed or checked.
        case externalLink = "external-link"
        /// A source of an event.
        case source
    }

    /// The file, as a path that starts with the content folder as given.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, counted in characters, when known.
    public var column: Int?
    /// How serious it is.
    public var severity: Severity
    /// Which check made it.
    public var kind: Kind
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates a finding.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, severity: Severity, kind: Kind,
        message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
        self.message = message
    }

    /// A finding made of a problem the content loader reported.
    init(_ problem: ContentProblem) {
        self.init(
            file: problem.file, line: problem.line, column: problem.column,
            severity: problem.severity == .error ? .error : .warning, kind: .content,
            message: problem.message)
    }

    /// `FILE:LINE:COLUMN: warning: MESSAGE`, as compilers write it, so editors can jump to it;
    /// control characters from the content are shown as `\u{1b}`, never sent to a terminal.
    public var description: String {
        let position = [line, column].compactMap { $0 }.map { ":\($0)" }.joined()
        return Self.visible("\(file)\(position): \(severity.rawValue): \(message)")
    }

    /// Text with control characters (C0, DEL, C1, and line and paragraph separators) made
    /// visible.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                result += "\\u{\(String(value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The finding as one line of JSON: file, line, column, severity, kind and message.
    public var json: String {
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _
                where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        return "{\"file\":\(quoted(file)),\"line\":\(line.map(String.init) ?? "null"),"
            + "\"column\":\(column.map(String.init) ?? "null"),"
            + "\"severity\":\(quoted(severity.rawValue)),\"kind\":\(quoted(kind.rawValue)),"
            + "\"message\":\(quoted(message))}"
    }

    /// Orders findings by file, then position, then message, so reports are stable.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message)
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// The state of one event's note in one language.
public enum TranslationState: String, Sendable, Hashable {
    /// The default-language note itself.
    case original
    /// A translation marked as made from the current default-language note.
    case current
    /// A translation made from an older default-language note, or never marked.
    case stale
    /// No note in that language.
    case missing
}

/// What `sitegen check` found in a content folder.
public struct CheckReport: Sendable {
    /// Every finding, sorted by file and position.
    public var findings: [Finding]

    /// The languages of the site, the default first, as the status table's columns.
    public var languages: [String]

    /// Each event's slug and the state of its note in each language, in timeline order.
    public var translationStatus: [(slug: String, states: [String: TranslationState])]

    /// The findings that stop a build.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// The findings that fail `--strict`.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }

    /// Creates a report.
    public init(
        findings: [Finding], languages: [String],
        translationStatus: [(slug: String, states: [String: TranslationState])]
    ) {
        self.findings = findings.sorted()
        self.languages = languages
        self.translationStatus = translationStatus
    }

    /// The translation status as a text table: an event a row, a language a column.
    public var statusTable: String {
        let width = max(5, translationStatus.map(\.slug.count).max() ?? 0)
        func padded(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        var lines = [padded("event", width) + languages.map { "  " + padded($0, 8) }.joined()]
        for row in translationStatus {
            lines.append(
                padded(row.slug, width)
                    + languages.map { "  " + padded(row.states[$0]?.rawValue ?? "missing", 8) }
                    .joined())
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }
}
