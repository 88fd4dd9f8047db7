import Content
import Foundation
import Timeline

/// The schema.org descriptions (JSON-LD) placed in each page's head: reads the routes, the
/// site's titles and, for an event, the note it shows.
struct StructuredData: Sendable {
    let routes: SiteRoutes
    /// The site's title in each language, by code; a language without one has none.
    let titles: [String: String]

    /// The language chooser: the website, in every language it has.
    func chooser() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
            ("name", .string(titles[routes.defaultLanguage.code] ?? "")),
        ]
        let otherTitles = routes.languages.filter { $0 != routes.defaultLanguage }.compactMap {
            titles[$0.code]
        }
        if !otherTitles.isEmpty {
            members.append(("alternateName", .array(otherTitles.map(JSONValue.string))))
        }
        members.append(("inLanguage", .array(routes.languages.map { .string($0.code) })))
        if let url = routes.address(of: SiteRoutes.rootPath) {
            members.append(("url", .string(url)))
        }
        return .object(members)
    }

    /// A timeline index (or one part of it): a collection page whose main entity is the
    /// list of its events, in order.
    func index(_ context: LanguageContext, events: [Event]) -> JSONValue {
        let language = context.language
        let strings = context.strings
        let items = events.enumerated().map { position, event -> JSONValue in
            var item: [(String, JSONValue)] = [
                ("@type", .string("ListItem")), ("position", .int(position + 1)),
            ]
            if let url = routes.address(of: SiteRoutes.eventPath(event, language)) {
                item.append(("url", .string(url)))
            }
            item.append(("item", eventEntity(event, language)))
            return .object(item)
        }
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string(strings[.timeline])),
            ("description", .string(strings[.timelineIntro])),
            ("inLanguage", .string(language.code)),
        ]
        if let url = routes.address(of: SiteRoutes.indexPath(language)) {
            members.append(("url", .string(url)))
        }
        members.append(("isPartOf", website(language)))
        members.append(
            (
                "mainEntity",
                .object([
                    ("@type", .string("ItemList")),
                    ("itemListOrder", .string("https://schema.org/ItemListOrderAscending")),
                    ("numberOfItems", .int(events.count)), ("itemListElement", .array(items)),
                ])
            ))
        return .object(members)
    }

    /// An event's page: a web page about the event, citing its sources.
    func event(_ event: Event, _ context: LanguageContext) -> JSONValue {
        let language = context.language
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")),
            ("name", .string(shown.note.title)), ("description", .string(shown.note.summary)),
            ("inLanguage", .string((shown.fallback ?? language).code)),
        ]
        if let url = routes.address(of: SiteRoutes.eventPath(event, language)) {
            members.append(("url", .string(url)))
        }
        members.append(("isPartOf", website(language)))
        members.append(("about", eventEntity(event, language)))
        if !event.tags.isEmpty {
            let labels = event.tags.map { context.strings.tagLabels[$0] ?? $0 }
            members.append(("keywords", .string(labels.joined(separator: ", "))))
        }
        members.append(
            (
                "citation",
                .array(
                    event.sources.map { source in
                        var citation: [(String, JSONValue)] = [("@type", .string("CreativeWork"))]
                        if let title = source.title { citation.append(("name", .string(title))) }
                        if let publisher = source.publisher {
                            citation.append(
                                (
                                    "publisher",
                                    .object([
                                        ("@type", .string("Organization")),
                                        ("name", .string(publisher)),
                                    ])
                                ))
                        }
                        citation.append(("datePublished", .string(source.date.isoText)))
                        citation.append(("inLanguage", .string(source.language)))
                        if let url = source.url {
                            citation.append(("url", .string(url.absoluteString)))
                        }
                        return .object(citation)
                    })
            ))
        return .object(members)
    }

    /// The event itself, with its date at the precision it is known to (`2025-06`).
    private func eventEntity(_ event: Event, _ language: Language) -> JSONValue {
        let shown = ShownNote(of: event, in: language, defaultLanguage: routes.defaultLanguage)
        return .object([
            ("@type", .string("Event")), ("name", .string(shown.note.title)),
            ("startDate", .string(event.date.isoText)),
            ("description", .string(shown.note.summary)),
        ])
    }

    /// The website a page belongs to.
    private func website(_ language: Language) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@type", .string("WebSite")), ("name", .string(titles[language.code] ?? "")),
        ]
        if let url = routes.address(of: SiteRoutes.rootPath) {
            members.append(("url", .string(url)))
        }
        return .object(members)
    }
}
