import Content
import Foundation
import Generator
import Testing
import Timeline

/// The files and head metadata that make a site findable and reusable: canonical and
/// hreflang links, Open Graph, JSON-LD, the sitemap, the Atom feeds, robots.txt and the
/// JSON exports. Each file is parsed and checked against the content it came from.
@Suite("Metadata, sitemap, feeds and exports")
struct DiscoveryTests {
    static let base = "https://example.org/fixture/"
    static let languages = ["en", "el", "ar"]

    static func content() throws -> SiteContent {
        try ContentLoader(
            folder: SiteBuildTests.fixture, folderName: "valid-site", includesDrafts: false
        ).load()
    }

    /// The `<link>` and `<meta>` tags of a page's head, as (attributes) dictionaries.
    static func tags(_ name: String, in html: String) -> [[String: String]] {
        let head = html.components(separatedBy: "</head>")[0]
        let pattern = try! NSRegularExpression(pattern: "<\(name) ([^>]*)>")
        let attribute = try! NSRegularExpression(pattern: "([a-z:-]+)=\"([^\"]*)\"")
        return pattern.matches(in: head, range: NSRange(head.startIndex..., in: head)).map {
            match in
            let text = String(head[Range(match.range(at: 1), in: head)!])
            var attributes: [String: String] = [:]
            for pair in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                attributes[String(text[Range(pair.range(at: 1), in: text)!])] =
                    String(text[Range(pair.range(at: 2), in: text)!])
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            return attributes
        }
    }

