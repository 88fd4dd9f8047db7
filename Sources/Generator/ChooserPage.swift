import Content
import Foundation
import Timeline

/// The language chooser at the root: each language's name, the site's title and intro in it.
struct ChooserPage: Codable, Sendable {
    /// One language to choose.
    struct Choice: Codable, Sendable {
        let code: String
        let dir: String
        let name: String
        let href: String
        let title: String
        let intro: String
    }

    let languages: [Choice]
}

/// Builds the chooser: reads the routes, every language's context and the site's titles.
struct ChooserPageBuilder: Sendable {
    let contexts: LanguageContexts
    let defaultContext: LanguageContext
    let layout: LayoutBuilder
    let structuredData: StructuredData

    /// The chooser's model.
    func model() -> PageModel<ChooserPage> {
        let context = defaultContext
        let head = PageHead(
            path: SiteRoutes.rootPath, root: "", pageTitle: context.siteTitle,
            heading: context.siteTitle, description: context.strings[.siteIntro],
            home: "index.html", switcherFileName: nil,
            alternates: layout.routes.indexAlternates, structuredData: structuredData.chooser(),
            timelineHref: .some(nil))
        let choices = contexts.all.map { context in
            ChooserPage.Choice(
                code: context.language.code, dir: context.language.direction.rawValue,
                name: context.language.name, href: "\(context.language.code)/index.html",
                title: context.siteTitle, intro: context.strings[.siteIntro])
        }
        return PageModel(
            layout: layout.model(head, in: context), body: ChooserPage(languages: choices))
    }
}
