import Content
import Foundation
import Timeline

/// A version of a page in one language, or the one for readers whose language the site does
/// not have (`x-default`).
struct Alternate: Sendable, Hashable {
    /// A BCP 47 code, or `x-default`.
    let hreflang: String
    /// The version's path in the site.
    let path: String
}

/// Where every file of the site is, and how pages point at each other and at their versions
/// in other languages. Reads only the languages, the base URL and the timeline's slugs,
/// years and tags: no interface string, so a change of wording never moves a page.
struct SiteRoutes: Sendable {
    /// The site's languages, in the order `site.yml` gives them.
    let languages: [Language]
    /// The language of the chooser and the root 404 page, and of `x-default`.
    let defaultLanguage: Language
    /// Where the site will live, when known.
    let baseURL: URL?
    /// The pages a large timeline is split into; empty when it fits on its index.
    let parts: [TimelinePart]
    /// Every tag of the timeline, in the order of their bytes.
    let tags: [String]
    /// The part each event is listed in, by slug.
    private let partOfEvent: [String: Int]

    /// The routes of a site's timeline.
    init(site: Site, timeline: Timeline) {
        self.languages = site.languages
        self.defaultLanguage = site.defaultLanguage
        self.baseURL = site.baseURL
        self.parts = TimelinePart.parts(of: timeline)
        self.tags = Set(timeline.events.flatMap(\.tags)).sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        var partOfEvent: [String: Int] = [:]
        for (index, part) in parts.enumerated() {
            for event in part.events { partOfEvent[event.slug] = index }
        }
        self.partOfEvent = partOfEvent
    }

    // MARK: Paths

    /// The chooser's path.
    static let rootPath = "index.html"

    /// A language's timeline index.
    static func indexPath(_ language: Language) -> String { "\(language.code)/index.html" }

    /// A language's 404 page.
    static func notFoundPath(_ language: Language) -> String { "\(language.code)/404.html" }

    /// An event's page in a language.
    static func eventPath(_ event: Event, _ language: Language) -> String {
        "\(language.code)/\(fileName(of: event))"
    }

    /// A topic's page in a language.
    static func tagPath(_ tag: String, _ language: Language) -> String {
        "\(language.code)/tags/\(tag).html"
    }

    /// A language's Atom feed.
    static func feedPath(_ language: Language) -> String { "\(language.code)/feed.xml" }

    /// A language's `timeline.json` path.
    static func exportPath(_ language: Language) -> String { "\(language.code)/timeline.json" }

    /// A language's TimelineJS path.
    static func timelineJSPath(_ language: Language) -> String {
        "\(language.code)/timelinejs.json"
    }

    /// The file name of an event's page, its slug made safe for a URL path.
    static func fileName(of event: Event) -> String {
        // Most slugs are ASCII letters, digits, - and _, which need no encoding.
        let isPlain = event.slug.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        if isPlain { return event.slug + ".html" }
        return
            (event.slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
            ?? event.slug) + ".html"
    }

    /// The id of an event's entry in a list of the timeline.
    static func listAnchor(of event: Event) -> String { "event-" + event.slug }

    /// The part of a large timeline that lists an event, if the timeline is split.
    func part(listing event: Event) -> TimelinePart? {
        partOfEvent[event.slug].map { parts[$0] }
    }

    // MARK: Addresses

    /// The absolute address of a file of the site, when the base URL is known; an
    /// `index.html` is addressed by its folder (`https://example.org/timeline/el/`).
    func address(of path: String) -> String? {
        guard let base = baseURL?.absoluteString else { return nil }
        if path == Self.rootPath { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// The root of the site as seen from a 404 page, which a server may show at any depth:
    /// the base URL's path when known (`/timeline/`, right on any host that serves the site
    /// there), else `depth` (relative, right only at its own place in the site).
    func notFoundRoot(depth: String) -> String {
        guard let baseURL,
            let path = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?
                .percentEncodedPath
        else { return depth }
        return path.hasSuffix("/") ? path : path + "/"
    }

    // MARK: Alternates

    /// The languages in which an event has a note of its own (not a fallback).
    func languagesWithNote(of event: Event) -> [Language] {
        languages.filter { event.notes[$0.code] != nil }
    }

    /// An event's page in every language it is written in, and the default language's as
    /// `x-default`.
    func alternates(of event: Event) -> [Alternate] {
        languagesWithNote(of: event).map {
            Alternate(hreflang: $0.code, path: Self.eventPath(event, $0))
        } + [Alternate(hreflang: "x-default", path: Self.eventPath(event, defaultLanguage))]
    }

    /// A part of a large timeline in every language, and the default language's as
    /// `x-default`.
    func alternates(of part: TimelinePart) -> [Alternate] {
        languages.map { Alternate(hreflang: $0.code, path: part.path($0)) }
            + [Alternate(hreflang: "x-default", path: part.path(defaultLanguage))]
    }

    /// A topic's page in every language, and the default language's as `x-default`.
    func alternates(ofTag tag: String) -> [Alternate] {
        languages.map { Alternate(hreflang: $0.code, path: Self.tagPath(tag, $0)) }
            + [Alternate(hreflang: "x-default", path: Self.tagPath(tag, defaultLanguage))]
    }

    /// The timeline index in every language, and the language chooser as `x-default`.
    var indexAlternates: [Alternate] {
        languages.map { Alternate(hreflang: $0.code, path: Self.indexPath($0)) }
            + [Alternate(hreflang: "x-default", path: Self.rootPath)]
    }
}
