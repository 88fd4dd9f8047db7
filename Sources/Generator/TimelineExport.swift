import Content
import Foundation
import Timeline

/// Writes a language's `timeline.json`, sitegen's own, complete format of the timeline as
/// data. Reads the routes (addresses), the language's context and the events.
struct TimelineExportWriter: Sendable {
    let routes: SiteRoutes
    let context: LanguageContext
    let events: [Event]

    /// Where an event's page is, as a language's exports link to it: its absolute address,
    /// or, without a base URL, its address relative to the export (both sit in the language's
    /// folder).
    static func link(to event: Event, in language: Language, routes: SiteRoutes) -> String {
        routes.address(of: SiteRoutes.eventPath(event, language)) ?? SiteRoutes.fileName(of: event)
    }

    /// `timeline.json` for a language: every event in order with its date (ISO text,
    /// precision, qualifier and the span of days it can mean), amounts, sources, tags and
    /// the address of its page; the notes themselves are on the pages and in the feed, so the
    /// file stays small for a large archive. The README documents the format.
    func file() -> DataFile {
        let language = context.language
        let document = JSONValue.object([
            ("format", .string("sitegen-timeline/1")), ("language", .string(language.code)),
            ("direction", .string(language.direction.rawValue)),
            ("title", .string(context.siteTitle)),
            ("url", .string(routes.address(of: SiteRoutes.indexPath(language)) ?? "index.html")),
            ("events", .array(events.map(record))),
        ])
        return DataFile(
            path: SiteRoutes.exportPath(language), contents: document.data(indented: true))
    }

    private func record(_ event: Event) -> JSONValue {
        let language = context.language
        let localizer = context.localizer
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        let (first, last) = (event.date.earliestDay, event.date.latestDay)
        return .object([
            ("slug", .string(event.slug)),
            ("url", .string(Self.link(to: event, in: language, routes: routes))),
            ("title", .string(shown.note.title)), ("summary", .string(shown.note.summary)),
            ("note_language", .string((shown.fallback ?? language).code)),
            (
                "date",
                .object([
                    ("iso", .string(event.date.isoText)),
                    ("precision", .string(Self.precisionName(event.date.precision))),
                    ("qualifier", .optional(event.date.qualifier?.rawValue)),
                    ("text", .string(localizer.text(for: event.date))),
                    ("earliest_day", .string(Self.dayText(first))),
                    ("latest_day", .string(Self.dayText(last))),
                ])
            ),
            ("order", event.order.map(JSONValue.int) ?? .null),
            ("tags", .array(event.tags.map(JSONValue.string))),
            (
                "amounts",
                .array(
                    event.amounts.map { amount in
                        .object([
                            ("role", .string(amount.role.rawValue)),
                            ("value", .number("\(amount.value)")),
                            ("currency", .string(amount.currency)),
                            ("qualifier", .optional(amount.qualifier?.rawValue)),
                            ("text", .string(localizer.text(for: amount))),
                        ])
                    })
            ),
            (
                "sources",
                .array(
                    event.sources.map { source in
                        .object([
                            ("publisher", .optional(source.publisher)),
                            ("title", .optional(source.title)),
                            ("date", .string(source.date.isoText)),
                            ("language", .string(source.language)),
                            ("url", .optional(source.url?.absoluteString)),
                        ])
                    })
            ),
        ])
    }

    /// A precision as the exports name it.
    static func precisionName(_ precision: EventDate.Precision) -> String {
        switch precision {
        case .year: "year"
        case .month: "month"
        case .day: "day"
        }
    }

    /// A day as `2025-06-01`.
    static func dayText(_ day: (year: Int, month: Int, day: Int)) -> String {
        EventDate.isoText(year: day.year, month: day.month, day: day.day)
    }
}
