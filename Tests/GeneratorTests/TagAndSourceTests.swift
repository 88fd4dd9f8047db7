import Foundation
import Testing

/// Topic pages, and the sources list as an Arabic page shows it, in built sites.
@Suite("Topic pages and the sources list")
struct TagAndSourceTests {
    /// The real `Content/` built once into a temporary folder.
    static let realSite = try! SiteBuildTests.build(
        content: SiteBuildTests.repository.appendingPathComponent("Content")
    ).folder

    /// The `<li>` items of a page's sources list.
    static func sources(_ html: String) -> [String] {
        guard let start = html.range(of: "<section class=\"sources\""),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "\n")
            .filter { $0.hasPrefix("<li>") }
    }

    @Test func anArabicPageListsSourcesRightToLeftWithArabicCommas() throws {
        let html = try SiteBuildTests.page(
            "ar/meta-in-talks-to-invest-in-scale-ai.html", in: Self.realSite)
        let items = Self.sources(html)
        #expect(items.count == 5)
        #expect(
            items.first
                == "<li><bdi class=\"publisher\">بلومبرغ</bdi>، <time datetime=\"2025-06\">"
                + "يونيو\u{A0}2025</time> (بالإنجليزية)</li>")
        #expect(
            items.contains(
                "<li><span class=\"publisher\">مقال إخباري باليونانية</span>، <cite lang=\"el\" "
                    + "dir=\"auto\">Η επένδυση-μαμούθ της Meta που αλλάζει το παιχνίδι στην "
                    + "τεχνητή νοημοσύνη</cite>، <time datetime=\"2025-06-08\">8\u{A0}يونيو\u{A0}2025"
                    + "</time></li>"))
        #expect(
            items.contains(
                "<li><span class=\"publisher\">مقال إخباري بالأوكرانية</span>، <time "
                    + "datetime=\"2025-06\">يونيو\u{A0}2025</time></li>"))
        for item in items {
            #expect(!item.contains(", "), "no Latin comma between the parts: \(item)")
            #expect(!item.contains("English") && !item.contains("news article"), "\(item)")
        }
    }

    @Test(arguments: [
        ("en", "News article in Greek", "(in English)"),
        ("el", "Ειδησεογραφικό άρθρο στα ελληνικά", "(στα αγγλικά)"),
        ("uk", "Новинна стаття грецькою", "(англійською)"),
        ("it", "Articolo giornalistico in greco", "(in inglese)"),
    ])
    func otherPagesNameTheLanguageInTheirOwn(language: String, greek: String, english: String)
        throws
    {
        let html = try SiteBuildTests.page(
            "\(language)/meta-in-talks-to-invest-in-scale-ai.html", in: Self.realSite)
        let items = Self.sources(html)
        #expect(items.first?.hasSuffix(" \(english)</li>") == true, "\(items)")
        #expect(items.contains { $0.contains(">\(greek)</span>, <cite lang=\"el\"") }, "\(items)")
    }

    @Test func eachEventCitesOnlyItsOwnSources() throws {
        let html = try SiteBuildTests.page("en/scale-ai-defense-contract.html", in: Self.realSite)
        let items = Self.sources(html)
        #expect(items.count == 1)
        #expect(items.first?.contains("<cite lang=\"it\"") == true)
    }

    @Test func everyTopicHasAPagePerLanguageLinkedFromItsEvents() throws {
        let files = SiteBuildTests.files(in: Self.realSite)
        for language in ["en", "el", "uk", "it", "ar"] {
            #expect(files.contains("\(language)/tags/defense.html"))
        }
        let event = try SiteBuildTests.page("uk/meta-anduril-partnership.html", in: Self.realSite)
        #expect(event.contains("<a class=\"tag\" href=\"tags/defense.html\">Оборона</a>"))
        let topic = try SiteBuildTests.page("uk/tags/defense.html", in: Self.realSite)
        #expect(topic.contains("<h1>Тема: Оборона</h1>"))
        // Its events, in timeline order, linked one folder up.
        let links = topic.components(separatedBy: "<h3><a href=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(
            links == [
                "../scale-ai-defense-contract.html", "../meta-anduril-partnership.html",
            ])
        #expect(topic.contains("<a href=\"../index.html\">"))
    }

    @Test func topicPagesAreInTheSitemapWithTheirVersions() throws {
        let sitemap = try SiteBuildTests.page("sitemap.xml", in: Self.realSite)
        let base = "https://example.org/meta-scale-ai/"
        let entry = try #require(
            sitemap.components(separatedBy: "<url>\n").first {
                $0.hasPrefix("<loc>\(base)ar/tags/defense.html</loc>")
            })
        for language in ["en", "el", "uk", "it", "ar"] {
            #expect(
                entry.contains(
                    "<xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(base)\(language)/tags/defense.html\"/>"
                ))
        }
        #expect(
            entry.contains(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(base)en/tags/defense.html\"/>"
            ))
    }
}
