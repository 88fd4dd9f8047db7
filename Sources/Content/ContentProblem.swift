/// Something wrong with the content, and where: a file, and the line and column when known.
public struct ContentProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The site cannot be built until it is fixed.
        case error
        /// The site builds, but something is probably not what was meant.
        case warning
    }

    /// How serious it is.
    public var severity: Severity

    /// The file, as a path that starts with the content folder as given.
    public var file: String

    /// The 1-based line, when known.
    public var line: Int?

    /// The 1-based column, counted in characters, when known.
    public var column: Int?

    /// What is wrong and what to do about it.
    public var message: String

    /// Creates a problem.
    public init(
        severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, as compilers write it, so editors can jump to it.
    public var description: String {
        let position = [line, column].compactMap { $0 }.map { ":\($0)" }.joined()
        return "\(file)\(position): \(severity.rawValue): \(message)"
    }

    /// Orders problems by file, then position, then message, so reports are stable.
    public static func < (lhs: ContentProblem, rhs: ContentProblem) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message)
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// The content could not be loaded: every problem found, errors and warnings, in order.
public struct ContentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, sorted by file and position.
    public var problems: [ContentProblem]

    /// Creates an error from the problems found.
    public init(problems: [ContentProblem]) {
        self.problems = problems.sorted()
    }

    /// The problems that stop the build.
    public var errors: [ContentProblem] { problems.filter { $0.severity == .error } }

    /// One problem a line, then a count.
    public var description: String {
        let count = errors.count
        return
            (problems.map(\.description) + ["\(count) error\(count == 1 ? "" : "s") in the content"])
            .joined(separator: "\n")
    }
}

/// Collects problems while content is read, so that one run reports all of them.
struct ProblemLog {
    private(set) var problems: [ContentProblem] = []

    /// How many errors have been logged so far.
    private(set) var errorCount = 0

    mutating func error(_ message: String, in file: String, line: Int? = nil, column: Int? = nil) {
        errorCount += 1
        problems.append(
            ContentProblem(
                severity: .error, file: file, line: line, column: column, message: message))
    }

    /// Adds the problems of another log, after this one's.
    mutating func append(_ other: ProblemLog) {
        problems.append(contentsOf: other.problems)
        errorCount += other.errorCount
    }

    mutating func warning(_ message: String, in file: String, line: Int? = nil, column: Int? = nil)
    {
        problems.append(
            ContentProblem(
                severity: .warning, file: file, line: line, column: column, message: message))
    }
}
