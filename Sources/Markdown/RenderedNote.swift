/// The result of rendering one Markdown note.
public struct RenderedNote: Sendable, Hashable {
    /// The HTML fragment: block elements, one per line, ending with a newline.
    public var html: String

    /// The note's headings in document order, with the ids given to them in ``html``.
    public var headings: [Heading]

    /// What the renderer left out of ``html`` to keep the page safe, in document order.
    public var omissions: [Omission]

    /// Every link and image destination of the note as written, in document order,
    /// including those left out.
    public var links: [LinkReference]

    /// Creates a rendered note.
    public init(
        html: String, headings: [Heading], omissions: [Omission], links: [LinkReference] = []
    ) {
        self.html = html
        self.headings = headings
        self.omissions = omissions
        self.links = links
    }
}

extension RenderedNote {
    /// The slugs the note's `event:SLUG` links name (not images'), each once, in the order
    /// they first appear: the events whose existence the rendering depends on.
    public var linkedEventSlugs: [String] {
        var seen: Set<String> = []
        return links.compactMap { link in
            guard !link.isImage, let slug = LinkSafety.eventSlug(in: link.destination)?.slug,
                seen.insert(slug).inserted
            else { return nil }
            return slug
        }
    }
}

/// A link or image destination as the note writes it, and where.
public struct LinkReference: Sendable, Hashable {
    /// The destination as written (for an autolink, the address cmark-gfm made of it).
    public var destination: String

    /// Whether it is an image's source rather than a link's destination.
    public var isImage: Bool

    /// The 1-based line of the note where the link starts.
    public var line: Int

    /// The 1-based column, in UTF-8 bytes, where the link starts on ``line``.
    public var column: Int

    /// Creates a link reference.
    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// A heading of a rendered note, which a page can link to or list in a table of contents.
public struct Heading: Sendable, Hashable {
    /// The heading's level, 1 to 6.
    public var level: Int

    /// The heading's text without markup.
    public var text: String

    /// The heading's `id` attribute, unique within the note.
    public var id: String

    /// Creates a heading.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// Something the renderer left out of a note for safety, and where it was.
public struct Omission: Sendable, Hashable, CustomStringConvertible {
    /// What kind of content was left out.
    public enum Kind: Sendable, Hashable {
        /// Raw HTML, which reaches the page only with ``MarkdownRenderer/Options/allowsRawHTML``.
        case rawHTML
        /// A link whose destination uses an unsafe scheme; its text is kept without the link.
        case unsafeLink
        /// An image whose source uses an unsafe scheme; its description is kept as text.
        case unsafeImage
        /// An `event:SLUG` link to an event that does not exist; its text is kept.
        case unknownEvent
    }

    /// What kind of content was left out.
    public var kind: Kind

    /// The 1-based line of the note where it starts.
    public var line: Int

    /// The 1-based column, in UTF-8 bytes, where it starts on ``line``.
    public var column: Int

    /// The raw HTML or the destination that was left out.
    public var content: String

    /// Creates an omission.
    public init(kind: Kind, line: Int, column: Int, content: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.content = content
    }

    /// A sentence for an author: what was left out and what to do about it. A caller adds
    /// the file, ``line`` and ``column``.
    public var description: String {
        let shown = content.count > 60 ? String(content.prefix(57)) + "..." : content
        switch kind {
        case .rawHTML:
            return "raw HTML `\(shown)` was left out; write it in Markdown, "
                + "or allow raw HTML for trusted content"
        case .unsafeLink:
            return "link to `\(shown)` was removed; only http, https, mailto, "
                + "tel and relative links are kept"
        case .unsafeImage:
            return "image `\(shown)` was replaced by its description; only "
                + "http, https and relative image sources are kept"
        case .unknownEvent:
            return "link to `\(shown)` names no event; use the slug (folder name) of an "
                + "existing event, as in event:scale-ai-founded"
        }
    }
}

/// Positions in a note's Markdown source.
public enum SourcePosition {
    /// A column given in UTF-8 bytes, as ``Omission`` and ``LinkReference`` give it, as a
    /// 1-based column in characters on that line of `markdown`, as editors count.
    public static func characterColumn(line: Int, byteColumn: Int, in markdown: String) -> Int {
        var currentLine = 1
        var lineStart = markdown.utf8.startIndex
        for index in markdown.utf8.indices where currentLine < line {
            if markdown.utf8[index] == UInt8(ascii: "\n") {
                currentLine += 1
                lineStart = markdown.utf8.index(after: index)
            }
        }
        guard currentLine == line else { return byteColumn }
        let text = markdown.utf8[lineStart...]
        let end = text.index(
            text.startIndex, offsetBy: min(max(0, byteColumn - 1), text.count))
        return String(decoding: text[..<end], as: UTF8.self).count + 1
    }
}
