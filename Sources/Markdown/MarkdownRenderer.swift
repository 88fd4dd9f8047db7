/// Renders Markdown notes to HTML fragments with cmark-gfm.
///
/// The renderer reads GitHub Flavored Markdown: tables, strikethrough, autolinks, task lists
/// and footnotes. It is safe by default: raw HTML is left out, links and images whose
/// destination uses a scheme other than `http`, `https` or (for links) `mailto` and `tel`
/// lose their destination, and cmark-gfm's tagfilter extension is on. Headings get `id`
/// attributes so readers can link to a section of a note.
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
    /// - Parameter markdown: The note's Markdown source.
    /// - Returns: The HTML, the note's headings and what was left out for safety.
    /// - Throws: ``MarkdownError`` when the input is larger than
    ///   ``Options/maximumInputSize`` or cmark-gfm fails.
    public func render(_ markdown: String) throws(MarkdownError) -> RenderedNote {
        let size = markdown.utf8.count
        guard size <= options.maximumInputSize else {
            throw .inputTooLarge(size: size, limit: options.maximumInputSize)
        }
        return try CommonMarkDocument.render(markdown, options: options)
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

        /// The default limit on input size: 32 MiB, far beyond any note.
        public static let defaultMaximumInputSize = 32 * 1024 * 1024

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
