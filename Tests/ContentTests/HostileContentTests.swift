import Content
import Foundation
import Testing
import Timeline

/// Content written to harm: characters that would reach the page or the terminal raw,
/// links out of the content folder, names too long to write.
@Suite("Hostile content")
struct HostileContentTests {
    @Test(arguments: [
        ("\u{1B}]0;owned\u{07}", 9, "U+001B"),
        ("\u{00}", 9, "U+0000"),
        ("\u{7F}", 9, "U+007F"),
        ("\u{85}", 9, "U+0085"),
        ("\u{9B}31m", 9, "U+009B"),
        ("\u{0C}", 9, "U+000C"),
    ])
    func controlCharactersInATitleAreRefusedWithTheirPosition(
        inserted: String, column: Int, code: String
    ) throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] =
            "---\ntitle: \"\(inserted)first\"\nsummary: \"S.\"\n---\n\nText.\n"
        let problems = try folder.problems()
        #expect(
            problems.first
                == "Content/events/first/en.md:2:\(column): error: a control character (\(code)) "
                + "that would reach the page; remove it")
    }

    @Test func controlCharactersInANoteAreAllReported() throws {
        var folder = ContentFolder.minimal
        folder["events/second/el.md"] =
            "---\ntitle: \"Τίτλος\"\nsummary: \"Π.\"\n---\n\nΚείμενο\u{07}.\n\nΔεύτερο \u{1B}[2J.\n"
        let problems = try folder.problems()
        #expect(problems.count == 2)
        #expect(
            problems[0].hasPrefix(
                "Content/events/second/el.md:6:8: error: a control character (U+0007)"))
        #expect(
            problems[1].hasPrefix(
                "Content/events/second/el.md:8:9: error: a control character (U+001B)"))
    }

    @Test func anUnclosedBidiOverrideIsRefused() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] =
            "---\ntitle: \"first \u{202E}txt.exe\"\nsummary: \"S.\"\n---\n\nText.\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/en.md:2:15: error: a bidirectional control (U+202E) left "
                    + "open, which would reorder the text after it; close it with U+202C on the "
                    + "same line, or remove it"
            ])
    }

    @Test func anUnclosedIsolateIsRefusedAndClosedOnesAreKept() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] =
            "---\ntitle: \"\u{2067}first\"\nsummary: \"\u{2067}ok\u{2069} \u{202B}ok\u{202C}\"\n---\n\nText.\n"
        let problems = try folder.problems()
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix(
                "Content/events/first/en.md:2:9: error: a bidirectional control (U+2067) left open")
                == true)
    }

    @Test func arabicTextWithDirectionMarksIsAccepted() throws {
        var folder = ContentFolder.minimal
        folder["events/first/el.md"] =
            "---\ntitle: \"ميتا\u{200F} (Meta)\u{200E}\"\nsummary: \"\u{2067}نص\u{2069}\"\n---\n\nنص.\n"
        _ = try folder.load().get()
    }

    /// Titles are trimmed of the spaces and tabs Foundation's `CharacterSet.whitespaces`
    /// holds (every space separator), and of nothing else: not no-break joiners, not
    /// direction marks, not a combining mark after a space.
    @Test(arguments: [
        "\u{3000}\u{00A0}\tTitle\u{2003}\u{202F}", "\u{2009}Title \u{1680}",
        "\u{200F}Title\u{200E}",
        "\u{2060}Title\u{2060}", " \u{0301}Title", "Two\u{3000}words", "\u{205F}\u{2028}Title",
    ])
    func titlesAreTrimmedOfSpacesAsFoundationTrimsThem(title: String) throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] = "---\ntitle: \"\(title)\"\nsummary: \"S.\"\n---\n\nText.\n"
        let content = try folder.load().get()
        let loaded = try #require(content.timeline.event(withSlug: "first")?.notes["en"]?.title)
        #expect(loaded == title.trimmingCharacters(in: .whitespaces))
        #expect(
            loaded.unicodeScalars.elementsEqual(
                title.trimmingCharacters(in: .whitespaces).unicodeScalars))
    }

    @Test func aLinkOutOfTheContentFolderIsNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-secret-\(UUID().uuidString).md")
        try "---\ntitle: \"SECRET\"\nsummary: \"S.\"\n---\n\nSECRET\n".write(
            to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        var folder = ContentFolder.minimal
        folder["events/first/el.md"] = nil
        folder.links["events/first/el.md"] = secret.path
        let problems = try folder.problems()
        #expect(
            problems == [
                "Content/events/first/el.md: error: is reached through a link to "
                    + "\(secret.resolvingSymlinksInPath().path), outside the content folder; "
                    + "sitegen reads only what is inside it, so copy it in instead"
            ])
    }

    @Test func aLinkedEventFolderOutsideIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let minimal = ContentFolder.minimal
        for name in ["event.yml", "en.md"] {
            try minimal["events/second/\(name)"]!.write(
                to: outside.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var folder = minimal
        folder.links["events/third"] = outside.path
        #expect(
            try folder.problems() == [
                "Content/events/third: error: is reached through a link to "
                    + "\(outside.resolvingSymlinksInPath().path), outside the content folder; "
                    + "sitegen reads only what is inside it, so copy it in instead"
            ])
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        var folder = ContentFolder.minimal
        folder["shared/el.md"] = folder["events/first/el.md"]
        folder["events/first/el.md"] = nil
        folder.links["events/first/el.md"] = "../../shared/el.md"
        let content = try folder.load().get()
        #expect(content.timeline.events.first?.notes["el"]?.title == "Τίτλος")
    }

    @Test func aSlugTooLongForAFileNameIsReportedAgainstItsFolder() throws {
        var folder = ContentFolder.minimal
        let slug = String(repeating: "α", count: 126)  // 252 bytes
        folder["events/\(slug)/event.yml"] = folder["events/first/event.yml"]
        folder["events/\(slug)/en.md"] = folder["events/first/en.md"]
        #expect(
            try folder.problems() == [
                "Content/events/\(slug): error: the folder's name is 252 bytes long, and a page's "
                    + "file name (the name and .html) may have at most 255; shorten it to 250 "
                    + "bytes or fewer"
            ])
        var fits = ContentFolder.minimal
        let longest = String(repeating: "a", count: 250)
        fits["events/\(longest)/event.yml"] = fits["events/first/event.yml"]
        fits["events/\(longest)/en.md"] = fits["events/first/en.md"]
        #expect(try fits.load().get().timeline.events.count == 3)
    }

    @Test(arguments: [
        "javascript://x/%0aalert(1)//", "ftp://example.org/", "file://host/etc/", "http://x/?a=b",
        "http://x/#c", "https://user:pass@example.org/", "example.org/site/", "https:///path/",
        "http://x/\u{1B}]0;t\u{07}", "http://example.org/a b/",
    ])
    func baseURLsThatAreNotPlainWebAddressesAreRefused(text: String) {
        #expect(Site.baseURL(from: text) == nil)
    }

    @Test func baseURLsGetATrailingSlash() {
        #expect(
            Site.baseURL(from: "https://example.org/timeline")?.absoluteString
                == "https://example.org/timeline/")
        #expect(Site.baseURL(from: "HTTP://Example.org/")?.host == "Example.org")
    }
}
