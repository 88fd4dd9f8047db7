import Content
import Foundation
import Timeline

/// What the layout and its partials (`head`, `switcher`, `footer`) read on every page: the
/// head's metadata and the header's and footer's links.
struct LayoutModel: Codable, Sendable {
    /// A link to the same page in another language, in the header's switcher.
    struct SwitcherLink: Codable, Sendable {
        let code: String
        let name: String
        let isCurrent: Bool
        let href: String
    }

    /// A `<link rel="alternate" hreflang>` in the head.
    struct AlternateLink: Codable, Sendable {
        let hreflang: String
        let href: String
    }

    /// A language's Atom feed, linked from the head.
    struct FeedLink: Codable, Sendable {
        let href: String
        let hreflang: String
        let title: String
    }

    var lang: String
    var dir: String
    /// The way from the page to the site's root (`../`).
    var root: String
    var pageTitle: String
    var heading: String
    var description: String
    var home: String
    var siteTitle: String
    var skipToContent: String
    var languagesLabel: String
    var switcher: [SwitcherLink]
    var hasSwitcher: Bool
    var alternates: [AlternateLink]
    var timelineHref: String?
    var timelineLabel: String
    var openGraphType: String
    var openGraphLocale: String
    var openGraphLocaleAlternates: [String]
    var isIndexed: Bool
    var canonical: String?
    var structuredData: String?
    var feeds: [FeedLink]?
}

/// A page's view model: the layout's part and the page template's own part, read by the
/// templates as one set of names.
struct PageModel<Body: Codable & Sendable>: Codable, Sendable {
    /// What the layout reads.
    var layout: LayoutModel
    /// What the page's own template reads.
    var body: Body

    func encode(to encoder: any Encoder) throws {
        try layout.encode(to: encoder)
        try body.encode(to: encoder)
    }

    init(layout: LayoutModel, body: Body) {
        self.layout = layout
        self.body = body
    }

    init(from decoder: any Decoder) throws {
        layout = try LayoutModel(from: decoder)
        body = try Body(from: decoder)
    }
}

/// What a page tells the layout about itself.
struct PageHead {
    var path: String
    var root: String
    var pageTitle: String
    var heading: String
    var description: String
    var home: String
    /// The page's file name inside each language's folder, for the switcher; `nil` for none.
    var switcherFileName: String?
    var alternates: [Alternate] = []
    var openGraphType = "website"
    var structuredData: JSONValue? = nil
    var isIndexed = true
    /// The canonical page, when it is not this one (a fallback page's original).
    var canonicalPath: String? = nil
    /// The footer's link to the timeline; by default the language's index.
    var timelineHref: String?? = .none
}

/// Builds the layout's part of a page: reads the routes, the language's context and the
/// other languages' Open Graph locales.
struct LayoutBuilder: Sendable {
    let routes: SiteRoutes
    let contexts: LanguageContexts

    /// The layout's model for a page in a language.
    func model(_ head: PageHead, in context: LanguageContext) -> LayoutModel {
        let language = context.language
        let strings = context.strings
        let switcher = head.switcherFileName.map { links(to: $0, from: language, root: head.root) }
        let hasFeeds = routes.baseURL != nil
        let feedLanguages = head.path == SiteRoutes.rootPath ? routes.languages : [language]
        return LayoutModel(
            lang: language.code, dir: language.direction.rawValue, root: head.root,
            pageTitle: head.pageTitle, heading: head.heading, description: head.description,
            home: head.home, siteTitle: context.siteTitle,
            skipToContent: strings[.skipToContent], languagesLabel: strings[.chooseLanguage],
            switcher: switcher ?? [], hasSwitcher: !(switcher ?? []).isEmpty,
            alternates: head.alternates.map {
                .init(
                    hreflang: $0.hreflang, href: routes.address(of: $0.path) ?? head.root + $0.path)
            },
            timelineHref: head.timelineHref ?? "\(head.root)\(language.code)/index.html",
            timelineLabel: strings[.timeline], openGraphType: head.openGraphType,
            openGraphLocale: context.openGraphLocale,
            openGraphLocaleAlternates: head.alternates.compactMap { alternate in
                guard alternate.hreflang != language.code else { return nil }
                return contexts.context(ofCode: alternate.hreflang)?.openGraphLocale
            },
            isIndexed: head.isIndexed,
            canonical: head.isIndexed ? routes.address(of: head.canonicalPath ?? head.path) : nil,
            structuredData: head.structuredData?.text(),
            feeds: hasFeeds ? feedLanguages.map { feed(of: $0, root: head.root) } : nil)
    }

    /// Links to the same page in every language, from a page in `current`.
    private func links(to fileName: String, from current: Language, root: String)
        -> [LayoutModel.SwitcherLink]
    {
        routes.languages.map { language in
            .init(
                code: language.code, name: language.name, isCurrent: language == current,
                href: "\(root)\(language.code)/\(fileName)")
        }
    }

    private func feed(of language: Language, root: String) -> LayoutModel.FeedLink {
        .init(
            href: root + SiteRoutes.feedPath(language), hreflang: language.code,
            title: "\(contexts.context(ofCode: language.code)?.siteTitle ?? "") (Atom)")
    }
}
