import Content
import Foundation
import TemplateEngine
import Timeline

/// One page to write: where, with which template, from which view model.
///
/// The view model is the engine's context made from a typed model (``TemplateContext``).
struct Page: Sendable {
    /// The path of the page in the site, such as `el/index.html`.
    let path: String
    /// The template that renders it, inside the layout.
    let template: PageTemplate
    /// What the templates read.
    let model: [String: TemplateValue]
}

/// The pages of a site, and the builder that makes each one from exactly what it reads:
/// the routes, the language's context, the events it shows and the notes as rendered.
struct SitePlan: Sendable {
    let routes: SiteRoutes
    let contexts: LanguageContexts
    let timeline: Timeline
    var notes: RenderedNotes
    private let layout: LayoutBuilder
    private let structuredData: StructuredData

    /// A plan for a site whose languages' contexts are made and notes rendered.
    init(
        site: Site, timeline: Timeline, routes: SiteRoutes, contexts: LanguageContexts,
        notes: RenderedNotes
    ) {
        self.routes = routes
        self.contexts = contexts
        self.timeline = timeline
        self.notes = notes
        self.layout = LayoutBuilder(routes: routes, contexts: contexts)
        self.structuredData = StructuredData(routes: routes, titles: site.titles)
    }

    /// One page of the site, before its view model is built.
    enum PageKind: Sendable {
        case chooser(LanguageContext)
        case notFound(LanguageContext, atRoot: Bool)
        case index(LanguageContext)
        case part(LanguageContext, Int)
        case event(Event, LanguageContext)
        case tag(String, LanguageContext)
    }

    /// Every page of the site, in a fixed order; cheap, so that each page's view model can
    /// be built, rendered and written on whichever core is free, and then let go.
    func pageKinds() -> [PageKind] {
        let defaultContext = contexts.context(ofCode: routes.defaultLanguage.code)
        var kinds: [PageKind] =
            defaultContext.map { [.chooser($0), .notFound($0, atRoot: true)] } ?? []
        for context in contexts.all {
            kinds.append(.index(context))
            kinds.append(contentsOf: routes.parts.indices.map { .part(context, $0) })
            kinds.append(.notFound(context, atRoot: false))
            kinds.append(contentsOf: timeline.events.map { .event($0, context) })
            kinds.append(contentsOf: routes.tags.map { .tag($0, context) })
        }
        return kinds
    }

    /// Where a page is written, relative to the site's root.
    func path(of kind: PageKind) -> String {
        switch kind {
        case .chooser: SiteRoutes.rootPath
        case .notFound(let context, let atRoot):
            atRoot ? "404.html" : SiteRoutes.notFoundPath(context.language)
        case .index(let context): SiteRoutes.indexPath(context.language)
        case .part(let context, let index): routes.parts[index].path(context.language)
        // The file keeps the slug's own characters; links to it are percent-encoded.
        case .event(let event, let context): "\(context.language.code)/\(event.slug).html"
        case .tag(let tag, let context): SiteRoutes.tagPath(tag, context.language)
        }
    }

    /// A page ready to render.
    func page(_ kind: PageKind) -> Page {
        let path = path(of: kind)
        switch kind {
        case .chooser(let context):
            let builder = ChooserPageBuilder(
                contexts: contexts, defaultContext: context, layout: layout,
                structuredData: structuredData)
            return Page(path: path, template: .chooser, model: TemplateContext.of(builder.model()))
        case .notFound(let context, let atRoot):
            let builder = NotFoundPageBuilder(context: context, layout: layout, atRoot: atRoot)
            return Page(path: path, template: .notFound, model: TemplateContext.of(builder.model()))
        case .index(let context):
            let builder = IndexPageBuilder(
                context: context, events: timeline.events, layout: layout,
                structuredData: structuredData)
            return Page(path: path, template: .index, model: TemplateContext.of(builder.model()))
        case .part(let context, let index):
            let builder = YearPageBuilder(
                context: context, index: index, layout: layout, structuredData: structuredData)
            return Page(path: path, template: .index, model: TemplateContext.of(builder.model()))
        case .event(let event, let context):
            return Page(
                path: path, template: .event, model: TemplateContext.of(eventPage(event, context)))
        case .tag(let tag, let context):
            let builder = TagPageBuilder(
                context: context, tag: tag,
                events: timeline.events.filter { $0.tags.contains(tag) },
                layout: layout, structuredData: structuredData)
            return Page(path: path, template: .index, model: TemplateContext.of(builder.model()))
        }
    }

    private func eventPage(_ event: Event, _ context: LanguageContext) -> PageModel<EventPage> {
        let shown = ShownNote(
            of: event, in: context.language, defaultLanguage: routes.defaultLanguage)
        return EventPageBuilder(
            context: context, event: event,
            neighbours: timeline.neighbours(ofEventWithSlug: event.slug),
            noteHTML: notes.html(shown.key), layout: layout, structuredData: structuredData
        ).model()
    }
}
