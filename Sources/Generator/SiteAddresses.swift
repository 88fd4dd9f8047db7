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

/// Where the site's files are, and how pages point at each other and at their versions in
/// other languages.
extension SitePlan {
    /// The chooser's path.
    static let rootPath = "index.html"

    /// A language's timeline index.
    static func indexPath(_ language: Language) -> String { "\(language.code)/index.html" }

    /// An event's page in a language.
    static func eventPath(_ event: Event, _ language: Language) -> String {
        "\(language.code)/\(fileName(of: event))"
    }

    /// A language's Atom feed.
    static func feedPath(_ language: Language) -> String { "\(language.code)/feed.xml" }

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

    /// The absolute address of a file of the site, when the base URL is known; an
    /// `index.html` is addressed by its folder (`https://example.org/timeline/el/`).
    func address(of path: String) -> String? {
        guard let base = site.baseURL?.absoluteString else { return nil }
        if path == Self.rootPath { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// The languages in which an event has a note of its own (not a fallback).
    func languagesWithNote(of event: Event) -> [Language] {
        site.languages.filter { event.notes[$0.code] != nil }
    }

    /// An event's page in every language it is written in, and the default language's as
    /// `x-default`.
    func alternates(of event: Event) -> [Alternate] {
        languagesWithNote(of: event).map {
            Alternate(hreflang: $0.code, path: Self.eventPath(event, $0))
        } + [Alternate(hreflang: "x-default", path: Self.eventPath(event, site.defaultLanguage))]
    }

    /// A part of a large timeline in every language, and the default language's as
    /// `x-default`.
    func alternates(of part: TimelinePart) -> [Alternate] {
        site.languages.map { Alternate(hreflang: $0.code, path: part.path($0)) }
            + [Alternate(hreflang: "x-default", path: part.path(site.defaultLanguage))]
    }

    /// The timeline index in every language, and the language chooser as `x-default`.
    var indexAlternates: [Alternate] {
        site.languages.map { Alternate(hreflang: $0.code, path: Self.indexPath($0)) }
            + [Alternate(hreflang: "x-default", path: Self.rootPath)]
    }

    /// A language as Open Graph writes a locale, from the table made once per build.
    func openGraphLocale(_ language: Language) -> String {
        openGraphLocales[language.code] ?? language.code
    }

    /// A language as Open Graph writes a locale: `el_GR`, `ar_EG` (its likeliest region).
    static func openGraphLocale(_ language: Language) -> String {
        let likeliest = Locale.Language(
            identifier: Locale.Language(identifier: language.code).maximalIdentifier)
        let code = likeliest.languageCode?.identifier ?? language.code
        guard let region = likeliest.region?.identifier else { return code }
        return "\(code)_\(region)"
    }
}
