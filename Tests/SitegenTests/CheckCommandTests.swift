import Foundation
import Testing

/// `sitegen check` and `sitegen new`, run as a user runs them.
@Suite("sitegen check and new")
struct CheckCommandTests {
    static let fixtures = repository.appendingPathComponent("Tests/ChecksTests/Fixtures")

    /// A copy of a fixture site in `folder`.
    private func copy(_ name: String, into folder: URL) throws -> URL {
        let site = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: site)
        return site
    }

    @Test func cleanContentPassesEvenWhenStrict() throws {
        let site = Self.fixtures.appendingPathComponent("clean").path
        let result = try runSitegen(["check", "--content", site, "--strict"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("talks     original  current"))
        #expect(result.standardOutput.contains("External links, not checked (pass --external"))
        #expect(result.standardOutput.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test func errorsFailAndWarningsFailOnlyWhenStrict() throws {
        try withTemporaryFolder { folder in
            let drifted = Self.fixtures.appendingPathComponent("drifted").path
            let result = try runSitegen(["check", "--content", drifted])
            #expect(result.status == 1)
            #expect(
                result.standardOutput.contains(
                    "\(drifted)/events/wrong-greek-figure/el.md:8:84: warning: this note says 15 "
                        + "billion USD; the record's valuation is 14 billion USD"))
            #expect(result.standardOutput.hasSuffix("2 errors, 4 warnings\n"))

            // Without the dangling links, only warnings are left.
            let site = try copy("drifted", into: folder)
            try FileManager.default.removeItem(
                at: site.appendingPathComponent("events/dangling-link"))
            #expect(try runSitegen(["check", "--content", site.path]).status == 0)
            #expect(try runSitegen(["check", "--content", site.path, "--strict"]).status == 1)
        }
    }

    @Test func jsonPrintsOneObjectPerFinding() throws {
        let drifted = Self.fixtures.appendingPathComponent("drifted").path
        let result = try runSitegen(["check", "--content", drifted, "--format", "json"])
        #expect(result.status == 1)
        let objects = try result.standardOutput.split(separator: "\n").map {
            try #require(
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let findings = objects.filter { $0["severity"] as? String != "note" }
        #expect(findings.count == 6)
        let greek = try #require(findings.first { $0["column"] as? Int == 84 })
        #expect(greek["file"] as? String == "\(drifted)/events/wrong-greek-figure/el.md")
        #expect(greek["line"] as? Int == 8)
        #expect(greek["severity"] as? String == "warning")
        #expect(greek["kind"] as? String == "figure")
        #expect(objects.contains { $0["kind"] as? String == "external-link" })
    }

    @Test func markTranslatedMakesTheTranslationCurrent() throws {
        try withTemporaryFolder { folder in
            let site = try copy("drifted", into: folder)
            let mark = try runSitegen([
                "check", "--content", site.path, "--mark-translated", "stale-translation", "el",
            ])
            #expect(mark.status == 0, "\(mark.standardError)")
            #expect(
                mark.standardOutput.hasPrefix(
                    "\(site.path)/events/stale-translation/el.md: marked as translated from the en note "
                ))
            let check = try runSitegen(["check", "--content", site.path])
            #expect(!check.standardOutput.contains("stale-translation/el.md"))
            let wrong = try runSitegen([
                "check", "--content", site.path, "--mark-translated", "stale-translation",
            ])
            #expect(wrong.status != 0)
            #expect(
                wrong.standardError.contains(
                    "--mark-translated takes an event's slug and a language"))
        }
    }

    @Test func newScaffoldsAnEventOrWritesNothing() throws {
        try withTemporaryFolder { folder in
            let site = try copy("clean", into: folder)
            let made = try runSitegen([
                "new", "merger", "--date", "2025-07", "--qualifier", "late", "--title", "A merger",
                "--content", site.path,
            ])
            #expect(made.status == 0, "\(made.standardError)")
            #expect(made.standardOutput.contains("created \(site.path)/events/merger/ar.md"))
            let record = try String(
                contentsOf: site.appendingPathComponent("events/merger/event.yml"), encoding: .utf8)
            #expect(record.hasPrefix("date: 2025-07\nqualifier: late\ndraft: true"))

            let again = try runSitegen([
                "new", "merger", "--date", "2025-07", "--content", site.path,
            ])
            #expect(again.status == 1)
            #expect(again.standardError.contains("already exists as events/merger"))
            #expect(again.standardError.hasSuffix("Nothing was written.\n"))

            let badDate = try runSitegen([
                "new", "other", "--date", "2025-02-30", "--content", site.path,
            ])
            #expect(badDate.status == 1)
            #expect(
                badDate.standardError.contains("\(site.path)/events/other/event.yml:1:7: error:"))
            #expect(
                !FileManager.default.fileExists(
                    atPath: site.appendingPathComponent("events/other").path))
        }
    }
}
