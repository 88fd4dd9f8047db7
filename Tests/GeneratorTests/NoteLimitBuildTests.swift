import Foundation
import Generator
import Testing

/// Notes over their size or shape limits stop the build with errors naming the file and
/// line, and leave the output as it was.
@Suite("Notes over their limits")
struct NoteLimitBuildTests {
    @Test func notesOverTheirLimitsAreErrorsAndNothingIsPublished() throws {
        let (folder, _) = try SiteBuildTests.build()
        let before = try SiteBuildTests.files(in: folder).map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        }
        let content = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.copyItem(at: SiteBuildTests.fixture, to: content)
        let siteFile = content.appendingPathComponent("site.yml")
        try (String(contentsOf: siteFile, encoding: .utf8) + "max_note_size: 2 KiB\n")
            .write(to: siteFile, atomically: true, encoding: .utf8)
        // Too big: a body of 3,010 bytes.
        try
            ("---\ntitle: \"Talks\"\nsummary: \"S.\"\n---\n\n"
            + String(repeating: "Words and more. ", count: 188) + "\n")
            .write(
                to: content.appendingPathComponent("events/talks/en.md"), atomically: true,
                encoding: .utf8)
        // Small, but a table of 300 columns whose 400 one-cell rows cmark-gfm would fill in.
        try
            ("---\ntitle: \"Συνομιλίες\"\nsummary: \"Π.\"\n---\n\nΚείμενο.\n\n"
            + "|" + String(repeating: "x|", count: 300) + "\n|"
            + String(repeating: "-|", count: 300)
            + "\n" + String(repeating: "a\n", count: 400))
            .write(
                to: content.appendingPathComponent("events/talks/el.md"), atomically: true,
                encoding: .utf8)

        #expect(throws: BuildError.self) {
            try SiteBuildTests.build(content: content, output: folder)
        }
        do {
            _ = try SiteBuildTests.build(content: content, output: folder)
        } catch let error as BuildError {
            #expect(error.step == .content)
            #expect(error.problems.count == 2)
            #expect(
                error.problems.first?.hasSuffix(
                    "events/talks/el.md:8:1: error: the tables from this one on would have "
                        + "100200 cells (rows × columns, counting the cells filled in for short "
                        + "rows), more than the limit of 100000; make the tables smaller or split "
                        + "the note") == true)
            #expect(
                error.problems.last?.hasSuffix(
                    "events/talks/en.md:5:1: error: the note is 3010 bytes, more than the limit "
                        + "of 2048 bytes; split it, or raise max_note_size in site.yml") == true)
        }
        let after = try SiteBuildTests.files(in: folder).map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
    }
}
