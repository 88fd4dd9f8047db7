import Testing

@testable import Markdown

/// The pre-scan's measures, at and just past each limit, and where it says the problem is.
@Suite("Note limits")
struct NoteLimitTests {
    /// The limit a note goes over, or `nil` when it passes the check.
    private func excess(_ markdown: String) -> LimitExceeded? {
        do {
            try MarkdownRenderer().check(markdown)
            return nil
        } catch {
            guard case .overLimit(let excess) = error else {
                Issue.record("unexpected \(error)")
                return nil
            }
            return excess
        }
    }

    /// A table `columns` wide with `rows` rows of one cell each.
    private func table(columns: Int, rows: Int, prefix: String = "") -> String {
        prefix + "|" + String(repeating: " h |", count: columns) + "\n" + prefix + "|"
            + String(repeating: ":-:|", count: columns) + "\n"
            + String(repeating: prefix + "a\n", count: rows)
    }

    @Test func tableCellsCountTheCellsCmarkFillsIn() {
        // 100 columns: the header and 999 rows make 100,000 cells; one more row is too many.
        #expect(excess(table(columns: 100, rows: 999)) == nil)
        #expect(
            excess("Intro.\n\n" + table(columns: 100, rows: 1000))
                == LimitExceeded(kind: .tableCells, line: 3, column: 1, amount: 100_100))
    }

    @Test func tablesInQuotesAndListsAreCounted() {
        #expect(excess(table(columns: 100, rows: 1000, prefix: "> "))?.kind == .tableCells)
        #expect(excess(table(columns: 100, rows: 1000, prefix: "- "))?.kind == .tableCells)
        #expect(excess(table(columns: 100, rows: 1000, prefix: "1. "))?.kind == .tableCells)
    }

    @Test func aBlankLineEndsATable() {
        let twoTables =
            table(columns: 100, rows: 400) + "\nText.\n\n" + table(columns: 100, rows: 400)
        #expect(excess(twoTables) == nil)
        let separated =
            table(columns: 100, rows: 400) + "\n" + String(repeating: "a\n", count: 1000)
        #expect(excess(separated) == nil)
    }

    @Test func ordinaryTextIsNotATable() {
        let prose = String(repeating: "A line of text, with a - dash and a | pipe.\n", count: 20000)
        #expect(excess(prose) == nil)
    }

    @Test func delimiterRowsAreRecognisedWithTheirWidth() throws {
        let rows: [(String, Int?)] = [
            ("|---|:-:|--:|", 3), ("--- | ---", 2), ("-", 1), ("> | - |", 1), ("- |-|-|", 2),
            ("text | ---", nil), ("| : |", nil), ("---x", nil),
        ]
        for (row, expected) in rows {
            var row = row
            let columns = row.withUTF8 { NoteBudget.delimiterRowColumns($0) }
            #expect(columns == expected, "\(row)")
        }
    }

    @Test func wideRowsAreRefusedAtTheirLine() {
        let note = "|a|b|\n|-|-|\n" + String(repeating: "|", count: 8000) + "\n"
        #expect(
            excess(note) == LimitExceeded(kind: .tableRowWidth, line: 3, column: 1, amount: 8001))
    }

    @Test func closingBracketsArePaidForTheImagesOpenBelowThem() {
        let paragraph = String(repeating: "![", count: 15000) + String(repeating: "]", count: 15000)
        #expect(excess(paragraph)?.kind == .imageOpeners)
        let split =
            String(repeating: "![", count: 15000) + "\n\n" + String(repeating: "]", count: 15000)
        #expect(excess(split) == nil)
        let nested =
            String(repeating: "[", count: 50000) + "a" + String(repeating: "]", count: 50000)
        #expect(excess(nested) == nil)
        #expect(excess(String(repeating: "Look ![a photo](p.png) here. ", count: 20000)) == nil)
    }

    @Test func autolinkCandidatesInLongWordsAreRefused() {
        let word = String(repeating: "<http://a", count: 4000)
        #expect(
            excess("Text.\n\nSee " + word)
                == LimitExceeded(kind: .autolinks, line: 3, column: 5, amount: 144_000_000))
        let spaced = String(repeating: "<http://a ", count: 100_000)
        #expect(excess(spaced) == nil)
    }

    @Test func footnoteReferencesAreLimited() {
        let references = String(repeating: "Claim[^1]. ", count: 10_000) + "\n\n[^1]: Source.\n"
        #expect(excess(references)?.kind == .footnoteReferences)
        #expect(
            excess(String(repeating: "Claim[^1]. ", count: 9_999) + "\n\n[^1]: Source.\n") == nil)
    }

    @Test func lineEndingsAreCountedLikeCmark() {
        let note =
            "a\r\nb\rc\n\n" + String(repeating: "![", count: 20000)
            + String(repeating: "]", count: 20000)
        #expect(excess(note)?.line == 5)
    }

    @Test func nodesAreMarkupCharactersAndLines() {
        #expect(excess(String(repeating: "a\n", count: 250_000)) == nil)
        #expect(
            excess(String(repeating: "a\n", count: 250_001))
                == LimitExceeded(kind: .nodes, line: 250_001, column: 1, amount: 250_001))
        #expect(
            excess(String(repeating: "<", count: 300_000))
                == LimitExceeded(kind: .nodes, line: 1, column: 250_000, amount: 250_001))
        #expect(excess(String(repeating: "`", count: 300_000)) == nil)
        #expect(excess(String(repeating: "> ", count: 250_000) + "a")?.kind == .nodes)
    }

    @Test func theSizeLimitComesFirst() {
        let renderer = MarkdownRenderer(options: .init(maximumInputSize: 100))
        #expect(throws: MarkdownError.inputTooLarge(size: 101, limit: 100)) {
            try renderer.check(String(repeating: "a", count: 101))
        }
        #expect(MarkdownRenderer.Options().maximumInputSize == 1_048_576)
    }
}
