import Foundation
import Generator
import Testing

/// A timeline too large for one index page is split by year, and a crowded year into
/// numbered parts, with links between them.
@Suite("Splitting a large timeline")
struct LargeTimelineTests {
    /// A site with `counts[year]` events in each year, in English and Greek.
    static func site(_ counts: [Int: Int]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-large-\(UUID().uuidString)")
        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write(
            "site.yml",
            """
            title:
              en: "Large"
              el: "Μεγάλο"
            base_url: https://example.org/large/
            default_language: en
            languages:
              - code: en
                name: English
                direction: ltr
              - code: el
                name: Ελληνικά
                direction: ltr

            """)
        for language in ["en", "el"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: SiteBuildTests.repository.appendingPathComponent(
                    "Content/i18n/\(language).yml"),
                to: folder.appendingPathComponent("i18n/\(language).yml"))
        }
        for (year, count) in counts {
            for number in 1...count {
                let slug = "event-\(year)-\(number)"
                let month = (number % 12) + 1
                try write(
                    "events/\(slug)/event.yml",
                    """
                    date: \(year)-\(month < 10 ? "0" : "")\(month)
                    order: \(number)
                    sources:
                      - publisher: Wire
                        title: "Report \(number)"
                        date: \(year)
                        language: en

                    """)
                for language in ["en", "el"] {
                    try write(
                        "events/\(slug)/\(language).md",
                        "---\ntitle: \"Event \(number) of \(year)\"\nsummary: \"Something happened.\"\n---\n\nA note.\n"
                    )
                }
            }
        }
        return folder
    }

    @Test func aTimelineOfMoreThanTwoHundredEventsIsSplitByYearAndPart() throws {
        let content = try Self.site([2019: 450, 2020: 30])
        let (folder, _) = try SiteBuildTests.build(content: content)
        let files = SiteBuildTests.files(in: folder)
        for language in ["en", "el"] {
            let parts = files.filter { $0.hasPrefix("\(language)/years/") }
            #expect(
                parts
                    == ["2019-2.html", "2019-3.html", "2019.html", "2020.html"].map {
                        "\(language)/years/\($0)"
                    })
            // The index lists the parts and no events.
            let index = try SiteBuildTests.page("\(language)/index.html", in: folder)
            #expect(index.contains("<a href=\"years/2019.html\">2019 (1/3)</a>"))
            #expect(index.contains("<a href=\"years/2019-3.html\">2019 (3/3)</a>"))
            #expect(index.contains("<a href=\"years/2020.html\">2020</a>"))
            #expect(!index.contains("class=\"timeline-event\""))
            // Each part lists at most 200 events, draws its own graphic and links onwards.
            var listed = 0
            for part in parts {
                let html = try SiteBuildTests.page(part, in: folder)
                let events = html.components(separatedBy: "class=\"timeline-event\"").count - 1
                #expect(events <= 200 && events > 0, "\(part)")
                // Each event is a marker of its own or counted in a cluster.
                let markers = html.components(separatedBy: "class=\"tg-marker\"").count - 1
                let counted = html.matches(of: /class="tg-count"[^>]*>(\d+)</).map { Int($0.1)! }
                #expect(markers + counted.reduce(0, +) == events, "\(part)")
                let height = try #require(
                    html.firstMatch(of: /class="timeline-graphic"[^>]* height="(\d+)"/))
                #expect(Int(height.1)! <= 420, "\(part): the graphic's height is bounded")
                #expect(html.contains("<a href=\"../index.html\">"), "\(part) links back")
                listed += events
            }
            #expect(listed == 480)
            let middle = try SiteBuildTests.page("\(language)/years/2019-2.html", in: folder)
            #expect(middle.contains("<a href=\"2019.html\" rel=\"prev\">"))
            #expect(middle.contains("<a href=\"2019-3.html\" rel=\"next\">"))
            // An event links back to the part that lists it.
            for number in [1, 200, 450] {
                let slug = "event-2019-\(number)"
                let part = try #require(
                    parts.first {
                        try SiteBuildTests.page($0, in: folder).contains("href=\"../\(slug).html\"")
                    })
                let event = try SiteBuildTests.page("\(language)/\(slug).html", in: folder)
                #expect(
                    event.contains(
                        "<nav class=\"breadcrumb\"><a href=\"years/\(part.split(separator: "/").last!)\">"
                    ))
            }
        }
        let sitemap = try XMLElement.parse(SiteBuildTests.page("sitemap.xml", in: folder))
        let locations = Set(sitemap.children(named: "url").compactMap { $0.child("loc")?.text })
        #expect(locations.contains("https://example.org/large/el/years/2019-2.html"))
        #expect(locations.count == 1 + 2 * (1 + 4 + 480))
    }

    @Test func aTimelineOfTwoHundredEventsStaysOnOnePage() throws {
        let content = try Self.site([2019: 120, 2020: 80])
        let (folder, _) = try SiteBuildTests.build(content: content)
        #expect(!SiteBuildTests.files(in: folder).contains { $0.contains("/years/") })
        let index = try SiteBuildTests.page("en/index.html", in: folder)
        #expect(index.components(separatedBy: "class=\"timeline-event\"").count - 1 == 200)
    }
}
