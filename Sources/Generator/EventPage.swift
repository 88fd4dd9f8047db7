import Content
import Foundation
import Timeline

/// What the `event` template reads: an event's date, note, key figures, sources, topics,
/// neighbours and the same event in the other languages.
struct EventPage: Codable, Sendable {
    /// A key figure: its role and its amount in words.
    struct Figure: Codable, Sendable {
        let role: String
        let value: String
    }

    /// A link to a topic's page.
    struct TagLink: Codable, Sendable {
        let href: String
        let label: String
    }

    /// A link to the previous or next event.
    struct NeighbourLink: Codable, Sendable {
        let href: String
        let label: String
        let title: String
        let titleLang: String?
    }

    /// The event in another language.
    struct Translation: Codable, Sendable {
        let code: String
        let dir: String
        let name: String
        let href: String
        let title: String
    }

    let backToTimeline: String
    let datetime: String
    let date: String
    let title: String
    let summary: String
    /// The note's HTML, rendered once by ``RenderedNotes``.
    let note: String
    let fallbackLang: String?
    let fallbackDir: String?
    let fallbackNotice: String?
    let keyFiguresLabel: String
    let hasAmounts: Bool
    let amounts: [Figure]
    let sourcesLabel: String
    let sources: [SourceItem]
    let tagsLabel: String
    let hasTags: Bool
    let tags: [TagLink]
    let pagerLabel: String
    let previous: NeighbourLink?
    let next: NeighbourLink?
    let otherLanguagesLabel: String
    let hasTranslations: Bool
    let translations: [Translation]
}

/// Builds an event's page in a language. Reads the routes, the language's context, the
/// event, its neighbours, its note as rendered, and the titles its notes give in the other
/// languages.
struct EventPageBuilder: Sendable {
    let context: LanguageContext
    let event: Event
    let neighbours: (previous: Event?, next: Event?)
    /// The note's HTML, from ``RenderedNotes``.
    let noteHTML: String
    let layout: LayoutBuilder
    let structuredData: StructuredData

    private var defaultLanguage: Language { layout.routes.defaultLanguage }

    /// The page's model.
    func model() -> PageModel<EventPage> {
        let language = context.language
        let strings = context.strings
        let localizer = context.localizer
        let shown = ShownNote(of: event, in: language, defaultLanguage: defaultLanguage)
        let translations = translations()
        let body = EventPage(
            backToTimeline: strings[.backToTimeline], datetime: event.date.isoText,
            date: localizer.text(for: event.date), title: shown.note.title,
            summary: shown.note.summary, note: noteHTML, fallbackLang: shown.fallback?.code,
            fallbackDir: shown.fallback?.direction.rawValue,
            fallbackNotice: shown.fallback.map {
                strings.string(
                    .fallbackNotice, filling: ["language": localizer.name(ofLanguage: $0.code)])
            },
            keyFiguresLabel: strings[.keyFigures], hasAmounts: !event.amounts.isEmpty,
            amounts: event.amounts.map {
                .init(role: localizer.label(for: $0.role), value: localizer.text(for: $0))
            },
            sourcesLabel: strings[.sources],
            sources: event.sources.map { SourceItem($0, in: context) },
            tagsLabel: strings[.tags], hasTags: !event.tags.isEmpty,
            tags: event.tags.map {
                .init(href: "tags/\($0).html", label: strings.tagLabels[$0] ?? $0)
            },
            pagerLabel: strings[.timeline],
            previous: neighbours.previous.map { link(to: $0, label: strings[.previousEvent]) },
            next: neighbours.next.map { link(to: $0, label: strings[.nextEvent]) },
            otherLanguagesLabel: strings[.otherLanguages],
            hasTranslations: !translations.isEmpty, translations: translations)
        return PageModel(layout: layout.model(head(shown), in: context), body: body)
    }

    private func head(_ shown: ShownNote) -> PageHead {
        let routes = layout.routes
        let language = context.language
        return PageHead(
            path: SiteRoutes.eventPath(event, language), root: "../",
            pageTitle: "\(shown.note.title) — \(context.siteTitle)", heading: shown.note.title,
            description: shown.note.summary, home: "index.html",
            switcherFileName: SiteRoutes.fileName(of: event),
            alternates: routes.alternates(of: event),
            openGraphType: "article", structuredData: structuredData.event(event, context),
            canonicalPath: shown.fallback.map { SiteRoutes.eventPath(event, $0) },
            timelineHref: routes.part(listing: event).map { "years/\($0.fileName)" } ?? "index.html"
        )
    }

    private func link(to other: Event, label: String) -> EventPage.NeighbourLink {
        let shown = ShownNote(of: other, in: context.language, defaultLanguage: defaultLanguage)
        return .init(
            href: SiteRoutes.fileName(of: other), label: label, title: shown.note.title,
            titleLang: shown.fallback?.code)
    }

    private func translations() -> [EventPage.Translation] {
        let fileName = SiteRoutes.fileName(of: event)
        return layout.routes.languages.filter { $0 != context.language }.map { other in
            .init(
                code: other.code, dir: other.direction.rawValue, name: other.name,
                href: "../\(other.code)/\(fileName)",
                title: ShownNote(of: event, in: other, defaultLanguage: defaultLanguage).note.title)
        }
    }
}
