import Checks
import Foundation
import Testing

/// `sitegen check` on the fixture sites: every finding at its file, line and column.
@Suite("Content check")
struct ContentCheckTests {
    /// A finding reduced to what the tests compare: file (inside the site), position,
    /// severity and kind.
    struct Place: Hashable, CustomStringConvertible {
        var file: String
        var line: Int?
        var column: Int?
        var severity: Finding.Severity
        var kind: Finding.Kind

        var description: String {
            "\(file):\(line ?? 0):\(column ?? 0) \(severity.rawValue) \(kind.rawValue)"
        }
    }

    private func check(_ name: String) -> (CheckReport, [ExternalLink]) {
        ContentCheck(folder: FixtureSites.site(name), folderName: name).run()
    }

    @Test func cleanSiteReportsNothing() {
        let (report, external) = check("clean")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
        #expect(report.languages == ["en", "el", "uk", "it", "ar"])
        for row in report.translationStatus {
            #expect(row.states["en"] == .original)
            for code in ["el", "uk", "it", "ar"] { #expect(row.states[code] == .current) }
        }
        #expect(
            external.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0) \($0.url)" } == [
                "clean/events/founding/event.yml:8:10 https://example.org/report",
                "clean/events/talks/event.yml:15:10 https://example.org/report",
            ])
    }

    @Test func driftedSiteReportsEachProblemWhereItIs() {
        let (report, _) = check("drifted")
        let places = report.findings.map {
            Place(
                file: $0.file, line: $0.line, column: $0.column, severity: $0.severity,
                kind: $0.kind)
        }
        #expect(
            places == [
                // A dangling event: link, and a relative link to an event that does not exist.
                Place(
                    file: "drifted/events/dangling-link/en.md", line: 8, column: 10,
                    severity: .error, kind: .link),
                Place(
                    file: "drifted/events/dangling-link/en.md", line: 8, column: 59,
                    severity: .error, kind: .link),
                // The Arabic note leaves out the valuation its four siblings state.
                Place(
                    file: "drifted/events/missing-arabic-figure/ar.md", line: 8, column: 1,
                    severity: .warning, kind: .figure),
                // The English note changed after the Greek one was marked.
                Place(
                    file: "drifted/events/stale-translation/el.md", line: 4, column: 1,
                    severity: .warning, kind: .translation),
                // The Greek note says 15 billion where the record and the others say 14.
                Place(
                    file: "drifted/events/wrong-greek-figure/el.md", line: 8, column: 1,
                    severity: .warning, kind: .figure),
                Place(
                    file: "drifted/events/wrong-greek-figure/el.md", line: 8, column: 84,
                    severity: .warning, kind: .figure),
            ], "\(report.findings.map(\.description))")
    }

    @Test func messagesSayWhatIsWrongAndWhatToDo() {
        let (report, _) = check("drifted")
        let messages = report.findings.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix(
                    "drifted/events/wrong-greek-figure/el.md:8:84: warning: this note says ")
                    && $0.contains(
                        "this note says 15 billion USD; the record's valuation is 14 billion USD")
            })
        #expect(
            messages.contains {
                $0.hasPrefix("drifted/events/missing-arabic-figure/ar.md:8:1: warning: ")
                    && $0.contains(
                        "the en, el, uk, it notes state 14 billion USD, and this note does not")
            })
        #expect(
            messages.contains {
                $0.contains("stale-translation/el.md:4:1: warning: stale:")
                    && $0.contains("new or changed: paragraph 2 at line 8")
                    && $0.contains("sitegen check --mark-translated stale-translation el")
            })
        #expect(messages.contains { $0.contains("link to `event:no-such-event` names no event") })
        #expect(messages.contains { $0.contains("`../el/nowhere.html` names no event 'nowhere'") })
        let status = report.translationStatus.first { $0.slug == "stale-translation" }
        #expect(status?.states["el"] == .stale)
        #expect(status?.states["uk"] == .current)
    }

    @Test func silencedParagraphAndArabicIndicDigitsAreNotReported() {
        let (report, _) = check("drifted")
        #expect(!report.findings.contains { $0.file.contains("silenced-paragraph") })
        // ١٠ مليارات دولار is read as 10 billion USD, which the record has.
        #expect(
            !report.findings.contains {
                $0.file.hasSuffix("missing-arabic-figure/ar.md")
                    && $0.message.contains("10 billion")
            })
    }

    @Test func statusTableListsEveryEventAndLanguage() {
        let (report, _) = check("drifted")
        let lines = report.statusTable.split(separator: "\n")
        #expect(lines.first?.split(separator: " ") == ["event", "en", "el", "uk", "it", "ar"])
        #expect(
            lines.contains {
                $0.split(separator: " ")
                    == ["stale-translation", "original", "stale", "current", "current", "current"]
            })
    }

    @Test func findingsAsJSONLines() throws {
        let finding = Finding(
            file: "a\"b.md", line: 3, column: 7, severity: .warning, kind: .figure,
            message: "says \u{1B}[31m\n15")
        #expect(
            finding.json
                == #"{"file":"a\"b.md","line":3,"column":7,"severity":"warning","kind":"figure","message":"says \u001b[31m\n15"}"#
        )
        #expect(finding.description == "a\"b.md:3:7: warning: says \\u{1b}[31m\\u{a}15")
        let object = try JSONSerialization.jsonObject(with: Data(finding.json.utf8))
        #expect((object as? [String: Any])?["message"] as? String == "says \u{1B}[31m\n15")
    }

    @Test func brokenContentIsReportedAsTheBuildReportsIt() throws {
        try FixtureSites.withCopy(of: "clean") { site in
            try "date: 2025-13\n".write(
                to: site.appendingPathComponent("events/talks/event.yml"), atomically: true,
                encoding: .utf8)
            let (report, _) = ContentCheck(folder: site, folderName: "clean").run()
            #expect(
                report.errors.contains {
                    $0.file == "clean/events/talks/event.yml" && $0.line == 1 && $0.kind == .content
                })
        }
    }

    @Test func sourceDatedInTheFutureIsReported() throws {
        let past = try #require(
            Calendar(identifier: .gregorian).date(
                from: DateComponents(
                    timeZone: TimeZone(identifier: "UTC"), year: 2025, month: 5, day: 1)))
        let (report, _) = ContentCheck(folder: FixtureSites.site("clean"), folderName: "clean")
            .run(today: past)
        #expect(
            report.findings.map(\.description).contains {
                $0.hasPrefix(
                    "clean/events/talks/event.yml:13:1: warning: the source 'Report' is dated 2025-06"
                )
            })
    }
}
