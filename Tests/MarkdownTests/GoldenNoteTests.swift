import Markdown
import Testing

@Suite("Whole notes against golden files")
struct GoldenNoteTests {
    /// One note that uses every feature, in Greek typography. How each language's
    /// typography differs is in `TypographyTests`.
    @Test func kitchenSinkNote() throws {
        let note = try render(try fixture("kitchen-sink.md"), typography: .greek)
        try expectMatchesGoldenFile(note.html, named: "kitchen-sink.html")
    }

    @Test func kitchenSinkReportsEveryOmission() throws {
        let note = try render(try fixture("kitchen-sink.md"))
        #expect(
            note.omissions.map { "\($0.line):\($0.column) \($0.kind)" } == [
                "31:1 rawHTML", "33:3 unsafeLink", "33:38 unsafeImage",
            ])
        #expect(
            note.headings.map(\.id) == [
                "meta-and-scale-ai", "ίδρυση", "засновники", "التمويل", "timeline", "timeline-1",
            ])
    }
}
