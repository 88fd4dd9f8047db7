import Content
import Foundation
import Timeline

/// A 404 page: what was not found, and the way back to the timeline.
struct NotFoundPage: Codable, Sendable {
    let notFoundTitle: String
    let notFoundMessage: String
}

/// Builds a 404 page, the site's own at the root (in the default language) or a
/// language's: reads the routes and the language's context.
struct NotFoundPageBuilder: Sendable {
    let context: LanguageContext
    let layout: LayoutBuilder
    /// Whether the page is the site's own, at the root.
    let atRoot: Bool

    /// The page's path in the site.
    var path: String { atRoot ? "404.html" : SiteRoutes.notFoundPath(context.language) }

    /// The page's model.
    func model() -> PageModel<NotFoundPage> {
        let root = layout.routes.notFoundRoot(depth: atRoot ? "" : "../")
        let strings = context.strings
        let code = context.language.code
        let head = PageHead(
            path: path, root: root, pageTitle: strings[.notFoundTitle],
            heading: strings[.notFoundTitle], description: strings[.notFoundMessage],
            home: atRoot ? "\(root)index.html" : "\(root)\(code)/index.html",
            switcherFileName: "404.html", isIndexed: false)
        return PageModel(
            layout: layout.model(head, in: context),
            body: NotFoundPage(
                notFoundTitle: strings[.notFoundTitle], notFoundMessage: strings[.notFoundMessage]))
    }
}
