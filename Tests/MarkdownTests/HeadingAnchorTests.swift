import Markdown
import Testing

@Suite("Heading anchors")
struct HeadingAnchorTests {
    @Test(arguments: [
        ("## Ίδρυση της Scale AI", #"<h2 id="ίδρυση-της-scale-ai">Ίδρυση της Scale AI</h2>"#),
        (
            "## Інвестиція Meta у Scale AI",
            #"<h2 id="інвестиція-meta-у-scale-ai">Інвестиція Meta у Scale AI</h2>"#
        ),
        ("## استثمار ميتا في سكيل", #"<h2 id="استثمار-ميتا-في-سكيل">استثمار ميتا في سكيل</h2>"#),
        ("# L’accordo con Anduril", #"<h1 id="laccordo-con-anduril">L’accordo con Anduril</h1>"#),
        (
            "### 2024: a $14 billion round!",
            #"<h3 id="2024-a-14-billion-round">2024: a $14 billion round!</h3>"#
        ),
    ])
    func headingsGetReadableIDsInTheirOwnScript(markdown: String, expected: String) throws {
        #expect(try html(markdown) == expected + "\n")
    }

    @Test func idsAreUniqueWithinANote() throws {
        let note = try render("## Σύνοψη\n\n## Σύνοψη\n\n## Σύνοψη-1\n\n## Σύνοψη\n")
        #expect(note.headings.map(\.id) == ["σύνοψη", "σύνοψη-1", "σύνοψη-1-1", "σύνοψη-2"])
    }

    @Test func thousandsOfEqualHeadingsGetSuccessiveIDs() throws {
        let note = try render(String(repeating: "## Σύνοψη\n\n", count: 5000))
        #expect(note.headings.map(\.id) == ["σύνοψη"] + (1..<5000).map { "σύνοψη-\($0)" })
    }

    @Test func headingsAreListedWithLevelTextAndID() throws {
        let note = try render("# Meta *and* `Scale`\n\ntext\n\nSetext heading\n---\n")
        #expect(
            note.headings == [
                Heading(level: 1, text: "Meta and Scale", id: "meta-and-scale"),
                Heading(level: 2, text: "Setext heading", id: "setext-heading"),
            ])
        #expect(
            note.html == """
                <h1 id="meta-and-scale">Meta <em>and</em> <code>Scale</code></h1>
                <p>text</p>
                <h2 id="setext-heading">Setext heading</h2>

                """)
    }

    @Test func headingWithoutLettersGetsAnID() throws {
        let note = try render("## ???\n\n## !!!\n")
        #expect(note.headings.map(\.id) == ["section", "section-1"])
    }

    @Test func headingsCannotTakeFootnoteIDs() throws {
        let note = try render("## fn 1\n\nText[^1].\n\n[^1]: Note.\n")
        #expect(note.headings.map(\.id) == ["section-fn-1"])
        #expect(note.html.contains(#"<li id="fn-1">"#))
    }

    @Test func canonicallyEquivalentHeadingsGetTheSameID() throws {
        let composed = try render("## Ίδρυση").headings[0].id
        let decomposed = try render("## \u{0399}\u{0301}δρυση").headings[0].id
        #expect(Array(composed.utf8) == Array(decomposed.utf8))
    }

    @Test func arabicTatweelAndBidiControlsDoNotReachTheID() throws {
        let note = try render("## الـشركة \u{200F}الأمريكية")
        #expect(note.headings[0].id == "الشركة-الأمريكية")
    }

    @Test func idsAreTheSameOnEveryRender() throws {
        let markdown = "# A\n\n## B\n\n## A\n"
        #expect(try render(markdown) == render(markdown))
    }
}

@Suite("Heading ids need no escaping")
struct HeadingIDCharacterTests {
    @Test func markupCharactersNeverReachAnID() throws {
        let note = try render(#"# a "b" \<c\> & 'd' `<e>`"#)
        #expect(note.headings.map(\.id) == ["a-b-c-d-e"])
        #expect(note.html.hasPrefix(#"<h1 id="a-b-c-d-e">"#))
    }
}
