/// One event of the timeline: its record, shared by every language, and its notes, one
/// per language.
public struct Event: Sendable, Hashable, Identifiable {
    /// The event's name in paths and URLs, unique in the timeline.
    public var slug: String

    /// When it happened.
    public var date: EventDate

    /// Breaks ties between events with the same date: lower first, events without an
    /// order after those with one.
    public var order: Int?

    /// Whether the event is a draft, published only when drafts are asked for.
    public var isDraft: Bool

    /// Topics, as short lowercase words.
    public var tags: [String]

    /// The sums of money the event is about.
    public var amounts: [Amount]

    /// Where its facts come from.
    public var sources: [Source]

    /// Its notes, by language code.
    public var notes: [String: Note]

    /// Whether the event is one of the timeline's key moments, labelled on the graphic
    /// before any other.
    public var isFeatured: Bool

    /// Creates an event.
    public init(
        slug: String, date: EventDate, order: Int? = nil, isDraft: Bool = false,
        isFeatured: Bool = false, tags: [String] = [], amounts: [Amount] = [],
        sources: [Source] = [], notes: [String: Note] = [:]
    ) {
        self.slug = slug
        self.date = date
        self.order = order
        self.isDraft = isDraft
        self.isFeatured = isFeatured
        self.tags = tags
        self.amounts = amounts
        self.sources = sources
        self.notes = notes
    }

    /// The slug identifies an event.
    public var id: String { slug }

    /// Whether the event stands before another in the timeline: by the first day its date
    /// can mean, then by ``order`` (events with one first), then by the rest of the date
    /// (see ``EventDate``: coarser precision first), then by slug, so the order never
    /// depends on the order files were read in.
    public func precedes(_ other: Event) -> Bool {
        let (mine, theirs) = (date.earliestDay, other.date.earliestDay)
        if (mine.year, mine.month, mine.day) != (theirs.year, theirs.month, theirs.day) {
            return date < other.date
        }
        // On the same first day, `order` decides, so a story can put a vaguer date after a
        // precise one; events with an order come before those without.
        switch (order, other.order) {
        case (let mine?, let theirs?) where mine != theirs: return mine < theirs
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if date != other.date { return date < other.date }
        return slug.utf8.lexicographicallyPrecedes(other.slug.utf8)
    }
}

/// An event's note in one language: a headline, a one-sentence summary and Markdown text.
public struct Note: Sendable, Hashable {
    /// The headline.
    public var title: String

    /// One sentence that says what happened.
    public var summary: String

    /// A few words that name the event on the timeline graphic, such as "Scale AI
    /// founded"; `nil` to use the title.
    public var label: String?

    /// The note's Markdown text.
    public var body: String

    /// The line of the note's file on which ``body`` starts, to place messages about it.
    public var bodyLine: Int

    /// The note's file, for messages about it.
    public var file: String

    /// For a translation: the hash of the default-language note it was last brought up to
    /// date with (`translated_from` in its front matter), or `nil` when it was never marked.
    public var translatedFrom: String?

    /// For a translation: the hashes of the default-language note's paragraphs when it was
    /// last marked (`translated_paragraphs`), to tell which paragraphs changed since.
    public var translatedParagraphs: [String]

    /// The 1-based line of the note's file on which `translated_from` is written, if it is.
    public var translatedFromLine: Int?

    /// Creates a note.
    public init(
        title: String, summary: String, label: String? = nil, body: String, bodyLine: Int = 1,
        file: String = "", translatedFrom: String? = nil, translatedParagraphs: [String] = [],
        translatedFromLine: Int? = nil
    ) {
        self.title = title
        self.summary = summary
        self.label = label
        self.body = body
        self.bodyLine = bodyLine
        self.file = file
        self.translatedFrom = translatedFrom
        self.translatedParagraphs = translatedParagraphs
        self.translatedFromLine = translatedFromLine
    }
}
