/// Why a Markdown note could not be rendered.
public enum MarkdownError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The note is larger than ``MarkdownRenderer/Options/maximumInputSize``.
    case inputTooLarge(size: Int, limit: Int)

    /// The note holds a shape that would take cmark-gfm quadratic time or memory, past
    /// what any real note needs.
    case overLimit(LimitExceeded)

    /// cmark-gfm does not know a GitHub Flavored Markdown extension the renderer needs,
    /// which means `libcmark-gfm-extensions` is missing or does not match `libcmark-gfm`.
    case extensionUnavailable(name: String)

    /// cmark-gfm could not create a parser.
    case parserUnavailable

    /// cmark-gfm returned no HTML for a parsed document.
    case renderingFailed

    /// Where in the note the error is, when it is at one place: 1-based line and column.
    public var position: (line: Int, column: Int)? {
        guard case .overLimit(let excess) = self else { return nil }
        return (excess.line, excess.column)
    }

    /// A sentence that says what failed and what to do.
    public var description: String {
        switch self {
        case .inputTooLarge(let size, let limit):
            return "the note is \(size) bytes, more than the limit of \(limit) bytes; "
                + "split it, or raise max_note_size in site.yml"
        case .overLimit(let excess):
            return excess.description
        case .extensionUnavailable(let name):
            return "cmark-gfm has no '\(name)' extension; install libcmark-gfm-extensions-dev "
                + "in the same version as libcmark-gfm-dev"
        case .parserUnavailable:
            return "cmark-gfm could not create a parser"
        case .renderingFailed:
            return "cmark-gfm returned no HTML for the note"
        }
    }
}

/// A limit of the pre-scan that a note went over (see ``MarkdownRenderer``), where, and
/// by how much.
public struct LimitExceeded: Sendable, Hashable, CustomStringConvertible {
    /// Which limit.
    public enum Kind: Sendable, Hashable {
        /// Cells of all tables, counting those cmark-gfm fills in for short rows.
        case tableCells
        /// Table rows so wide that their cells cost quadratic time.
        case tableRowWidth
        /// `![` left open before closing brackets in one paragraph.
        case imageOpeners
        /// `:` and `@` in long words or paragraphs, which the autolink extension rescans.
        case autolinks
        /// Footnote references.
        case footnoteReferences
        /// Characters and lines that can each make a node of cmark-gfm's tree.
        case nodes
    }

    /// Which limit.
    public var kind: Kind
    /// The 1-based line of the note where the construct that went over starts.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes, on ``line``.
    public var column: Int
    /// The measure that went over: cells, a row's cells, references, or units of work.
    public var amount: Int

    /// Creates an excess.
    public init(kind: Kind, line: Int, column: Int, amount: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        self.amount = amount
    }

    /// What went over, why it matters and what to do; a caller adds the file and line.
    public var description: String {
        switch kind {
        case .tableCells:
            return "the tables from this one on would have \(amount) cells (rows × columns, "
                + "counting the cells filled in for short rows), more than the limit of "
                + "\(NoteBudget.maximumTableCells); make the tables smaller or split the note"
        case .tableRowWidth:
            return "a table row of \(amount) cells; rows this wide take quadratic time to "
                + "parse; keep tables to a few hundred columns"
        case .imageOpeners:
            return "in this paragraph, closing brackets `]` pass over too many unclosed image "
                + "openers `![` (\(amount) steps, more than \(NoteBudget.maximumImageOpenerWork)), "
                + "which takes quadratic time to parse; close the images or escape them as `\\![`"
        case .autolinks:
            return "too many `:` and `@` in long unbroken text from here (\(amount) units of "
                + "autolink scanning, more than \(NoteBudget.maximumAutolinkWork)), which takes "
                + "quadratic time to parse; break the text with spaces or paragraphs"
        case .nodes:
            return
                "more than \(NoteBudget.maximumNodes) markup characters (* _ ` ~ < > & \\ [ ] !) "
                + "and lines; each can become a node of the parsed note, so it would take "
                + "hundreds of megabytes to render; split the note"
        case .footnoteReferences:
            return "more than \(NoteBudget.maximumFootnoteReferences) footnote references; each "
                + "writes a back-link, so the page would grow by megabytes; cite less often"
        }
    }
}
