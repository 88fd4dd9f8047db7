import Markdown
import Testing

/// The inputs of cmark-gfm's own `test/pathological_tests.py` and the shapes of its 2023
/// security advisories, each at the size the peer uses (capped to the 1 MiB default note
/// size where it is larger), plus the two notes of issue 12. Each must render or be
/// refused with the limit it goes over; none may hang. How long each takes and how much
/// memory it needs is measured outside the tests (see `scripts/check-memory` and the
/// report), so that no assertion depends on the machine's speed.
@Suite("Pathological notes", .timeLimit(.minutes(1)))
struct PathologicalInputTests {
    /// What must happen to a note.
    enum Outcome: Equatable, CustomStringConvertible {
        case renders
        case refused(LimitExceeded.Kind)
        case tooLarge

        var description: String {
            switch self {
            case .renders: "renders"
            case .refused(let kind): "refused (\(kind))"
            case .tooLarge: "too large"
            }
        }
    }

    /// A named input and what must happen to it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var make: @Sendable () -> String
        var outcome: Outcome
        var testDescription: String { "\(name): \(outcome)" }
    }

    static let peerCases: [Case] = [
        Case(
            name: "nested strong emph",
            make: {
                String(repeating: "*a **a ", count: 65000) + "b"
                    + String(repeating: " a** a*", count: 65000)
            }, outcome: .refused(.nodes)),
        Case(
            name: "many emph closers with no openers",
            make: { String(repeating: "a_ ", count: 65000) }, outcome: .renders),
        Case(
            name: "many emph openers with no closers",
            make: { String(repeating: "_a ", count: 65000) }, outcome: .renders),
        Case(
            name: "many link closers with no openers",
            make: { String(repeating: "a]", count: 65000) }, outcome: .renders),
        Case(
            name: "many link openers with no closers",
            make: { String(repeating: "[a", count: 65000) }, outcome: .renders),
        Case(
            name: "mismatched openers and closers",
            make: { String(repeating: "*a_ ", count: 50000) }, outcome: .renders),
        Case(
            name: "openers and closers multiple of 3",
            make: {
                "a**b" + String(repeating: "c* ", count: 50000)
            }, outcome: .renders),
        Case(
            name: "link openers and emph closers",
            make: { String(repeating: "[ a_", count: 50000) }, outcome: .renders),
        Case(
            name: "pattern [ (]( repeated", make: { String(repeating: "[ (](", count: 80000) },
            outcome: .renders),
        Case(
            name: "pattern ![[]() repeated", make: { String(repeating: "![[]()", count: 160000) },
            outcome: .refused(.imageOpeners)),
        Case(name: "hard link/emph case", make: { "**x [a*b**c*](d)" }, outcome: .renders),
        Case(
            name: "nested brackets",
            make: {
                String(repeating: "[", count: 50000) + "a" + String(repeating: "]", count: 50000)
            }, outcome: .renders),
        Case(
            name: "nested block quotes", make: { String(repeating: "> ", count: 50000) + "a" },
            outcome: .renders),
        Case(
            name: "deeply nested lists",
            make: {
                (0..<1000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()
            }, outcome: .renders),
        Case(name: "U+0000 in input", make: { "abc\u{0}de\u{0}" }, outcome: .renders),
        Case(
            name: "backticks",
            make: { (1..<1400).map { "e" + String(repeating: "`", count: $0) }.joined() },
            outcome: .renders),
        Case(
            name: "backticks at the peer's size",
            make: { (1..<5000).map { "e" + String(repeating: "`", count: $0) }.joined() },
            outcome: .tooLarge),
        Case(
            name: "unclosed links A", make: { String(repeating: "[a](<b", count: 30000) },
            outcome: .renders),
        Case(
            name: "unclosed links B", make: { String(repeating: "[a](b", count: 30000) },
            outcome: .renders),
        Case(
            name: "unclosed <!--", make: { "</" + String(repeating: "<!--", count: 250000) },
            outcome: .refused(.nodes)),
        Case(
            name: "tables", make: { String(repeating: "aaa\rbbb\n-\u{0B}\n", count: 30000) },
            outcome: .renders),
        Case(
            name: "many references",
            make: {
                (1..<(5000 * 16)).map { "[\($0)]: u\n" }.joined()
                    + String(repeating: "[0] ", count: 5000)
            }, outcome: .renders),
    ]

    static let advisoryCases: [Case] = [
        // Table rows whose missing cells cmark-gfm fills in (GHSA-w4qg-3vf7-m9x5); at 10,000
        // columns and rows this 60 KB note drove a build past 3 GiB (issue 12).
        Case(
            name: "table of auto-completed cells, 60 KB",
            make: { table(columns: 10000, rows: 10000) }, outcome: .refused(.tableRowWidth)),
        Case(
            name: "table of auto-completed cells, 1,000 columns",
            make: { table(columns: 1000, rows: 1000) }, outcome: .refused(.tableCells)),
        Case(
            name: "table of auto-completed cells, small", make: { table(columns: 300, rows: 300) },
            outcome: .renders),
        Case(
            name: "header of 250,000 columns", make: { table(columns: 250_000, rows: 0) },
            outcome: .refused(.tableCells)),
        Case(
            name: "ragged row of 1,000,000 cells",
            make: {
                "|a|b|\n|-|-|\n" + String(repeating: "|", count: 1_000_000)
            }, outcome: .refused(.tableRowWidth)),
        Case(
            name: "URL autolinks in one long word",
            make: { String(repeating: "<http://a", count: 20000) }, outcome: .refused(.autolinks)),
        Case(
            name: "e-mail autolinks in one long word",
            make: { String(repeating: "<a@b.c", count: 160000) }, outcome: .refused(.autolinks)),
        Case(
            name: "e-mail autolinks in one long paragraph",
            make: { String(repeating: "ab@cd.ef ", count: 110000) }, outcome: .refused(.autolinks)),
        Case(
            name: "underscores around a period",
            make: {
                String(repeating: "_", count: 100000) + "." + String(repeating: "_", count: 100000)
            }, outcome: .renders),
        Case(
            name: "image openers", make: { String(repeating: "![l", count: 100000) },
            outcome: .renders),
        Case(
            name: "strikethrough", make: { String(repeating: "~~a ", count: 100000) },
            outcome: .renders),
        Case(
            name: "nested emphasis",
            make: {
                String(repeating: "*", count: 100000) + "a" + String(repeating: "*", count: 100000)
            }, outcome: .renders),
        Case(
            name: "www autolinks", make: { String(repeating: "www.", count: 100000) },
            outcome: .renders),
        Case(
            name: "footnote references",
            make: {
                String(repeating: "[^1]", count: 100000) + "\n\n[^1]: x\n"
            }, outcome: .refused(.footnoteReferences)),
        Case(
            name: "entities", make: { String(repeating: "&#", count: 500000) },
            outcome: .refused(.nodes)),
        Case(
            name: "mixed emphasis", make: { String(repeating: "*_", count: 500000) },
            outcome: .refused(.nodes)),
    ]

    /// A table `columns` wide with `rows` one-cell rows, which cmark-gfm fills in.
    static func table(columns: Int, rows: Int) -> String {
        "|" + String(repeating: "x|", count: columns) + "\n|"
            + String(repeating: "-|", count: columns) + "\n" + String(repeating: "a\n", count: rows)
    }

    @Test(arguments: peerCases + advisoryCases)
    func rendersOrIsRefused(_ testCase: Case) throws {
        let markdown = testCase.make()
        let renderer = MarkdownRenderer(options: .init(allowsRawHTML: false, typography: .english))
        do {
            let note = try renderer.render(markdown)
            #expect(testCase.outcome == .renders, "rendered to \(note.html.utf8.count) bytes")
            #expect(!note.html.isEmpty)
        } catch .inputTooLarge(let size, let limit) {
            #expect(testCase.outcome == .tooLarge, "too large: \(size) > \(limit)")
        } catch .overLimit(let excess) {
            #expect(testCase.outcome == .refused(excess.kind), "refused: \(excess)")
        } catch {
            Issue.record("failed: \(error)")
        }
    }

    @Test func refusalNamesTheLineAndSaysWhatToDo() {
        let note = "# Tables\n\nText.\n\n" + Self.table(columns: 1000, rows: 200)
        #expect {
            try MarkdownRenderer().render(note)
        } throws: { error in
            guard let error = error as? MarkdownError, case .overLimit(let excess) = error
            else { return false }
            return excess.kind == .tableCells && error.position! == (5, 1)
                && error.description.contains("make the tables smaller or split the note")
        }
    }
}
