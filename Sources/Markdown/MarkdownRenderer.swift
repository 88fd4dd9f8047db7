/// Renders Markdown notes to HTML fragments with cmark-gfm.
///
/// The renderer reads GitHub Flavored Markdown: tables, strikethrough, autolinks, task lists
/// and footnotes. It is safe by default: raw HTML is left out, links and images whose
/// destination uses a scheme other than `http`, `https` or (for links) `mailto` and `tel`
/// lose their destination, and cmark-gfm's tagfilter extension is on. Headings get `id`
/// attributes so readers can link to a section of a note. A note larger than its limit, or
/// shaped to make cmark-gfm take quadratic time or memory, is refused before it is parsed.
///
/// A renderer is a value; it is safe to share one between threads and to call
/// ``render(_:)`` from many threads at once.
///
/// ```swift
/// let renderer = MarkdownRenderer(options: .init(typography: Typography(languageCode: "el")))
/// let note = try renderer.render("## Ίδρυση\n\nΗ Scale AI ιδρύθηκε το 2016.")
/// print(note.html)  // <h2 id="ίδρυση">Ίδρυση</h2>\n<p>Η Scale AI ιδρύθηκε το 2016.</p>\n
/// ```
public struct MarkdownRenderer: Sendable {
    /// How the renderer treats its input.
    public var options: Options

    /// Creates a renderer with the given options.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Renders a Markdown document to an HTML fragment.
    ///
    /// The steps: check the note against its limits (``check(_:)``); parse it; make the
    /// tree safe; apply typography; give headings ids; render; touch up task lists and
    /// footnotes.
    ///
    /// - Parameter markdown: The note's Markdown source.
    /// - Returns: The HTML, the note's headings and what was left out for safety.
    /// - Throws: ``MarkdownError`` when the note is over a limit or cmark-gfm fails.
    public func render(_ markdown: String) throws(MarkdownError) -> RenderedNote {
        try check(markdown)
        let tree = try CommonMarkTree(parsing: markdown, allowsRawHTML: options.allowsRawHTML)
        let links = SafetyPass.links(in: tree)
        let omissions = SafetyPass.run(
            on: tree, allowsRawHTML: options.allowsRawHTML, eventLinks: options.eventLinks)
        if let typography = options.typography {
            TypographyPass.run(typography, on: tree)
        }
        let headings = HeadingPass.run(on: tree)
        // What the HTML needs touching up for, read off the tree (cheaper than searching it).
        var (hasTaskItems, hasFootnotes) = (false, false)
        tree.walk(from: tree.root) { node in
            hasFootnotes = hasFootnotes || node.kind == .footnoteDefinition
            hasTaskItems = hasTaskItems || node.isTaskItem
        }
        var html = try tree.renderHTML()
        if hasTaskItems {
            html = HTMLTouchUps.replacingTaskCheckboxes(in: html)
        }
        if hasFootnotes {
            html = HTMLTouchUps.touchingUpFootnotes(
                in: html, backlinkLabel: options.footnoteBacklinkLabel)
        }
        return RenderedNote(html: html, headings: headings, omissions: omissions, links: links)
    }

    /// Checks a note against the renderer's limits without rendering it: its size
    /// (``Options/maximumInputSize``) and the shapes that would take cmark-gfm quadratic
    /// time or memory (tables with too many cells or too wide rows, unclosed image
    /// openers, long unbroken text full of autolink candidates, too many footnote
    /// references). The scan is linear and deterministic.
    ///
    /// - Throws: ``MarkdownError/inputTooLarge(size:limit:)`` or
    ///   ``MarkdownError/overLimit(_:)``, with the line and column.
    public func check(_ markdown: String) throws(MarkdownError) {
        try NoteBudget.check(markdown, maximumSize: options.maximumInputSize)
    }
}

extension MarkdownRenderer {
    /// Settings for a ``MarkdownRenderer``.
    public struct Options: Sendable, Hashable {
        /// Whether raw HTML in the note reaches the output. Off by default; turn it on only
        /// for trusted content. Even then the tagfilter extension neutralises `<script>`,
        /// `<iframe>`, `<style>` and the other tags GitHub filters.
        public var allowsRawHTML: Bool

        /// The typographic conventions of the note's language, or `nil` to leave quotes,
        /// dashes and ellipses exactly as typed.
        public var typography: Typography?

        /// The accessible label of the "back to the text" links in the footnotes section.
        /// cmark-gfm writes "Back to content"; pages in other languages should translate it.
        public var footnoteBacklinkLabel: String

        /// The largest input, in UTF-8 bytes, that ``MarkdownRenderer/render(_:)`` accepts.
        public var maximumInputSize: Int

        /// Where links written `event:SLUG` (optionally `event:SLUG#section`) go, by slug,
        /// such as `"scale-ai-founded": "scale-ai-founded.html"`. A slug it lacks is left
        /// out as an ``Omission/Kind/unknownEvent``. `nil` (the default) treats `event:` as
        /// any other unknown scheme.
        public var eventLinks: [String: String]?

        /// The default limit on input size: 1 MiB, plenty for a timeline note.
        public static let defaultMaximumInputSize = 1024 * 1024

        /// Creates options; the defaults are safe and leave punctuation as typed.
        public init(
            allowsRawHTML: Bool = false,
            typography: Typography? = nil,
            footnoteBacklinkLabel: String = "Back to content",
            maximumInputSize: Int = Options.defaultMaximumInputSize,
            eventLinks: [String: String]? = nil
        ) {
            self.allowsRawHTML = allowsRawHTML
            self.typography = typography
            self.footnoteBacklinkLabel = footnoteBacklinkLabel
            self.maximumInputSize = maximumInputSize
            self.eventLinks = eventLinks
        }
    }
}
