import Content
import Escaping
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
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.code)">
            <id>\(Escaping.xml(indexAddress))</id>
            <title>\(Escaping.xml(title))</title>
            <subtitle>\(Escaping.xml(context.strings[.timelineIntro]))</subtitle>
            <link rel="self" type="application/atom+xml" href="\(Escaping.xml(feedAddress))"/>
            <link rel="alternate" type="text/html" hreflang="\(language.code)" href="\(Escaping.xml(indexAddress))"/>
            <updated>\(updated)</updated>
            <author><name>\(Escaping.xml(title))</name></author>
            <generator>sitegen</generator>

            """
        for event in newest { xml += entry(event) }
        return DataFile(path: SiteRoutes.feedPath(language), text: xml + "</feed>\n")
    }

    private func entry(_ event: Event) -> String {
        let language = context.language
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        let entryAddress = routes.address(of: SiteRoutes.eventPath(event, language)) ?? ""
        let timestamp = Self.atomTimestamp(event.date)
        let entryLanguage = shown.fallback.map { " xml:lang=\"\($0.code)\"" } ?? ""
        var xml = """
            <entry\(entryLanguage) xml:base="\(Escaping.xml(entryAddress))">
            <id>\(Escaping.xml(entryAddress))</id>
            <title>\(Escaping.xml(shown.note.title))</title>
            <link rel="alternate" type="text/html" href="\(Escaping.xml(entryAddress))"/>
            <published>\(timestamp)</published>
            <updated>\(timestamp)</updated>
            <summary>\(Escaping.xml(shown.note.summary))</summary>
            <content type="html">\(Escaping.xml(notes.html(shown.key)))</content>

            """
        for tag in event.tags {
            let label = context.strings.tagLabels[tag] ?? tag
            xml += "<category term=\"\(Escaping.xml(tag))\" label=\"\(Escaping.xml(label))\"/>\n"
        }
        return xml + "</entry>\n"
    }

    /// The first moment an event's date can mean, as Atom writes time (RFC 3339, UTC).
    static func atomTimestamp(_ date: EventDate) -> String {
        let day = date.earliestDay
        return EventDate.isoText(year: day.year, month: day.month, day: day.day) + "T00:00:00Z"
    }
}