    /// The address a path of the site has: `index.html` files by their folder.
    static func address(_ path: String) -> String {
        if path == "index.html" { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// A title that closes the JSON-LD `<script>` stays inside it: `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e` and `\u0026`, and the JSON still reads back as the title.
    @Test func aTitleCannotCloseTheStructuredDataScript() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-script-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteBuildTests.fixture, to: content)
        defer { try? FileManager.default.removeItem(at: content) }
        let title = "Founding </script><script>alert(1)</script> & more"
        let note = content.appendingPathComponent("events/founding/en.md")
        try String(contentsOf: note, encoding: .utf8)
            .replacingOccurrences(of: "title: \"Founding\"", with: "title: \"\(title)\"")
            .write(to: note, atomically: true, encoding: .utf8)
        let (folder, _) = try SiteBuildTests.build(content: content)
        let html = try SiteBuildTests.page("en/founding.html", in: folder)

        let script = try #require(
            html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
                .first?.components(separatedBy: "</script>").first)
        #expect(!script.contains("<") && !script.contains(">") && !script.contains("&"))
        #expect(script.contains(#"Founding \u003c/script\u003e\u003cscript\u003ealert(1)"#))
        #expect(html.components(separatedBy: "<script").count == 2, "one script element")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect((object["about"] as? [String: Any])?["name"] as? String == title)
    }

    @Test func everyPageHasCanonicalAlternatesOpenGraphAndStructuredData() throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try Self.content()
        let pages = SiteBuildTests.files(in: folder).filter { $0.hasSuffix(".html") }
        for path in pages {
            let html = try SiteBuildTests.page(path, in: folder)
            let links = Self.tags("link", in: html)
            let metas = Self.tags("meta", in: html)
            func meta(_ property: String) -> [String] {
                metas.filter { $0["property"] == property }.compactMap { $0["content"] }
            }
            if path.hasSuffix("404.html") {
                #expect(
                    metas.contains { $0["name"] == "robots" && $0["content"] == "noindex" },
                    "\(path)")
                #expect(!links.contains { $0["rel"] == "canonical" }, "\(path)")
                continue
            }
            // A page shown in the fallback language names the original as canonical.
            let slug = path.split(separator: "/").last!.replacingOccurrences(of: ".html", with: "")
            let event = content.timeline.event(withSlug: slug)
            let language = path == "index.html" ? "en" : String(path.prefix(2))
            let canonical =
                event?.notes[language] == nil && event != nil
                ? Self.address("en/\(slug).html") : Self.address(path)
            #expect(
                links.filter { $0["rel"] == "canonical" }.map { $0["href"] } == [canonical],
                "\(path)")
            #expect(meta("og:url") == [canonical], "\(path)")
            let alternates = links.filter {
                $0["rel"] == "alternate" && $0["hreflang"] != nil && $0["type"] == nil
            }
            let byLanguage = Dictionary(
                uniqueKeysWithValues: alternates.map { ($0["hreflang"]!, $0["href"]!) })
            #expect(alternates.count == byLanguage.count, "\(path): one alternate per language")
            // An event page lists the languages the event is written in; others list all.
            let expected = Set(
                Self.languages.filter { event?.notes[$0] != nil || event == nil } + ["x-default"])
            #expect(Set(byLanguage.keys) == expected, "\(path)")
            for (language, href) in byLanguage where language != "x-default" {
                #expect(href.hasPrefix(Self.base), "\(path): \(href) is absolute")
                let file = String(href.dropFirst(Self.base.count))
                let target = file.isEmpty || file.hasSuffix("/") ? file + "index.html" : file
                #expect(
                    FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent(target).path), "\(path): \(href)")
                #expect(
                    target.hasPrefix("\(language)/"), "\(path): \(href) is the \(language) page")
            }
            let tag = path.contains("/tags/") ? slug : nil
            if event != nil {
                #expect(byLanguage["x-default"] == "\(Self.base)en/\(slug).html", "\(path)")
                #expect(meta("og:type") == ["article"], "\(path)")
            } else if let tag {
                #expect(byLanguage["x-default"] == "\(Self.base)en/tags/\(tag).html", "\(path)")
            } else {
                #expect(byLanguage["x-default"] == Self.base, "\(path)")
            }
            let locales = ["en": "en_US", "el": "el_GR", "ar": "ar_EG"]
            #expect(meta("og:locale") == [locales[language]!], "\(path)")
            #expect(
                Set(meta("og:locale:alternate"))
                    == Set(expected.compactMap { locales[$0] }).subtracting([locales[language]!]),
                "\(path)")
            #expect(meta("og:title").count == 1 && meta("og:description").count == 1, "\(path)")
            #expect(
                meta("og:description")
                    == metas.filter { $0["name"] == "description" }.compactMap { $0["content"] },
                "\(path)")

            let scripts = html.components(separatedBy: "<script type=\"application/ld+json\">")
                .dropFirst()
            #expect(scripts.count == 1, "\(path): one JSON-LD block")
            let json = try #require(scripts.first?.components(separatedBy: "</script>").first)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["@context"] as? String == "https://schema.org")
            if let event {
                #expect(object["@type"] as? String == "WebPage")
                let about = try #require(object["about"] as? [String: Any])
                #expect(about["@type"] as? String == "Event")
                #expect(about["startDate"] as? String == event.date.isoText)
                #expect((object["citation"] as? [Any])?.count == event.sources.count)
                #expect(object["url"] as? String == Self.address(path))
            } else if path == "index.html" {
                #expect(object["@type"] as? String == "WebSite")
            } else {
                #expect(object["@type"] as? String == "CollectionPage")
                let list = try #require(object["mainEntity"] as? [String: Any])
                let items = try #require(list["itemListElement"] as? [[String: Any]])
                let listed = content.timeline.events.filter { tag == nil || $0.tags.contains(tag!) }
                #expect(
                    items.map { $0["url"] as? String }
                        == listed.map { "\(Self.base)\(language)/\($0.slug).html" }, "\(path)")
            }
        }
    }

    @Test func sitemapListsEveryPageWithReciprocalAlternates() throws {
        let (folder, _) = try SiteBuildTests.build()
        let sitemap = try XMLElement.parse(SiteBuildTests.page("sitemap.xml", in: folder))
        #expect(sitemap.name == "urlset")
        #expect(sitemap.attributes["xmlns:uri"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = sitemap.children(named: "url")
        let content = try Self.content()
        // Every page but the 404s and those shown in a fallback language (whose canonical
        // address is the original's).
        let pages = SiteBuildTests.files(in: folder).filter { path in
            guard path.hasSuffix(".html"), !path.hasSuffix("404.html") else { return false }
            let slug = path.split(separator: "/").last!.replacingOccurrences(of: ".html", with: "")
            return content.timeline.event(withSlug: slug).map {
                $0.notes[String(path.prefix(2))] != nil
            } ?? true
        }
        #expect(
            pages.count < SiteBuildTests.files(in: folder).filter { $0.hasSuffix(".html") }.count
                - 4, "the fixture has a fallback page")
        #expect(Set(urls.compactMap { $0.child("loc")?.text }) == Set(pages.map(Self.address)))
        #expect(urls.count == pages.count, "each page once")
        var alternatesByLocation: [String: [String: String]] = [:]
        for url in urls {
            #expect(url.children.allSatisfy { ["loc", "link"].contains($0.name) })
            let links = url.children(named: "link")
            #expect(
                links.allSatisfy {
                    $0.attributes["xmlns:uri"] == "http://www.w3.org/1999/xhtml"
                        && $0.attributes["rel"] == "alternate"
                })
            alternatesByLocation[url.child("loc")!.text] = Dictionary(
                uniqueKeysWithValues: links.map {
                    ($0.attributes["hreflang"]!, $0.attributes["href"]!)
                })
        }
        for (location, alternates) in alternatesByLocation {
            #expect(alternates["x-default"] != nil, "\(location) has x-default")
            // Every alternate is itself listed, with the same set: the links are reciprocal.
            for (language, href) in alternates where language != "x-default" {
                #expect(
                    alternatesByLocation[href] == alternates, "\(location) → \(language) \(href)")
            }
            #expect(alternates.values.contains(location), "\(location) lists itself")
        }
        let robots = try SiteBuildTests.page("robots.txt", in: folder)
        #expect(robots.contains("User-agent: *"))
        #expect(robots.contains("Sitemap: \(Self.base)sitemap.xml\n"))
    }

    @Test(arguments: languages)
    func atomFeedHasNewestFirstEntriesWithIdsDatesAndLinks(language: String) throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try Self.content()
        let feed = try XMLElement.parse(SiteBuildTests.page("\(language)/feed.xml", in: folder))
        #expect(feed.name == "feed")
        #expect(feed.attributes["xmlns:uri"] == "http://www.w3.org/2005/Atom")
        #expect((feed.attributes["xml:lang"] ?? feed.attributes["lang"]) == language)
        #expect(feed.child("id")?.text == "\(Self.base)\(language)/")
        #expect(feed.child("title")?.text.isEmpty == false)
        #expect(feed.child("author")?.child("name")?.text.isEmpty == false)
        let timestamp = try Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T00:00:00Z$")
        #expect(feed.child("updated").map { $0.text.wholeMatch(of: timestamp) != nil } == true)
        #expect(
            feed.children(named: "link").contains {
                $0.attributes["rel"] == "self"
                    && $0.attributes["href"] == "\(Self.base)\(language)/feed.xml"
            })
        let entries = feed.children(named: "entry")
        #expect(
            entries.map { $0.child("id")?.text }
                == content.timeline.events.reversed().map {
                    "\(Self.base)\(language)/\($0.slug).html"
                })
        var previous = "9999"
        for entry in entries {
            let updated = try #require(entry.child("updated")?.text)
            #expect(updated.wholeMatch(of: timestamp) != nil)
            #expect(updated <= previous, "newest first")
            previous = updated
            #expect(entry.child("title")?.text.isEmpty == false)
            let link = try #require(entry.child("link")?.attributes["href"])
            #expect(
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(String(link.dropFirst(Self.base.count)))
                        .path))
            #expect(entry.child("content")?.attributes["type"] == "html")
            #expect(
                entry.child("content")?.text.contains("<p>") == true, "the note, as escaped HTML")
        }
        #expect(feed.child("updated")?.text == entries.first?.child("updated")?.text)
    }

    /// `timeline.json` as the README documents it.
    struct Export: Decodable {
        struct DateValue: Decodable {
            let iso: String, precision: String, qualifier: String?, text: String
            let earliestDay: String, latestDay: String
        }
        struct AmountValue: Decodable {
            let role: String, value: Decimal, currency: String, qualifier: String?, text: String
        }
        struct SourceValue: Decodable {
            let publisher: String, title: String, date: String, language: String, url: String?
        }
        struct EventValue: Decodable {
            let slug: String, url: String, title: String, summary: String, noteLanguage: String
            let date: DateValue, order: Int?, tags: [String], amounts: [AmountValue]
            let sources: [SourceValue]
        }
        let format: String, language: String, direction: String, title: String, url: String
        let events: [EventValue]

        /// Reads the export's snake_case keys.
        static var decoder: JSONDecoder {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return decoder
        }
    }

    @Test(arguments: languages)
    func timelineJSONRoundTripsToTheModel(language: String) throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try Self.content()
        let data = try Data(contentsOf: folder.appendingPathComponent("\(language)/timeline.json"))
        let export = try Export.decoder.decode(Export.self, from: data)
        #expect(export.format == "sitegen-timeline/1")
        #expect(export.language == language)
        #expect(export.direction == (language == "ar" ? "rtl" : "ltr"))
        #expect(export.events.count == content.timeline.events.count)
        for (exported, event) in zip(export.events, content.timeline.events) {
            let date = try EventDate(
                exported.date.iso,
                qualifier: exported.date.qualifier.map {
                    try #require(EventDate.Qualifier(rawValue: $0))
                })
            let amounts = try exported.amounts.map {
                Amount(
                    role: try #require(Amount.Role(rawValue: $0.role)), value: $0.value,
                    currency: $0.currency,
                    qualifier: try $0.qualifier.map { try #require(Amount.Qualifier(rawValue: $0)) }
                )
            }
            let sources = try exported.sources.map {
                Source(
                    publisher: $0.publisher, title: $0.title, date: try EventDate($0.date),
                    language: $0.language, url: $0.url.flatMap(URL.init(string:)))
            }
            let note = event.notes[exported.noteLanguage]!
            let rebuilt = Event(
                slug: exported.slug, date: date, order: exported.order, tags: exported.tags,
                amounts: amounts,
                sources: sources,
                notes: [
                    exported.noteLanguage: Note(
                        title: exported.title, summary: exported.summary, label: note.label,
                        body: note.body, bodyLine: note.bodyLine, file: note.file)
                ])
            var expected = event
            expected.notes = [exported.noteLanguage: note]
            #expect(rebuilt == expected)
            #expect(exported.noteLanguage == (event.notes[language] == nil ? "en" : language))
            #expect(
                exported.date.precision == ["year", "month", "day"][event.date.precision.rawValue])
            #expect(exported.url == "\(Self.base)\(language)/\(event.slug).html")
            #expect(exported.date.earliestDay <= exported.date.latestDay)
        }
    }

    @Test(arguments: languages)
    func timelineJSHasASlidePerEventWithItsDate(language: String) throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try Self.content()
        let data = try Data(
            contentsOf: folder.appendingPathComponent("\(language)/timelinejs.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let title = try #require((document["title"] as? [String: Any])?["text"] as? [String: Any])
        #expect((title["headline"] as? String)?.isEmpty == false)
        let slides = try #require(document["events"] as? [[String: Any]])
        #expect(slides.map { $0["unique_id"] as? String } == content.timeline.events.map(\.slug))
        for (slide, event) in zip(slides, content.timeline.events) {
            let start = try #require(slide["start_date"] as? [String: Any])
            #expect(start["year"] as? String == String(event.date.year))
            #expect(start["month"] as? String == event.date.month.map(String.init))
            #expect(start["day"] as? String == event.date.day.map(String.init))
            #expect((start["display_date"] as? String)?.isEmpty == false)
            let text = try #require(slide["text"] as? [String: Any])
            #expect(
                (text["headline"] as? String)?.contains(
                    "href=\"\(Self.base)\(language)/\(event.slug).html\"") == true)
        }
    }

    @Test func withoutABaseURLTheBuildSaysWhatItLeftOut() throws {
        let site = try ContentFolderCopy(
            of: SiteBuildTests.fixture, removingLinesStartingWith: "base_url:")
        let (folder, summary) = try SiteBuildTests.build(content: site.url)
        let files = SiteBuildTests.files(in: folder)
        #expect(!files.contains("sitemap.xml"))
        #expect(!files.contains { $0.hasSuffix("feed.xml") })
        #expect(files.contains("en/timeline.json") && files.contains("en/timelinejs.json"))
        #expect(try !SiteBuildTests.page("robots.txt", in: folder).contains("Sitemap:"))
        #expect(summary.notices.count == 1)
        #expect(summary.notices.first?.contains("sitemap.xml") == true)
        let html = try SiteBuildTests.page("el/index.html", in: folder)
        #expect(!html.contains("rel=\"canonical\""))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"../ar/index.html\">"))
        let export = try Export.decoder.decode(
            Export.self, from: Data(contentsOf: folder.appendingPathComponent("el/timeline.json")))
        #expect(export.events.allSatisfy { $0.url == "\($0.slug).html" })
    }
}

/// A copy of a content folder in a temporary folder, with some lines of `site.yml` removed.
struct ContentFolderCopy {
    let url: URL

    init(of folder: URL, removingLinesStartingWith prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: url)
        let siteFile = url.appendingPathComponent("site.yml")
        let text = try String(contentsOf: siteFile, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix(prefix) }.joined(separator: "\n")
            .write(to: siteFile, atomically: true, encoding: .utf8)
    }
}
