/// Why a Markdown note could not be rendered.
public enum MarkdownError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The note is larger than ``MarkdownRenderer/Options/maximumInputSize``.
    case inputTooLarge(size: Int, limit: Int)

    /// cmark-gfm does not know a GitHub Flavored Markdown extension the renderer needs,
    /// which means `libcmark-gfm-extensions` is missing or does not match `libcmark-gfm`.
    case extensionUnavailable(name: String)

    /// cmark-gfm could not create a parser.
    case parserUnavailable

    /// cmark-gfm returned no HTML for a parsed document.
    case renderingFailed

    /// A sentence that says what failed and what to do.
    public var description: String {
        switch self {
        case .inputTooLarge(let size, let limit):
            return "the note is \(size) bytes, more than the limit of \(limit) bytes; "
                + "split it or raise the limit"
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
