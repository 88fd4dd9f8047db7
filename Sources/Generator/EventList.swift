import Content
import Foundation
import Timeline

/// A list of events grouped by year, as the index, a year page and a topic page show it.
struct YearGroup: Codable, Sendable {
    /// One event in the list.
    struct Item: Codable, Sendable {
        /// The first amount of an event, shown under its summary.
        struct KeyAmount: Codable, Sendable {
            let role: String
            let value: String
        }

        let datetime: String
        let date: String
        let href: String
        let title: String
        let summary: String
        let anchor: String
        let fallbackLang: String?
        let fallbackDir: String?
        let keyAmount: KeyAmount?
    }

    let year: String
    let yearText: String
    let events: [Item]
}

/// Builds lists of events in one language: reads the language's context, the events and
/// the notes they show.
struct EventListBuilder: Sendable {
    let context: LanguageContext
    let defaultLanguage: Language

    /// Events (in timeline order) grouped by year, linking to pages `linkPrefix` away.
    func yearGroups(_ events: [Event], linkPrefix: String) -> [YearGroup] {
        let localizer = context.localizer
        return Timeline.groupedByYear(events).map { group in
            YearGroup(
                year: String(group.year), yearText: localizer.text(forYear: group.year),
                events: group.events.map { item($0, linkPrefix: linkPrefix) })
        }
    }

    private func item(_ event: Event, linkPrefix: String) -> YearGroup.Item {
        let localizer = context.localizer
        let shown = ShownNote(of: event, in: context.language, defaultLanguage: defaultLanguage)
        return YearGroup.Item(
            datetime: event.date.isoText, date: localizer.text(for: event.date),
            href: linkPrefix + SiteRoutes.fileName(of: event), title: shown.note.title,
            summary: shown.note.summary, anchor: SiteRoutes.listAnchor(of: event),
            fallbackLang: shown.fallback?.code, fallbackDir: shown.fallback?.direction.rawValue,
            keyAmount: event.amounts.first.map {
                .init(role: localizer.label(for: $0.role), value: localizer.text(for: $0))
            })
    }
}
