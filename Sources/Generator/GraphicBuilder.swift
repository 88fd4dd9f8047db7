import Content
import Foundation
import Timeline

/// Draws the timeline graphic for a page in one language: reads the language's context and
/// the events it shows.
struct GraphicBuilder: Sendable {
    let context: LanguageContext
    let defaultLanguage: Language

    /// The graphic of `events`, linking to event pages `linkPrefix` away, on `scale` when it
    /// shares one with an overview.
    func svg(
        _ events: [Event], linkPrefix: String, scale: TimeScale? = nil,
        clustersLinkToTheList: Bool = true
    ) -> String {
        let localizer = context.localizer
        let items = events.map { event -> TimelineGraphic.Item in
            let shown = ShownNote(of: event, in: context.language, defaultLanguage: defaultLanguage)
            let figure = event.amounts.first.map { localizer.text(for: $0, style: .short) }
            return TimelineGraphic.Item(
                event: event, label: shown.note.label ?? shown.note.title,
                labelLanguage: shown.fallback?.code,
                detail: figure ?? localizer.text(for: event.date), detailIsFigure: figure != nil,
                title: shown.note.title, href: linkPrefix + SiteRoutes.fileName(of: event),
                listAnchor: SiteRoutes.listAnchor(of: event))
        }
        return TimelineGraphic(
            items: items, language: context.language,
            yearText: { localizer.text(forYear: $0) }, countText: { localizer.text(forCount: $0) },
            title: context.strings[.timeline], description: context.strings[.timelineIntro],
            idPrefix: "graphic", scale: scale, clustersLinkToTheList: clustersLinkToTheList
        ).svg()
    }
}
