import Content
import Dispatch
import Foundation
import Markdown
import Synchronization
import Timeline

/// One page to write: where, with which template, from which view model.
///
/// The view model is a tree of dictionaries, arrays, strings and booleans (what Mustache
/// reads fastest); it is built once and only read afterwards, so sharing it between the
/// threads that render pages is safe.
struct Page: @unchecked Sendable {
    /// The path of the page in the site, such as `el/index.html`.
    let path: String
    /// The template that renders it, inside the layout.
    let template: PageTemplate
    /// What the templates read.
    let model: [String: Any]
}

/// Which note to show for an event in a language.
struct NoteKey: Hashable, Sendable {
    let slug: String
    let language: String
}

/// The pages of a site, prepared from its content with every string already localised.
struct SitePlan: Sendable {
    let site: Site
    let strings: [String: InterfaceStrings]
    let timeline: Timeline
    let localizers: [String: Localizer]
    /// The pages a large timeline is split into; empty when it fits on its index.
    let parts: [TimelinePart]
    /// The part each event is listed in, by slug.
    private let partOfEvent: [String: Int]
    /// Each language's Open Graph locale, by code (ICU's likely-subtags lookup is slow).
    let openGraphLocales: [String: String]
    /// Where a note's `event:SLUG` links go, by slug: the event's page in the same
    /// language's folder, which is where every note is shown.
    let eventLinks: [String: String]

