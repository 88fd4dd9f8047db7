import Content
import Foundation
import Testing
import Timeline

@testable import Checks

/// `--mark-translated` and `sitegen new`.
@Suite("Marking translations and scaffolding events")
struct MarkAndScaffoldTests {
    private func load(_ site: URL, _ name: String) throws -> SiteContent {
        try ContentLoader(folder: site, folderName: name, includesDrafts: true).load()
    }

    @Test func markingMakesAStaleTranslationCurrentAndChangesNothingElse() throws {
        try FixtureSites.withCopy(of: "drifted") { site in
            let file = site.appendingPathComponent("events/stale-translation/el.md")
            let before = try String(contentsOf: file, encoding: .utf8)
            let marker = TranslationMarker(
                content: try load(site, "drifted"), folder: site, folderName: "drifted")
            let (path, hash) = try marker.mark(slug: "stale-translation", language: "el")
            #expect(path == "drifted/events/stale-translation/el.md")
            let after = try String(contentsOf: file, encoding: .utf8)
            let changed = zip(before.split(separator: "\n"), after.split(separator: "\n"))
                .filter { $0 != $1 }
            #expect(changed.count == 2)
            #expect(after.contains("translated_from: \(hash)\n"))
            #expect(before.split(separator: "\n").count == after.split(separator: "\n").count)
            let (report, _) = ContentCheck(folder: site, folderName: "drifted").run()
            #expect(!report.findings.contains { $0.kind == .translation })
        }
    }

    @Test func markingAddsTheFieldsInTheFilesOwnLineEndings() throws {
        let fingerprint = NoteFingerprint(body: "\nText.\n")
        let text = "\u{FEFF}---\r\ntitle: \"T\"\r\nsummary: \"S\"\r\n---\r\n\r\nΚείμενο.  \r\n"
        let marked = TranslationMarker.marking(text, with: fingerprint)
        #expect(
            marked
                == "\u{FEFF}---\r\ntitle: \"T\"\r\nsummary: \"S\"\r\ntranslated_from: "
                + "\(fingerprint.hash)\r\ntranslated_paragraphs: "
                + "\(fingerprint.paragraphHashes[0])\r\n---\r\n\r\nΚείμενο.  \r\n")
        #expect(TranslationMarker.marking(marked, with: fingerprint) == marked)
    }

    @Test func markingRefusesTheDefaultLanguageAndUnknownEvents() throws {
        let site = FixtureSites.site("clean")
        let marker = TranslationMarker(
            content: try load(site, "clean"), folder: site, folderName: "clean")
        #expect(throws: TranslationMarker.Failure.self) {
            try marker.mark(slug: "talks", language: "en")
        }
        #expect(throws: TranslationMarker.Failure.self) {
            try marker.mark(slug: "no-such-event", language: "el")
        }
        #expect(throws: TranslationMarker.Failure.self) {
            try marker.mark(slug: "talks", language: "fr")
        }
    }

    @Test func markingEveryTranslationLeavesNothingStale() throws {
        try FixtureSites.withCopy(of: "drifted") { site in
            let marker = TranslationMarker(
                content: try load(site, "drifted"), folder: site, folderName: "drifted")
            let marked = try marker.markAll()
            #expect(marked.count == 6 * 4)
            let (report, _) = ContentCheck(folder: site, folderName: "drifted").run()
            #expect(
                report.translationStatus.allSatisfy { row in
                    row.states.values.allSatisfy { $0 == .original || $0 == .current }
                })
        }
    }

    @Test func newEventIsADraftWithEveryTranslationCurrent() throws {
        try FixtureSites.withCopy(of: "clean") { site in
            let written = try EventScaffold(
                folder: site, folderName: "clean", slug: "acquisition", date: "2025-06",
                qualifier: "mid", title: "Meta takes a \"49%\" stake"
            ).write()
            #expect(
                written
                    == ["event.yml", "en.md", "el.md", "uk.md", "it.md", "ar.md"].map {
                        "clean/events/acquisition/\($0)"
                    })
            let content = try load(site, "clean")
            let event = try #require(content.timeline.event(withSlug: "acquisition"))
            #expect(event.isDraft)
            #expect(event.date.qualifier == .mid)
            #expect(event.notes["el"]?.title == "Meta takes a \"49%\" stake")
            let (report, _) = ContentCheck(folder: site, folderName: "clean", includesDrafts: true)
                .run()
            let row = report.translationStatus.first { $0.slug == "acquisition" }
            #expect(row?.states["ar"] == .current)
            #expect(
                !report.findings.contains {
                    $0.file.contains("acquisition") && $0.severity != .note
                })
        }
    }

    @Test(arguments: [
        ("talks", "2025-06", "clean/events/talks: error: already exists as events/talks"),
        ("TALKS", "2025-06", "clean/events/TALKS: error: already exists as events/talks"),
        ("../escape", "2025-06", "clean/events/../escape: error: '../escape' is not a safe name"),
        ("new-one", "2025-13", "clean/events/new-one/event.yml:1:7: error: "),
    ])
    func newWritesNothingWhenAnythingIsWrong(slug: String, date: String, message: String) throws {
        try FixtureSites.withCopy(of: "clean") { site in
            let before = try FixtureSites.snapshot(of: site)
            do throws(ContentError) {
                _ = try EventScaffold(folder: site, folderName: "clean", slug: slug, date: date)
                    .write()
                Issue.record("\(slug) \(date) was accepted")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
            #expect(try FixtureSites.snapshot(of: site) == before)
        }
    }

    @Test func newNeverOverwritesAFile() throws {
        try FixtureSites.withCopy(of: "clean") { site in
            // A folder that appears between the check and the write is not written into.
            let scaffold = EventScaffold(
                folder: site, folderName: "clean", slug: "late", date: "2025")
            _ = try scaffold.files()
            let folder = site.appendingPathComponent("events/late")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "mine".write(
                to: folder.appendingPathComponent("en.md"), atomically: true, encoding: .utf8)
            #expect(throws: ContentError.self) { try scaffold.write() }
            #expect(
                try String(contentsOf: folder.appendingPathComponent("en.md"), encoding: .utf8)
                    == "mine")
        }
    }
}
