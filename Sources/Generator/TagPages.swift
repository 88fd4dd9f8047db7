import Content
import Foundation
import Timeline

/// A page per topic per language (`<code>/tags/<tag>.html`), listing the events with that
/// tag in timeline order under the topic's label, and the sources list of an event page.
extension SitePlan {
    /// Every tag of the timeline, in the order of their bytes.
    var tags: [String] {
        Set(timeline.events.flatMap(\.tags)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A topic's page in a language.
    static func tagPath(_ tag: String, _ language: Language) -> String {
        "\(language.code)/tags/\(tag).html"
    }

    /// A topic's page in every language, and the default language's as `x-default`.
    func alternates(ofTag tag: String) -> [Alternate] {
        site.languages.map { Alternate(hreflang: $0.code, path: Self.tagPath(tag, $0)) }
            + [Alternate(hreflang: "x-default", path: Self.tagPath(tag, site.defaultLanguage))]
    }

    /// A topic's page: its label as the heading and its events grouped by year, through the
    /// index's template.
    func tagPage(_ tag: String, _ language: Language) -> Page {
        let strings = self.strings[language.code]!
        let label = strings.tagLabels[tag] ?? tag
        let heading = strings.string(.tagHeading, filling: ["tag": label])
        let path = Self.tagPath(tag, language)
        let events = timeline.events.filter { $0.tags.contains(tag) }
        var model = layout(
            language, path: path, root: "../../",
            pageTitle: "\(heading) — \(site.titles[language.code] ?? "")", heading: heading,
            description: strings[.tagIntro], home: "../index.html",
            switcher: switcher(current: language, fileName: "tags/\(tag).html", root: "../../"),
            alternates: alternates(ofTag: tag),
            structuredData: indexStructuredData(language, events: events))
        model["timelineHref"] = "../index.html"
        model["backToTimeline"] = strings[.backToTimeline]
        model["intro"] = strings[.tagIntro]
        // Events of a timeline split into parts are still one file each, one folder up.
        model["years"] = yearGroups(language, events: events, linkPrefix: "../")
        return Page(path: path, template: .index, model: model)
    }

    /// One source as an event page lists it, its parts joined by the language's list
    /// mark: the publisher (or, when none is named, "news article in Greek"), the title in
    /// its own language, the date, and the language it is written in; every run of text
    /// in another script isolated so that right-to-left pages keep it whole.
    func sourceItem(_ source: Source, in language: Language) -> [String: Any] {
        let strings = self.strings[language.code]!
        let localizer = localizers[language.code]!
        let languageName = localizer.name(ofLanguage: source.language)
        var item: [String: Any] = [
            "language": source.language, "datetime": source.date.isoText,
            "date": localizer.text(for: source.date),
            "separator": strings[.listSeparator] + " ",
        ]
        if let publisher = source.publisher {
            item["sourcePublisher"] = strings.publisherNames[publisher] ?? publisher
            item["languageNote"] = strings.string(
                .sourceInLanguage, filling: ["language": languageName])
        } else {
            item["sourceDescription"] = strings.string(
                .sourceNewsArticle, filling: ["language": languageName])
        }
        if let title = source.title { item["sourceTitle"] = title }
        if let url = source.url { item["sourceURL"] = url.absoluteString }
        return item
    }
}
