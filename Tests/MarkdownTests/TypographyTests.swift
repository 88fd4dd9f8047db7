import Markdown
import Testing

@Suite("Typography by language")
struct TypographyTests {
    static let sentence = #"He said "it's 'final'" -- twice --- and left..."#

    @Test(arguments: [
        (Typography.english, "He said “it’s ‘final’” – twice — and left…"),
        (Typography.greek, "He said «it’s “final”» – twice — and left…"),
        (Typography.ukrainian, "He said «it’s „final“» – twice — and left…"),
        (Typography.italian, "He said «it’s “final”» – twice — and left…"),
        (Typography.arabic, "He said «it’s “final”» – twice — and left…"),
    ])
    func quotesFollowTheLanguage(typography: Typography, expected: String) throws {
        #expect(try html(Self.sentence, typography: typography) == "<p>\(expected)</p>\n")
    }

    @Test func withoutTypographyPunctuationStaysAsTyped() throws {
        #expect(
            try html(Self.sentence)
                == "<p>He said &quot;it's 'final'&quot; -- twice --- and left...</p>\n")
    }

    @Test func greekNote() throws {
        let output = try html(
            #"Η Meta συζητά επένδυση άνω των 10 δισ. δολαρίων στη "Scale AI"."#,
            typography: .greek)
        #expect(
            output == "<p>Η Meta συζητά επένδυση άνω των 10 δισ. δολαρίων στη «Scale AI».</p>\n")
    }

    @Test func ukrainianNoteWithApostrophe() throws {
        let output = try html(
            #"Компанія "Scale AI" з'явилася у 2016 році."#, typography: .ukrainian)
        #expect(output == "<p>Компанія «Scale AI» з’явилася у 2016 році.</p>\n")
    }

    @Test func italianElision() throws {
        let output = try html(#"L'accordo con "Meta" è in discussione."#, typography: .italian)
        #expect(output == "<p>L’accordo con «Meta» è in discussione.</p>\n")
    }

    @Test func arabicNote() throws {
        let output = try html(
            #"تجري "ميتا" محادثات للاستثمار في "سكيل إيه آي"."#, typography: .arabic)
        #expect(output == "<p>تجري «ميتا» محادثات للاستثمار في «سكيل إيه آي».</p>\n")
    }

    @Test func quotesPairAcrossEmphasisAndLinks() throws {
        let output = try html(#""*Scale* [AI](https://scale.com)""#, typography: .greek)
        #expect(output == "<p>«<em>Scale</em> <a href=\"https://scale.com\">AI</a>»</p>\n")
    }

    @Test func quotesAroundACodeSpanPairButTheCodeIsUntouched() throws {
        let output = try html(#"Run "`sitegen --help "x"`" now..."#, typography: .english)
        #expect(output == "<p>Run “<code>sitegen --help &quot;x&quot;</code>” now…</p>\n")
    }

    @Test func autolinksShowTheirAddressExactly() throws {
        let output = try html(
            "Visit www.my--site.com/a...b, <https://x.org/--'y'> or a--b@example.com -- \"now\"",
            typography: .english)
        #expect(
            output
                == "<p>Visit <a href=\"http://www.my--site.com/a...b\">www.my--site.com/a...b</a>, "
                + "<a href=\"https://x.org/--&#x27;y&#x27;\">https://x.org/--'y'</a> or "
                + "<a href=\"mailto:a--b@example.com\">a--b@example.com</a> – “now”</p>\n")
    }

    @Test func linkTextThatIsNotItsAddressGetsTypography() throws {
        let output = try html("[\"Scale\" -- AI](https://scale.com)", typography: .italian)
        #expect(output == "<p><a href=\"https://scale.com\">«Scale» – AI</a></p>\n")
    }

    @Test func codeBlocksAreUntouched() throws {
        let output = try html("```\n\"quoted\" -- ...\n```\n", typography: .italian)
        #expect(output == "<pre><code>&quot;quoted&quot; -- ...\n</code></pre>\n")
    }

    @Test func typedCurlyQuotesAreKept() throws {
        let output = try html(#"«Ήδη» “typed” ‘too’ and "straight""#, typography: .greek)
        #expect(output == "<p>«Ήδη» “typed” ‘too’ and «straight»</p>\n")
    }

    @Test func quotesDoNotPairAcrossParagraphs() throws {
        let output = try html("\"Open\n\nclose\"", typography: .english)
        #expect(output == "<p>“Open</p>\n<p>close”</p>\n")
    }

    @Test func quotesPairAcrossLineBreaks() throws {
        let output = try html("\"A quote over\ntwo lines\"", typography: .italian)
        #expect(output == "<p>«A quote over\ntwo lines»</p>\n")
    }

    @Test func longRunsOfHyphensFollowCmarksRules() throws {
        let output = try html("a----b a-----b a------b", typography: .english)
        #expect(output == "<p>a––b a—–b a——b</p>\n")
    }

    @Test func tableCellsAndHeadingsGetTypography() throws {
        let output = try html(
            "## \"Heading\"\n\n| \"a\" |\n|---|\n| b... |\n", typography: .ukrainian)
        #expect(output.contains("<h2 id=\"heading\">«Heading»</h2>"))
        #expect(output.contains("<th>«a»</th>"))
        #expect(output.contains("<td>b…</td>"))
    }

    @Test(arguments: [
        ("en", Typography.english), ("en-GB", .english), ("EL", .greek), ("uk-UA", .ukrainian),
        ("it", .italian), ("ar_EG", .arabic),
    ])
    func typographyForLanguageCode(code: String, expected: Typography) {
        #expect(Typography(languageCode: code) == expected)
    }

    @Test(arguments: ["fr", "de", "", "english"])
    func unknownLanguagesGetNoTypography(code: String) {
        #expect(Typography(languageCode: code) == nil)
    }
}
