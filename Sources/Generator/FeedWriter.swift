import Content
import Foundation
import Timeline

/// Writes a language's Atom 1.0 feed: its newest events first, each with its note as
/// rendered. Reads the routes (addresses), the language's context, the events and the
/// rendered notes.
struct FeedWriter: Sendable {
    let routes: SiteRoutes
    let context: LanguageContext
    let events: [Event]
    let notes: RenderedNotes

    /// How many of the newest events a feed carries.
    static let feedLength = 50

    /// The feed; none without a base URL, since an entry's id must be an absolute address.
    func file() -> DataFile? {
        let language = context.language
        guard let feedAddress = routes.address(of: SiteRoutes.feedPath(language)),
            let indexAddress = routes.address(of: SiteRoutes.indexPath(language))
        else { return nil }
        let title = context.siteTitle
        let newest = events.reversed().prefix(Self.feedLength)
        let updated = newest.first.map { Self.atomTimestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = XMLWriter(encodingName: "utf-8")
        xml.start("feed", [("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", language.code)])
        xml.newline()
        for (name, text) in [
            ("id", indexAddress), ("title", title),
            ("subtitle", context.strings[.timelineIntro]),
        ] {
            xml.element(name, text: text)
            xml.newline()
        }
        xml.empty(
            "link", [("rel", "self"), ("type", "application/atom+xml"), ("href", feedAddress)])
        xml.newline()
        xml.empty(
            "link",
            [
                ("rel", "alternate"), ("type", "text/html"), ("hreflang", language.code),
                ("href", indexAddress),
            ])
        xml.newline()
        xml.element("updated", text: updated)
        xml.newline()
        xml.start("author")
        xml.element("name", text: title)
        xml.end("author")
        xml.newline()
        xml.element("generator", text: "sitegen")
        xml.newline()
        for event in newest { entry(event, into: &xml) }
        xml.end("feed")
        xml.newline()
        return DataFile(path: SiteRoutes.feedPath(language), contents: xml.data)
    }

    private func entry(_ event: Event, into xml: inout XMLWriter) {
        let language = context.language
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        let address = routes.address(of: SiteRoutes.eventPath(event, language)) ?? ""
        let timestamp = Self.atomTimestamp(event.date)
        xml.start(
            "entry",
            (shown.fallback.map { [("xml:lang", $0.code)] } ?? []) + [("xml:base", address)])
        xml.newline()
        xml.element("id", text: address)
        xml.newline()
        xml.element("title", text: shown.note.title)
        xml.newline()
        xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", address)])
        xml.newline()
        for (name, text) in [
            ("published", timestamp), ("updated", timestamp), ("summary", shown.note.summary),
        ] {
            xml.element(name, text: text)
            xml.newline()
        }
        xml.element("content", [("type", "html")], text: notes.html(shown.key))
        xml.newline()
        for tag in event.tags {
            xml.empty(
                "category", [("term", tag), ("label", context.strings.tagLabels[tag] ?? tag)])
            xml.newline()
        }
        xml.end("entry")
        xml.newline()
    }

    /// The first moment an event's date can mean, as Atom writes time (RFC 3339, UTC).
    static func atomTimestamp(_ date: EventDate) -> String {
        let day = date.earliestDay
        return EventDate.isoText(year: day.year, month: day.month, day: day.day) + "T00:00:00Z"
    }
}