    init(site: Site, strings: [String: InterfaceStrings], timeline: Timeline) {
        self.site = site
        self.strings = strings
        self.timeline = timeline
        self.parts = Self.parts(of: timeline)
        var partOfEvent: [String: Int] = [:]
        for (index, part) in parts.enumerated() {
            for event in part.events { partOfEvent[event.slug] = index }
        }
        self.partOfEvent = partOfEvent
        self.eventLinks = Dictionary(
            uniqueKeysWithValues: timeline.events.map { ($0.slug, Self.fileName(of: $0)) })
        self.openGraphLocales = Dictionary(
            uniqueKeysWithValues: site.languages.map { ($0.code, Self.openGraphLocale($0)) })
        let dates = Set(timeline.events.flatMap { [$0.date] + $0.sources.map(\.date) })
        let amounts = Set(timeline.events.flatMap(\.amounts))
        let languageCodes = Set(
            site.languages.map(\.code) + timeline.events.flatMap { $0.sources.map(\.language) })
        let languages = site.languages
        let made = Mutex([String: Localizer]())
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            var localizer = Localizer(
                language: languages[index], strings: strings[languages[index].code]!)
            localizer.remember(dates)
            localizer.remember(amounts)
            localizer.remember(languages: languageCodes)
            made.withLock { $0[languages[index].code] = localizer }
        }
        self.localizers = made.withLock { $0 }
    }

    // MARK: Notes

    /// A note rendered to HTML, with a warning for each thing left out of it and an error
    /// for each `event:` link to an event that does not exist.
    func renderNote(_ key: NoteKey) -> (html: String, warnings: [String], errors: [String]) {
        guard let note = timeline.event(withSlug: key.slug)?.notes[key.language] else {
            return ("", [], [])
        }
        let renderer = MarkdownRenderer(
            options: .init(
                typography: Typography(languageCode: key.language),
                footnoteBacklinkLabel: strings[key.language]![.footnoteBacklink],
                maximumInputSize: site.maxNoteSize, eventLinks: eventLinks))
        do {
            let rendered = try renderer.render(note.body)
            // The `<!-- check: … -->` comments are meant for `sitegen check`, not the page.
            let omissions = rendered.omissions.filter {
                !($0.kind == .rawHTML && CheckDirective.isDirective($0.content))
            }
            func message(_ omission: Omission, _ severity: String) -> String {
                let column = SourcePosition.characterColumn(
                    line: omission.line, byteColumn: omission.column, in: note.body)
                return "\(note.file):\(note.bodyLine + omission.line - 1):\(column): "
                    + "\(severity): \(omission)"
            }
            return (
                rendered.html,
                omissions.filter { $0.kind != .unknownEvent }.map { message($0, "warning") },
                omissions.filter { $0.kind == .unknownEvent }.map { message($0, "error") }
            )
        } catch {
            return ("", ["\(note.file): warning: the note could not be rendered: \(error)"], [])
        }
    }

    /// The note an event shows in a language: its own, or the default language's, which is
    /// then named as the fallback.
    func note(of event: Event, in language: Language) -> (
        note: Note, key: NoteKey, fallback: Language?
    ) {
        if let note = event.notes[language.code] {
            return (note, NoteKey(slug: event.slug, language: language.code), nil)
        }
        let fallback = site.defaultLanguage
        return (
            event.notes[fallback.code]!, NoteKey(slug: event.slug, language: fallback.code),
            fallback
        )
    }

    // MARK: Pages

    /// One page of the site, before its view model is built.
    enum PageKind: Sendable {
        case chooser
        case rootNotFound
        case index(Language)
        case notFound(Language)
        case part(Language, Int)
        case event(Event, Language)
        case tag(String, Language)
    }

    /// Every page of the site, in a fixed order; cheap, so that each page's view model can
    /// be built, rendered and written on whichever core is free, and then let go.
    func pageKinds() -> [PageKind] {
        var kinds: [PageKind] = [.chooser, .rootNotFound]
        for language in site.languages {
            kinds.append(.index(language))
            kinds.append(contentsOf: parts.indices.map { .part(language, $0) })
            kinds.append(.notFound(language))
            kinds.append(contentsOf: timeline.events.map { .event($0, language) })
            kinds.append(contentsOf: tags.map { .tag($0, language) })
        }
        return kinds
    }

    /// Where a page is written, relative to the site's root.
    func path(of kind: PageKind) -> String {
        switch kind {
        case .chooser: Self.rootPath
        case .rootNotFound: "404.html"
        case .index(let language): Self.indexPath(language)
        case .notFound(let language): "\(language.code)/404.html"
        case .part(let language, let index): parts[index].path(language)
        // The file keeps the slug's own characters; links to it are percent-encoded.
        case .event(let event, let language): "\(language.code)/\(event.slug).html"
        case .tag(let tag, let language): Self.tagPath(tag, language)
        }
    }

    /// A page ready to render, and the warnings about the note it renders, if any (an
    /// event page in its note's own language renders and reports it; a fallback page
    /// renders it again without repeating them).
    func page(_ kind: PageKind) -> (page: Page, warnings: [String], errors: [String]) {
        switch kind {
        case .chooser: return (chooserPage(), [], [])
        case .rootNotFound: return (notFoundPage(site.defaultLanguage, atRoot: true), [], [])
        case .index(let language): return (indexPage(language), [], [])
        case .notFound(let language): return (notFoundPage(language), [], [])
        case .part(let language, let index): return (partPage(language, index), [], [])
        case .tag(let tag, let language): return (tagPage(tag, language), [], [])
        case .event(let event, let language):
            let shown = note(of: event, in: language)
            let note = renderNote(shown.key)
            return (
                eventPage(event, language, noteHTML: note.html),
                shown.fallback == nil ? note.warnings : [],
                shown.fallback == nil ? note.errors : []
            )
        }
    }

    /// What every page's layout reads, for the page at `path` in `language`, whose links
    /// start `root` away from the site's root: the head's metadata (canonical address,
    /// versions in other languages, Open Graph, structured data) and the header's links.
    func layout(
        _ language: Language, path: String, root: String, pageTitle: String, heading: String,
        description: String, home: String, switcher: [[String: Any]],
        alternates: [Alternate] = [], openGraphType: String = "website",
        structuredData: JSONValue? = nil, isIndexed: Bool = true, canonicalPath: String? = nil
    ) -> [String: Any] {
        let strings = self.strings[language.code]!
        var model: [String: Any] = [
            "lang": language.code, "dir": language.direction.rawValue, "root": root,
            "pageTitle": pageTitle, "heading": heading, "description": description, "home": home,
            "siteTitle": site.titles[language.code] ?? "", "skipToContent": strings[.skipToContent],
            "languagesLabel": strings[.chooseLanguage], "switcher": switcher,
            "hasSwitcher": !switcher.isEmpty,
            "alternates": alternates.map {
                ["hreflang": $0.hreflang, "href": address(of: $0.path) ?? root + $0.path]
            },
            "timelineHref": "\(root)\(language.code)/index.html",
            "timelineLabel": strings[.timeline],
            "openGraphType": openGraphType, "openGraphLocale": openGraphLocale(language),
            "openGraphLocaleAlternates": alternates.compactMap { alternate -> String? in
                guard alternate.hreflang != language.code,
                    let other = site.language(withCode: alternate.hreflang)
                else { return nil }
                return openGraphLocale(other)
            },
            "isIndexed": isIndexed,
        ]
        if isIndexed, let canonical = address(of: canonicalPath ?? path) {
            model["canonical"] = canonical
        }
        if let structuredData { model["structuredData"] = structuredData.text() }
        if hasFeeds {
            let languages = path == Self.rootPath ? site.languages : [language]
            model["feeds"] = languages.map { language -> [String: Any] in
                [
                    "href": root + Self.feedPath(language), "hreflang": language.code,
                    "title": "\(site.titles[language.code] ?? "") (Atom)",
                ]
            }
        }
        return model
    }

    /// Links to the same page in every language, from a page in `current`.
    func switcher(current: Language, fileName: String, root: String) -> [[String: Any]] {
        site.languages.map { language in
            [
                "code": language.code, "name": language.name, "isCurrent": language == current,
                "href": "\(root)\(language.code)/\(fileName)",
            ]
        }
    }

    private func chooserPage() -> Page {
        let language = site.defaultLanguage
        var model = layout(
            language, path: Self.rootPath, root: "", pageTitle: site.titles[language.code] ?? "",
            heading: site.titles[language.code] ?? "",
            description: strings[language.code]![.siteIntro], home: "index.html", switcher: [],
            alternates: indexAlternates, structuredData: chooserStructuredData())
        model["languages"] = site.languages.map { language -> [String: Any] in
            [
                "code": language.code, "dir": language.direction.rawValue, "name": language.name,
                "href": "\(language.code)/index.html", "title": site.titles[language.code] ?? "",
                "intro": strings[language.code]![.siteIntro],
            ]
        }
        model["timelineHref"] = nil
        return Page(path: "index.html", template: .chooser, model: model)
    }

    /// The root of the site as seen from a 404 page, which a server may show at any depth:
    /// the base URL's path when known (`/timeline/`, right on any host that serves the site
    /// there), else relative (right only at the top of the site).
    private func notFoundRoot(depth: String) -> String {
        guard let baseURL = site.baseURL,
            let path = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?
                .percentEncodedPath
        else { return depth }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// A 404 page: the site's own at the root, in the default language, or a language's.
    private func notFoundPage(_ language: Language, atRoot: Bool = false) -> Page {
        let root = notFoundRoot(depth: atRoot ? "" : "../")
        let strings = self.strings[language.code]!
        var model = layout(
            language, path: atRoot ? "404.html" : "\(language.code)/404.html", root: root,
            pageTitle: strings[.notFoundTitle], heading: strings[.notFoundTitle],
            description: strings[.notFoundMessage],
            home: atRoot ? "\(root)index.html" : "\(root)\(language.code)/index.html",
            switcher: switcher(current: language, fileName: "404.html", root: root),
            isIndexed: false)
        model["notFoundTitle"] = strings[.notFoundTitle]
        model["notFoundMessage"] = strings[.notFoundMessage]
        return Page(
            path: atRoot ? "404.html" : "\(language.code)/404.html", template: .notFound,
            model: model)
    }

    /// A language's timeline: every event grouped by year under the timeline graphic, or,
    /// for a timeline split into parts, the list of its years and parts.
    private func indexPage(_ language: Language) -> Page {
        let strings = self.strings[language.code]!
        let siteTitle = site.titles[language.code] ?? ""
        var model = layout(
            language, path: Self.indexPath(language), root: "../",
            pageTitle: "\(strings[.timeline]) — \(siteTitle)", heading: strings[.timeline],
            description: strings[.timelineIntro], home: "index.html",
            switcher: switcher(current: language, fileName: "index.html", root: "../"),
            alternates: indexAlternates,
            structuredData: indexStructuredData(
                language, events: parts.isEmpty ? timeline.events : []))
        model["intro"] = strings[.timelineIntro]
        if parts.isEmpty {
            model["graphic"] = graphic(language, events: timeline.events, linkPrefix: "")
            model["years"] = yearGroups(language, events: timeline.events, linkPrefix: "")
        } else {
            model["overview"] = indexOverview(language)
            model["yearLinks"] = parts.map { part -> [String: Any] in
                yearSummary(part, language).merging(
                    ["href": "years/\(part.fileName)", "text": partHeading(part, language)]
                ) { $1 }
            }
            model["hasYearLinks"] = true
        }
        return Page(path: Self.indexPath(language), template: .index, model: model)
    }

    /// One part of a timeline split into parts: its events under their own graphic, with
    /// links to the parts before and after it and back to the list of years.
    private func partPage(_ language: Language, _ index: Int) -> Page {
        let part = parts[index]
        let strings = self.strings[language.code]!
        let siteTitle = site.titles[language.code] ?? ""
        let heading = partHeading(part, language)
        var model = layout(
            language, path: part.path(language), root: "../../",
            pageTitle: "\(heading) — \(strings[.timeline]) — \(siteTitle)", heading: heading,
            description: strings[.timelineIntro], home: "../index.html",
            switcher: switcher(
                current: language, fileName: "years/\(part.fileName)", root: "../../"),
            alternates: alternates(of: part),
            structuredData: indexStructuredData(language, events: part.events))
        model["timelineHref"] = "../index.html"
        model["backToTimeline"] = strings[.backToTimeline]
        model["overview"] = monthOverview(language, part: part)
        model["graphic"] = graphic(language, events: part.events, linkPrefix: "../")
        model["years"] = yearGroups(language, events: part.events, linkPrefix: "../")
        model["pagerLabel"] = strings[.timeline]
        if index > 0 {
            model["earlier"] = [
                "href": parts[index - 1].fileName, "label": strings[.earlierEvents],
            ]
        }
        if index + 1 < parts.count {
            model["later"] = ["href": parts[index + 1].fileName, "label": strings[.laterEvents]]
        }
        model["hasPager"] = index > 0 || index + 1 < parts.count
        return Page(path: part.path(language), template: .index, model: model)
    }

    /// A part's name: its year, and for a year in several parts, which one ("2019 (2/3)").
    private func partHeading(_ part: TimelinePart, _ language: Language) -> String {
        let year = localizers[language.code]!.text(for: try! EventDate(year: part.year))
        return part.count > 1 ? "\(year) (\(part.number)/\(part.count))" : year
    }

    /// Events grouped by year as the index lists them, linking to pages `linkPrefix` away.
    func yearGroups(_ language: Language, events: [Event], linkPrefix: String) -> [[String:
        Any]]
    {
        let localizer = localizers[language.code]!
        var groups: [(year: Int, events: [Event])] = []
        for event in events {
            if groups.last?.year == event.date.year {
                groups[groups.count - 1].events.append(event)
            } else {
                groups.append((event.date.year, [event]))
            }
        }
        return groups.map { group -> [String: Any] in
            [
                "year": String(group.year),
                "yearText": localizer.text(for: try! EventDate(year: group.year)),
                "events": group.events.map { event -> [String: Any] in
                    let shown = note(of: event, in: language)
                    var item: [String: Any] = [
                        "datetime": event.date.isoText, "date": localizer.text(for: event.date),
                        "href": linkPrefix + Self.fileName(of: event), "title": shown.note.title,
                        "summary": shown.note.summary, "anchor": Self.listAnchor(of: event),
                    ]
                    if let fallback = shown.fallback {
                        item["fallbackLang"] = fallback.code
                        item["fallbackDir"] = fallback.direction.rawValue
                    }
                    if let amount = event.amounts.first {
                        item["keyAmount"] = [
                            "role": localizer.label(for: amount.role),
                            "value": localizer.text(for: amount),
                        ]
                    }
                    return item
                },
            ]
        }
    }

    /// The timeline graphic for a page of a language's timeline, linking to event pages
    /// `linkPrefix` away.
    func graphic(
        _ language: Language, events: [Event], linkPrefix: String, scale: TimeScale? = nil,
        clustersLinkToTheList: Bool = true
    ) -> String {
        let strings = self.strings[language.code]!
        let localizer = localizers[language.code]!
        let items = events.map { event -> TimelineGraphic.Item in
            let shown = note(of: event, in: language)
            let figure = event.amounts.first.map { localizer.text(for: $0, style: .short) }
            return TimelineGraphic.Item(
                event: event, label: shown.note.label ?? shown.note.title,
                labelLanguage: shown.fallback?.code,
                detail: figure ?? localizer.text(for: event.date), detailIsFigure: figure != nil,
                title: shown.note.title, href: linkPrefix + Self.fileName(of: event),
                listAnchor: Self.listAnchor(of: event))
        }
        return TimelineGraphic(
            items: items, language: language,
            yearText: { localizer.text(for: try! EventDate(year: $0)) },
            countText: { localizer.text(forCount: $0) },
            title: strings[.timeline], description: strings[.timelineIntro], idPrefix: "graphic",
            scale: scale, clustersLinkToTheList: clustersLinkToTheList
        ).svg()
    }

    private func eventPage(_ event: Event, _ language: Language, noteHTML: String) -> Page {
        let strings = self.strings[language.code]!
        let localizer = localizers[language.code]!
        let shown = note(of: event, in: language)
        let fileName = Self.fileName(of: event)
        var model = layout(
            language, path: Self.eventPath(event, language), root: "../",
            pageTitle: "\(shown.note.title) — \(site.titles[language.code] ?? "")",
            heading: shown.note.title, description: shown.note.summary, home: "index.html",
            switcher: switcher(current: language, fileName: fileName, root: "../"),
            alternates: alternates(of: event), openGraphType: "article",
            structuredData: eventStructuredData(event, language),
            canonicalPath: shown.fallback.map { Self.eventPath(event, $0) })
        model["timelineHref"] =
            partOfEvent[event.slug].map { "years/\(parts[$0].fileName)" } ?? "index.html"
        model["backToTimeline"] = strings[.backToTimeline]
        model["datetime"] = event.date.isoText
        model["date"] = localizer.text(for: event.date)
        model["title"] = shown.note.title
        model["summary"] = shown.note.summary
        model["note"] = noteHTML
        if let fallback = shown.fallback {
            model["fallbackLang"] = fallback.code
            model["fallbackDir"] = fallback.direction.rawValue
            model["fallbackNotice"] = strings.string(
                .fallbackNotice, filling: ["language": localizer.name(ofLanguage: fallback.code)])
        }
        model["keyFiguresLabel"] = strings[.keyFigures]
        model["hasAmounts"] = !event.amounts.isEmpty
        model["amounts"] = event.amounts.map {
            ["role": localizer.label(for: $0.role), "value": localizer.text(for: $0)]
        }
        model["sourcesLabel"] = strings[.sources]
        model["sources"] = event.sources.map { sourceItem($0, in: language) }
        model["tagsLabel"] = strings[.tags]
        model["hasTags"] = !event.tags.isEmpty
        model["tags"] = event.tags.map { tag -> [String: Any] in
            ["href": "tags/\(tag).html", "label": strings.tagLabels[tag] ?? tag]
        }
        model["pagerLabel"] = strings[.timeline]
        let neighbours = timeline.neighbours(ofEventWithSlug: event.slug)
        model["previous"] = neighbours.previous.map {
            link(to: $0, in: language, label: strings[.previousEvent])
        }
        model["next"] = neighbours.next.map {
            link(to: $0, in: language, label: strings[.nextEvent])
        }
        model["otherLanguagesLabel"] = strings[.otherLanguages]
        let translations = site.languages.filter { $0 != language }.map { other -> [String: Any] in
            [
                "code": other.code, "dir": other.direction.rawValue, "name": other.name,
                "href": "../\(other.code)/\(fileName)",
                "title": note(of: event, in: other).note.title,
            ]
        }
        model["hasTranslations"] = !translations.isEmpty
        model["translations"] = translations
        return Page(path: path(of: .event(event, language)), template: .event, model: model)
    }

    /// The id of an event's entry in a list of the timeline.
    static func listAnchor(of event: Event) -> String { "event-" + event.slug }

    private func link(to event: Event, in language: Language, label: String) -> [String: Any] {
        let shown = note(of: event, in: language)
        var link: [String: Any] = [
            "href": Self.fileName(of: event), "label": label, "title": shown.note.title,
        ]
        if let fallback = shown.fallback { link["titleLang"] = fallback.code }
        return link
    }
}
