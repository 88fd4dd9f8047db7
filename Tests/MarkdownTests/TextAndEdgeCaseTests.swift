import Foundation
import Markdown
import Testing

@Suite("Text, sizes and errors")
struct TextAndEdgeCaseTests {
    @Test(arguments: [
        "Η Scale AI ιδρύθηκε το 2016 από τον Αλεξάντρ Γουάνγκ και τη Λούσι Γκούο.",
        "Компанія Scale AI постачає розмічені дані для навчання моделей штучного інтелекту.",
        "تأسست شركة سكيل إيه آي عام 2016، وتقدَّر قيمتها بنحو 14 مليار دولار.",
        "Καλημέρα \u{0399}\u{0301} — decomposed accents stay decomposed",
    ])
    func nonLatinTextRoundTripsByteForByte(text: String) throws {
        let output = try html(text)
        // Compare bytes: Swift's == on String ignores differences of Unicode normalisation.
        #expect(Array(output.utf8) == Array("<p>\(text)</p>\n".utf8))
    }

    @Test func nonLatinTextRoundTripsWithTypographyOn() throws {
        let text = "Η Meta ανακοίνωσε συνεργασία με την Anduril."
        #expect(Array(try html(text, typography: .greek).utf8) == Array("<p>\(text)</p>\n".utf8))
    }

    @Test func emptyNoteRendersToNothing() throws {
        let note = try render("")
        #expect(note == RenderedNote(html: "", headings: [], omissions: []))
        #expect(try html(" \n\n\t\n") == "")
    }

    @Test func nulBytesBecomeReplacementCharacters() throws {
        #expect(try html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func oneMegabyteNote() throws {
        let paragraph =
            "Meta discussed investing **over $10 billion** in [Scale AI](https://scale.com), "
            + "valued at ~~$14 billion~~ about $14 billion in 2024.\n\n"
        // As many paragraphs as fit in the default limit of 1 MiB.
        let count = (1 << 20) / paragraph.utf8.count
        let markdown = String(repeating: paragraph, count: count)
        #expect(markdown.utf8.count > (1 << 20) - paragraph.utf8.count)

        let output = try html(markdown, typography: .english)
        #expect(output.components(separatedBy: "<p>").count - 1 == count)
        #expect(output.components(separatedBy: "<del>$14 billion</del>").count - 1 == count)
        #expect(output.hasSuffix("about $14 billion in 2024.</p>\n"))
    }

    @Test func inputOverTheLimitIsRejected() throws {
        let renderer = MarkdownRenderer(options: .init(maximumInputSize: 10))
        #expect(throws: MarkdownError.inputTooLarge(size: 11, limit: 10)) {
            try renderer.render("01234567890")
        }
        #expect(try renderer.render("0123456789").html == "<p>0123456789</p>\n")
    }

    @Test func errorsSayWhatFailedAndWhatToDo() {
        #expect(
            MarkdownError.extensionUnavailable(name: "table").description
                == "cmark-gfm has no 'table' extension; install libcmark-gfm-extensions-dev "
                + "in the same version as libcmark-gfm-dev")
        #expect(
            MarkdownError.inputTooLarge(size: 11, limit: 10).description
                == "the note is 11 bytes, more than the limit of 10 bytes; split it, or raise "
                + "max_note_size in site.yml"
        )
    }
}
