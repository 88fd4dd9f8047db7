import Content
import Foundation
import Timeline

/// Builds a language's timeline index: every event grouped by year under the timeline
/// graphic, or, for a timeline split into parts, the overview and the grid of its years.
/// Reads the routes (and so the parts), the language's context and the timeline's events.
struct IndexPageBuilder: Sendable {
    let context: LanguageContext
    let events: [Event]
    let layout: LayoutBuilder
    let structuredData: StructuredData

    /// The index's model.
    func model() -> PageModel<TimelinePage> {
        let routes = layout.routes
        let strings = context.strings
        let isSplit = !routes.parts.isEmpty
        let head = PageHead(
            path: SiteRoutes.indexPath(context.language), root: "../",
            pageTitle: "\(strings[.timeline]) — \(context.siteTitle)",
            heading: strings[.timeline], description: strings[.timelineIntro],
            home: "index.html", switcherFileName: "index.html", alternates: routes.indexAlternates,
            structuredData: structuredData.index(context, events: isSplit ? [] : events))
        var body = TimelinePage(intro: strings[.timelineIntro])
        let defaultLanguage = routes.defaultLanguage
        if isSplit {
            let overview = OverviewBuilder(
                context: context, routes: routes, events: events,
                graphics: GraphicBuilder(context: context, defaultLanguage: defaultLanguage))
            body.overview = overview.indexOverview()
            body.yearLinks = routes.parts.map { part in
                overview.yearLink(part, text: YearPageBuilder.heading(of: part, in: context))
            }
            body.hasYearLinks = true
        } else {
            body.graphic = GraphicBuilder(context: context, defaultLanguage: defaultLanguage)
                .svg(events, linkPrefix: "")
            body.years = EventListBuilder(context: context, defaultLanguage: defaultLanguage)
                .yearGroups(events, linkPrefix: "")
        }
        return PageModel(layout: layout.model(head, in: context), body: body)
    }
}
