import Content
import Escaping
import Foundation
import Timeline

/// Writes a language's `timelinejs.json`, the timeline in the JSON format of Knight Lab's
/// TimelineJS viewer. Reads the routes (addresses), the language's context and the events.
struct TimelineJSWriter: Sendable {
    let routes: SiteRoutes
    let context: LanguageContext
    let events: [Event]

    /// A language's timeline in TimelineJS's JSON format: a title slide, then a slide per
    /// event with its localised date, title linked to its page, summary and key figures.
    func file() -> DataFile {
        let strings = context.strings
        let document = JSONValue.object([
            (
                "title",
                .object([
                    (
                        "text",
                        .object([
                            ("headline", .string(Escaping.html(context.siteTitle))),
                            ("text", .string("<p>\(Escaping.html(strings[.timelineIntro]))</p>")),
                        ])
                    )
                ])
            ),
            ("events", .array(events.map(slide))),
        ])
        return DataFile(
            path: SiteRoutes.timelineJSPath(context.language),
            contents: document.data(indented: true))
    }

    private func slide(_ event: Event) -> JSONValue {
        let language = context.language
        let localizer = context.localizer
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        var date: [(String, JSONValue)] = [("year", .string(String(event.date.year)))]
        if let month = event.date.month { date.append(("month", .string(String(month)))) }
        if let day = event.date.day { date.append(("day", .string(String(day)))) }
        let displayDate = localizer.text(for: event.date)
        date.append(("display_date", .string(displayDate)))
        let languageAttribute = shown.fallback.map { " lang=\"\($0.code)\"" } ?? ""
        var text = "<p\(languageAttribute)>\(Escaping.html(shown.note.summary))</p>"
        if !event.amounts.isEmpty {
            text += "<ul>"
            for amount in event.amounts {
                text +=
                    "<li>\(Escaping.html(localizer.label(for: amount.role))): "
                    + "<bdi>\(Escaping.html(localizer.text(for: amount)))</bdi></li>"
            }
            text += "</ul>"
        }
        return .object([
            ("unique_id", .string(event.slug)), ("start_date", .object(date)),
            ("display_date", .string(displayDate)),
            (
                "text",
                .object([
                    (
                        "headline",
                        .string(
                            "<a href=\"\(Escaping.html(TimelineExportWriter.link(to: event, in: language, routes: routes)))\"\(languageAttribute)>"
                                + "\(Escaping.html(shown.note.title))</a>")
                    ),
                    ("text", .string(text)),
                ])
            ),
            ("group", .string(String(event.date.year))), ("autolink", .bool(false)),
        ])
    }
}
