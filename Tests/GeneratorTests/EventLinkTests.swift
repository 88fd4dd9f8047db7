import Foundation
import Generator
import Testing

/// `event:SLUG` links in notes, resolved by the build, and `sitegen check` directives,
/// dropped without a warning; built from the fixture sites of `Tests/ChecksTests/Fixtures`.
@Suite("Event links and check directives in a build")
struct EventLinkTests {
    static let fixtures = SiteBuildTests.repository.appendingPathComponent(
        "Tests/ChecksTests/Fixtures")

    @Test func eventLinksGoToTheEventsPageInThePagesLanguage() throws {
        let (folder, summary) = try SiteBuildTests.build(
            content: Self.fixtures.appendingPathComponent("clean"))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for language in ["en", "el", "it", "ar"] {
            let page = try SiteBuildTests.page("\(language)/talks.html", in: folder)
            #expect(page.contains("<a href=\"founding.html\">"), "\(language)")
            #expect(!page.contains("event:"))
        }
        // The relative form is left as written.
        #expect(
            try SiteBuildTests.page("uk/talks.html", in: folder).contains(
                "<a href=\"../uk/founding.html\">"))
        // The ignore-figure comment is neither on the page nor reported as raw HTML.
        #expect(!summary.warnings.contains { $0.contains("raw HTML") }, "\(summary.warnings)")
        #expect(!(try SiteBuildTests.page("en/talks.html", in: folder)).contains("check:"))
    }

    @Test func danglingEventLinkStopsTheBuildAtItsFileLineAndColumn() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-build-\(UUID().uuidString)/Public")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let content = Self.fixtures.appendingPathComponent("drifted")
        #expect {
            _ = try SiteBuildTests.build(content: content, output: output)
        } throws: { error in
            let problems = (error as? BuildError)?.problems ?? []
            return (error as? BuildError)?.step == .content
                && problems.contains {
                    $0.hasSuffix(
                        "drifted/events/dangling-link/en.md:8:10: error: link to "
                            + "`event:no-such-event` names no event; use the slug (folder name) "
                            + "of an existing event, as in event:scale-ai-founded")
                }
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
