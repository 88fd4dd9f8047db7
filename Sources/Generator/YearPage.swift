import Content
import Foundation
import Timeline

/// Builds one part of a timeline split into parts: its events under their own graphic (and
/// an overview of its months when it is crowded), with links to the parts before and after
/// it and back to the list of years. Reads the routes, the language's context and the part.
struct YearPageBuilder: Sendable {
    let context: LanguageContext
    /// The part's place in ``SiteRoutes/parts``.
    let index: Int
    let layout: LayoutBuilder
    let structuredData: StructuredData

    /// The page's model.
    func model() -> PageModel<TimelinePage> {
        let routes = layout.routes
        let parts = routes.parts
        let part = parts[index]
        let strings = context.strings
        let heading = Self.heading(of: part, in: context)
        let head = PageHead(
            path: part.path(context.language), root: "../../",
            pageTitle: "\(heading) — \(strings[.timeline]) — \(context.siteTitle)",
            heading: heading, description: strings[.timelineIntro], home: "../index.html",
            switcherFileName: "years/\(part.fileName)", alternates: routes.alternates(of: part),
            structuredData: structuredData.index(context, events: part.events),
            timelineHref: "../index.html")
        let defaultLanguage = routes.defaultLanguage
        let graphics = GraphicBuilder(context: context, defaultLanguage: defaultLanguage)
        let overview = OverviewBuilder(
            context: context, routes: routes, events: part.events, graphics: graphics)
        var body = TimelinePage(
            backToTimeline: strings[.backToTimeline], overview: overview.monthOverview(of: part),
            graphic: graphics.svg(part.events, linkPrefix: "../"),
            years: EventListBuilder(context: context, defaultLanguage: defaultLanguage)
                .yearGroups(part.events, linkPrefix: "../"),
            pagerLabel: strings[.timeline], hasPager: index > 0 || index + 1 < parts.count)
        if index > 0 {
            body.earlier = .init(href: parts[index - 1].fileName, label: strings[.earlierEvents])
        }
        if index + 1 < parts.count {
            body.later = .init(href: parts[index + 1].fileName, label: strings[.laterEvents])
        }
        return PageModel(layout: layout.model(head, in: context), body: body)
    }

    /// A part's name: its year, and for a year in several parts, which one ("2019 (2/3)").
    static func heading(of part: TimelinePart, in context: LanguageContext) -> String {
        let year = context.localizer.text(forYear: part.year)
        return part.count > 1 ? "\(year) (\(part.number)/\(part.count))" : year
    }
}
