import Content
import Foundation
import Timeline

/// Builds a topic's page in a language (`<code>/tags/<tag>.html`): its label as the heading
/// and its events grouped by year, through the index's template. Reads the routes, the
/// language's context and the events with the tag.
struct TagPageBuilder: Sendable {
    let context: LanguageContext
    let tag: String
    /// The events with the tag, in timeline order.
    let events: [Event]
    let layout: LayoutBuilder
    let structuredData: StructuredData

    /// The page's model.
    func model() -> PageModel<TimelinePage> {
        let strings = context.strings
        let label = strings.tagLabels[tag] ?? tag
        let heading = strings.string(.tagHeading, filling: ["tag": label])
        let head = PageHead(
            path: SiteRoutes.tagPath(tag, context.language), root: "../../",
            pageTitle: "\(heading) — \(context.siteTitle)", heading: heading,
            description: strings[.tagIntro], home: "../index.html",
            switcherFileName: "tags/\(tag).html", alternates: layout.routes.alternates(ofTag: tag),
            structuredData: structuredData.index(context, events: events),
            timelineHref: "../index.html")
        // Events of a timeline split into parts are still one file each, one folder up.
        let body = TimelinePage(
            backToTimeline: strings[.backToTimeline], intro: strings[.tagIntro],
            years: EventListBuilder(
                context: context, defaultLanguage: layout.routes.defaultLanguage
            )
            .yearGroups(events, linkPrefix: "../"))
        return PageModel(layout: layout.model(head, in: context), body: body)
    }
}
