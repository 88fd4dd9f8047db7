import Content
import Foundation
import Timeline

/// The timeline as data, per language: `timeline.json` (sitegen's own, complete format) and
/// `timelinejs.json` (for Knight Lab's TimelineJS viewer).
extension SitePlan {
    /// A language's `timeline.json` path.
    static func exportPath(_ language: Language) -> String { "\(language.code)/timeline.json" }

    /// A language's TimelineJS path.
    static func timelineJSPath(_ language: Language) -> String {
        "\(language.code)/timelinejs.json"
    }

    /// Where an event's page is, as the language's exports link to it: its absolute address,
    /// or, without a base URL, its address relative to the export (both sit in the language's
    /// folder).
    private func exportLink(_ event: Event, _ language: Language) -> String {
        address(of: Self.eventPath(event, language)) ?? Self.fileName(of: event)
    }

    /// `timeline.json` for a language: every event in order with its date (ISO text,
    /// precision, qualifier and the span of days it can mean), amounts, sources, tags and
    /// the address of its page; the notes themselves are on the pages and in the feed, so the
    /// file stays small for a large archive. The README documents the format.
    func exportFile(_ language: Language) -> (path: String, text: String) {
        let localizer = localizers[language.code]!
        let events = timeline.events.map { event -> JSONValue in
            let shown = note(of: event, in: language)
            let (first, last) = (event.date.earliestDay, event.date.latestDay)
            return .object([
                ("slug", .string(event.slug)), ("url", .string(exportLink(event, language))),
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
        let document = JSONValue.object([
            ("format", .string("sitegen-timeline/1")), ("language", .string(language.code)),
            ("direction", .string(language.direction.rawValue)),
            ("title", .string(site.titles[language.code] ?? "")),
            ("url", .string(address(of: Self.indexPath(language)) ?? "index.html")),
            ("events", .array(events)),
        ])
        return (Self.exportPath(language), document.text(indented: true))
    }

    /// A language's timeline in TimelineJS's JSON format: a title slide, then a slide per
    /// event with its localised date, title linked to its page, summary and key figures.
    func timelineJSFile(_ language: Language) -> (path: String, text: String) {
        let localizer = localizers[language.code]!
        let strings = self.strings[language.code]!
        let slides = timeline.events.map { event -> JSONValue in
            let shown = note(of: event, in: language)
            var date: [(String, JSONValue)] = [("year", .string(String(event.date.year)))]
            if let month = event.date.month { date.append(("month", .string(String(month)))) }
            if let day = event.date.day { date.append(("day", .string(String(day)))) }
            let displayDate = localizer.text(for: event.date)
            date.append(("display_date", .string(displayDate)))
            let languageAttribute = shown.fallback.map { " lang=\"\($0.code)\"" } ?? ""
            var text = "<p\(languageAttribute)>\(XML.escaped(shown.note.summary))</p>"
            if !event.amounts.isEmpty {
                text += "<ul>"
                for amount in event.amounts {
                    text +=
                        "<li>\(XML.escaped(localizer.label(for: amount.role))): "
                        + "<bdi>\(XML.escaped(localizer.text(for: amount)))</bdi></li>"
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
                                "<a href=\"\(XML.escaped(exportLink(event, language)))\"\(languageAttribute)>"
                                    + "\(XML.escaped(shown.note.title))</a>")
                        ),
                        ("text", .string(text)),
                    ])
                ),
                ("group", .string(String(event.date.year))), ("autolink", .bool(false)),
            ])
        }
        let document = JSONValue.object([
            (
                "title",
                .object([
                    (
                        "text",
                        .object([
                            ("headline", .string(XML.escaped(site.titles[language.code] ?? ""))),
                            ("text", .string("<p>\(XML.escaped(strings[.timelineIntro]))</p>")),
                        ])
                    )
                ])
            ),
            ("events", .array(slides)),
        ])
        return (Self.timelineJSPath(language), document.text(indented: true))
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
