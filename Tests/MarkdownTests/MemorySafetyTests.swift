import Markdown
import Testing

/// Notes whose nodes the passes move or take out of the tree. cmark-gfm keeps the text of
/// inline nodes in their block's buffer, so these rendered freed memory when a replaced
/// heading was freed before rendering (issue 12). `scripts/check-memory` runs the same
/// shapes under valgrind, which catches a read of freed memory even when it happens to
/// return the right bytes.
@Suite("Moved and removed nodes")
struct MemorySafetyTests {
    @Test func rawHTMLInAHeadingSurvivesTheHeadingsReplacement() throws {
        let note = try render("# a <span>b</span> c\n\ntext\n", allowsRawHTML: true)
        #expect(note.html == "<h1 id=\"a-b-c\">a <span>b</span> c</h1>\n<p>text</p>\n")
        #expect(note.headings == [Heading(level: 1, text: "a b c", id: "a-b-c")])
    }

    @Test func everyKindOfInlineInHeadingsIsKept() throws {
        let markdown = """
            ## <em>x</em> *y* `z` [w](https://w.example) ~~v~~ <b>u</b>

            # "Quoted" <i>it</i>
            Setext <kbd>K</kbd>
            ---

            """
        let note = try render(markdown, typography: .english, allowsRawHTML: true)
        #expect(
            note.html
                == "<h2 id=\"x-y-z-w-v-u\"><em>x</em> <em>y</em> <code>z</code> "
                + "<a href=\"https://w.example\">w</a> <del>v</del> <b>u</b></h2>\n"
                + "<h1 id=\"quoted-it\">“Quoted” <i>it</i></h1>\n"
                + "<h2 id=\"setext-k\">Setext <kbd>K</kbd></h2>\n")
    }

    @Test func rawHTMLInHeadingsIsLeftOutSafely() throws {
        let note = try render("# a <span>b</span> c\n")
        #expect(note.html == "<h1 id=\"a-b-c\">a b c</h1>\n")
        #expect(note.omissions.map(\.content) == ["<span>", "</span>"])
    }

    @Test func unsafeLinksInHeadingsAreUnwrapped() throws {
        let note = try render("# [a <i>b</i>](javascript:x) c\n", allowsRawHTML: true)
        #expect(note.html == "<h1 id=\"a-b-c\">a <i>b</i> c</h1>\n")
        #expect(note.omissions.map(\.kind) == [.unsafeLink])
    }

    @Test func manyHeadingsWithRawHTMLRenderTheSameEveryTime() throws {
        let markdown = (1...200).map { "## Part <span>\($0)</span>\n\nText \($0).\n" }.joined(
            separator: "\n")
        let first = try render(markdown, allowsRawHTML: true).html
        for _ in 0..<5 {
            #expect(try render(markdown, allowsRawHTML: true).html == first)
        }
        #expect(first.contains("<h2 id=\"part-200\">Part <span>200</span></h2>\n"))
    }
}
