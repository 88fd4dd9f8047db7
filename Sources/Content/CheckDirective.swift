/// The comments a note may carry for `sitegen check`, such as
/// `<!-- check: ignore-figure -->` before a paragraph whose figures differ on purpose.
///
/// They are HTML comments, so the page never shows them; the build drops them without the
/// "raw HTML was left out" warning that any other raw HTML gets.
public enum CheckDirective {
    /// What every directive starts with.
    public static let prefix = "<!-- check:"

    /// The directive that silences the figure checks for the paragraph after it; a reason
    /// may follow it, as in `<!-- check: ignore-figure: context, not in the record -->`.
    public static let ignoreFigure = "ignore-figure"

    /// Whether a piece of raw HTML is exactly one directive comment on one line, such as
    /// `<!-- check: ignore-figure -->` (with or without a reason).
    public static func isDirective(_ html: String) -> Bool {
        let text = html.trimmingWhitespace()
        return text.hasPrefix(prefix) && text.hasSuffix("-->") && !text.contains("\n")
            && text.utf8.count >= prefix.utf8.count + 3
            && !text.dropFirst(4).dropLast(3).contains("--")
    }

    /// Whether a line of a note is the ignore-figure directive.
    public static func isIgnoreFigure(_ line: some StringProtocol) -> Bool {
        let text = String(line).trimmingWhitespace()
        guard isDirective(text) else { return false }
        let inside = text.dropFirst(prefix.count).dropLast(3).trimmingWhitespace()
        return inside == ignoreFigure || inside.hasPrefix(ignoreFigure + ":")
            || inside.hasPrefix(ignoreFigure + " ")
    }
}

extension StringProtocol {
    /// The text without spaces, tabs and line breaks at either end.
    fileprivate func trimmingWhitespace() -> String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
