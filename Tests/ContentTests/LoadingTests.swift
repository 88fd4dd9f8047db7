import Content
import Foundation
import Testing
import Timeline

@Suite("Loading a valid site")
struct LoadingTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/valid-site")

    @Test func fixtureSiteLoadsWhole() throws {
        let content = try ContentLoader(folder: Self.fixture, folderName: "valid-site").load()
        #expect(content.site.languages.map(\.code) == ["en", "el", "ar"])
        #expect(content.site.language(withCode: "ar")?.direction == .rightToLeft)
        #expect(content.site.defaultLanguage.code == "en")
        #expect(content.site.baseURL?.absoluteString == "https://example.org/fixture/")
        #expect(content.site.titles["el"] == "Χρονολόγιο δοκιμής")
        #expect(content.strings["ar"]?[.timeline] == "[ar] Timeline")
        #expect(
            content.timeline.events.map(\.slug)
                == ["founding", "revenue", "round", "early-2025", "pledge", "late-may", "talks"])
        let talks = try #require(content.timeline.event(withSlug: "talks"))
        #expect(
            talks.amounts == [
                Amount(
                    role: .investment, value: 10_000_000_000, currency: "USD", qualifier: .moreThan)
            ])
        #expect(talks.sources.first?.url?.absoluteString == "https://example.org/report")
        #expect(talks.notes["ar"]?.title == "محادثات")
        #expect(talks.notes["en"]?.bodyLine == 5)
        #expect(talks.notes["en"]?.file == "valid-site/events/talks/en.md")
        #expect(
            content.warnings.map(\.description) == [
                "valid-site/events/round: warning: no note in ar; its readers will see the en note with a notice",
                "valid-site/events/unpublished: warning: no note in ar; its readers will see the en note with a notice",
                "valid-site/events/unpublished: warning: no note in el; its readers will see the en note with a notice",
            ])
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let published = try ContentLoader(folder: Self.fixture).load()
        #expect(published.timeline.event(withSlug: "unpublished") == nil)
        let all = try ContentLoader(folder: Self.fixture, includesDrafts: true).load()
        #expect(all.timeline.events.last?.slug == "unpublished")
        #expect(all.timeline.event(withSlug: "unpublished")?.isDraft == true)
    }

    @Test func neighboursAndYears() throws {
        let timeline = try ContentLoader(folder: Self.fixture).load().timeline
        let neighbours = timeline.neighbours(ofEventWithSlug: "round")
        #expect(neighbours.previous?.slug == "revenue")
        #expect(neighbours.next?.slug == "early-2025")
        #expect(timeline.neighbours(ofEventWithSlug: "founding").previous == nil)
        #expect(timeline.neighbours(ofEventWithSlug: "talks").next == nil)
        #expect(timeline.eventsByYear.map(\.year) == [2016, 2024, 2025])
        #expect(timeline.eventsByYear.map(\.events.count) == [1, 2, 4])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        var folder = ContentFolder.minimal
        folder.files[Array("site.yml".utf8)] =
            Data([0xEF, 0xBB, 0xBF]) + Data(folder["site.yml"]!.replacing("\n", with: "\r\n").utf8)
        folder["events/first/en.md"] =
            "\u{FEFF}---\r\ntitle: \"First\"\r\nsummary: \"S.\"\r\n---\r\n\r\nText.\r\n"
        let content = try folder.load().get()
        #expect(content.timeline.event(withSlug: "first")?.notes["en"]?.title == "First")
        #expect(content.timeline.event(withSlug: "first")?.notes["en"]?.body == "\nText.\n")
    }

    @Test(arguments: [
        // One `key: "value"` a line: read without YAML.
        "---\ntitle: \"First\"\nsummary: \"S.\"\ntranslated_from: 3f2a9c1e\n"
            + "translated_paragraphs: 0a1b2c 3d4e5f\n---\nText.\n",
        // Anything else: read through YAML.
        "---\ntitle: First\nsummary: 'S.'\ntranslated_from: \"3f2a9c1e\"\n"
            + "translated_paragraphs: 0a1b2c 3d4e5f\n---\nText.\n",
    ])
    func translationMarksAreRead(note: String) throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] = note
        let read = try #require(
            try folder.load().get().timeline.event(withSlug: "first")?.notes["en"])
        #expect(read.translatedFrom == "3f2a9c1e")
        #expect(read.translatedParagraphs == ["0a1b2c", "3d4e5f"])
        #expect(read.translatedFromLine == 4)
        #expect(read.body == "Text.\n")
    }

    @Test func loadsTheRealContent() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content").standardizedFileURL
        let loaded = try ContentLoader(folder: content, folderName: "Content").load()
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.site.languages.map(\.code) == ["en", "el", "uk", "it", "ar"])
        #expect(
            loaded.timeline.events.map(\.slug) == [
                "scale-ai-founded", "scale-ai-valued-at-14-billion", "scale-ai-revenue-2024",
                "meta-pledges-65-billion-for-ai", "scale-ai-defense-contract",
                "scale-ai-tender-offer-talks", "meta-anduril-partnership",
                "meta-in-talks-to-invest-in-scale-ai",
            ])
        for event in loaded.timeline.events {
            #expect(Set(event.notes.keys) == ["en", "el", "uk", "it", "ar"], "\(event.slug)")
        }
    }
}
