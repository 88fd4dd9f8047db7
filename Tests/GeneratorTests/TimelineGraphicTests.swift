import Content
import Foundation
import Generator
import Testing
import Timeline

/// The SVG timeline on each language's index: one marker per event, in order, linking to
/// the event, with the time axis mirrored in right-to-left languages.
@Suite("The timeline graphic")
struct TimelineGraphicTests {
    /// The graphic of a language's index, parsed: the image, and the layer of links over it.
    static func graphic(_ language: String, in folder: URL) throws -> XMLElement {
        try layers(language, in: folder).image
    }

    static func layers(_ language: String, in folder: URL) throws -> (
        image: XMLElement, links: XMLElement
    ) {
        let html = try SiteBuildTests.page("\(language)/index.html", in: folder)
        let start = try #require(html.range(of: "<div class=\"tg-stack\">"))
        let end = try #require(
            html.range(of: "</svg>\n</div>", range: start.upperBound..<html.endIndex))
        let stack = try XMLElement.parse(String(html[start.lowerBound..<end.upperBound]))
        let layers = stack.children(named: "svg")
        try #require(layers.count == 2)
        return (layers[0], layers[1])
    }

    /// The events drawn on an image.
    static func events(_ image: XMLElement) -> [XMLElement] {
        image.children(named: "g").filter { $0.attributes["class"] == "tg-event" }
    }

    static func number(_ element: XMLElement?, _ attribute: String) throws -> Double {
        try #require(element?.attributes[attribute].flatMap(Double.init))
    }

    @Test func isAnAccessibleImageWithATitleAndDescription() throws {
        let (folder, _) = try SiteBuildTests.build()
        for language in DiscoveryTests.languages {
            let svg = try Self.graphic(language, in: folder)
            #expect(svg.attributes["role"] == "img")
            let ids = try #require(svg.attributes["aria-labelledby"]).split(separator: " ").map(
                String.init)
            #expect(svg.child("title")?.attributes["id"] == ids.first)
            #expect(svg.child("desc")?.attributes["id"] == ids.last)
            #expect(svg.child("title")?.text.isEmpty == false)
            #expect(svg.attributes["direction"] == (language == "ar" ? "rtl" : "ltr"))
        }
    }

    @Test func hasOneMarkerPerEventInTimelineOrderLinkingToItsPage() throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try DiscoveryTests.content()
        for language in DiscoveryTests.languages {
            let (image, overlay) = try Self.layers(language, in: folder)
            #expect(image.descendants.allSatisfy { $0.name != "a" }, "the image holds no link")
            #expect(overlay.attributes["aria-hidden"] == "true")
            let links = overlay.children(named: "a")
            #expect(
                links.map { $0.attributes["href"] }
                    == content.timeline.events.map { "\($0.slug).html" })
            #expect(links.allSatisfy { $0.attributes["tabindex"] == "-1" })
            let events = Self.events(image)
            #expect(events.count == content.timeline.events.count)
            for (index, event) in content.timeline.events.enumerated() {
                #expect(events[index].children(named: "circle").count == 1)
                let note = event.notes[language] ?? event.notes["en"]!
                let label = events[index].descendants.first { $0.attributes["class"] == "tg-label" }
                #expect(label?.text == (note.label ?? note.title))
                #expect(links[index].child("title")?.text == note.title)
                // The link's target area covers its marker.
                let marker = try Self.number(events[index].child("circle"), "cx")
                let hit = links[index].children(named: "circle").first
                #expect(try Self.number(hit, "cx") == marker)
            }
            let positions = try events.map { try Self.number($0.child("circle"), "cx") }
            let inReadingOrder = language == "ar" ? positions.map { -$0 } : positions
            #expect(
                inReadingOrder == inReadingOrder.sorted(),
                "\(language): markers follow the timeline")
            #expect(
                Set(positions).count == positions.count, "\(language): no two markers on one spot")
        }
    }

    @Test func rightToLeftIsTheMirrorImage() throws {
        let (folder, _) = try SiteBuildTests.build()
        let english = try Self.graphic("en", in: folder)
        let arabic = try Self.graphic("ar", in: folder)
        let width = try #require(english.attributes["width"].flatMap(Double.init))
        let englishMarkers = try Self.events(english).map {
            try Self.number($0.child("circle"), "cx")
        }
        let arabicMarkers = try Self.events(arabic).map {
            try Self.number($0.child("circle"), "cx")
        }
        #expect(englishMarkers.count == arabicMarkers.count)
        for (left, right) in zip(englishMarkers, arabicMarkers) {
            #expect(abs(left + right - width) < 0.15)
        }
        let englishYears = try english.children(named: "text").map { try Self.number($0, "x") }
        let arabicYears = try arabic.children(named: "text").map { try Self.number($0, "x") }
        #expect(englishYears == englishYears.sorted())
        #expect(arabicYears == arabicYears.sorted(by: >))
    }

    @Test func labelsEveryYearShownAndBreaksTheAxisForQuietYears() throws {
        let (folder, _) = try SiteBuildTests.build()
        let content = try DiscoveryTests.content()
        let svg = try Self.graphic("en", in: folder)
        let years = svg.children(named: "text").filter { $0.attributes["class"] == "tg-year" }
            .map(\.text)
        // Runs of two or more years without an event are left out, one break each.
        let eventYears = Set(content.timeline.events.map(\.date.year))
        let (first, last) = (eventYears.min()!, eventYears.max()!)
        var shown: [String] = []
        var quiet: [Int] = []
        var breaks = 0
        for year in first...last {
            if eventYears.contains(year) {
                if quiet.count == 1 { shown.append(String(quiet[0])) }
                if quiet.count >= 2 { breaks += 1 }
                quiet = []
                shown.append(String(year))
            } else {
                quiet.append(year)
            }
        }
        #expect(years == shown)
        #expect(breaks > 0, "the fixture has quiet years")
        let marks = svg.children(named: "line").filter { $0.attributes["class"] == "tg-break" }
        #expect(marks.count == 2 * breaks)
        let spans = svg.children(named: "rect").filter { $0.attributes["class"] == "tg-span" }
        #expect(spans.count == content.timeline.events.filter { $0.date.precision != .day }.count)
    }

    @Test func noLeaderLineCrossesALabelInTheRealContent() throws {
        // The real content clusters six events in eighteen months: the hardest case here.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-graphic-\(UUID().uuidString)/Public")
        _ = try SiteGenerator(
            options: .init(
                content: SiteBuildTests.repository.appendingPathComponent("Content"),
                templates: SiteBuildTests.templates, output: output)
        ).build()
        for language in ["en", "el", "uk", "it", "ar"] {
            let svg = try Self.graphic(language, in: output)
            let events = Self.events(svg)
            // A leader runs from the axis down to its label; a label sits on its row.
            let leaders = try events.map { event -> (x: Double, bottom: Double) in
                let line = event.child("line")
                return (try Self.number(line, "x1"), try Self.number(line, "y2"))
            }
            let labelRows = try events.map {
                try Self.number($0.descendants.first { $0.attributes["class"] == "tg-label" }, "y")
            }
            for (index, leader) in leaders.enumerated() {
                for (other, row) in labelRows.enumerated()
                where other != index && row < leader.bottom {
                    // The other label is above this leader's end: the leader must not pass
                    // through it, so it must lie outside the marker span it was placed for.
                    let otherX = leaders[other].x
                    let anchor = events[other].descendants.first {
                        $0.attributes["class"] == "tg-label"
                    }?.attributes["text-anchor"]
                    let runsRight = (anchor == "start") == (language != "ar")
                    let passesThrough =
                        runsRight
                        ? (leader.x > otherX + 4 && leader.x < otherX + 60)
                        : (leader.x < otherX - 4 && leader.x > otherX - 60)
                    #expect(
                        !passesThrough,
                        "\(language): the leader of event \(index) crosses label \(other)")
                }
            }
        }
    }
}
