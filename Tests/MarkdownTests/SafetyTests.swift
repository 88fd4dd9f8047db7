import Markdown
import Testing

@Suite("Safe by default")
struct SafetyTests {
    @Test func scriptBlockIsLeftOutAndReported() throws {
        let note = try render("Before.\n\n<script>alert('x')</script>\n\nAfter.\n")
        #expect(note.html == "<p>Before.</p>\n<p>After.</p>\n")
        #expect(
            note.omissions == [
                Omission(kind: .rawHTML, line: 3, column: 1, content: "<script>alert('x')</script>")
            ])
    }

    @Test func inlineTagsWithEventHandlersAreLeftOut() throws {
        let note = try render(#"A <img src=x onerror="alert(1)"> and <b onclick="x()">bold</b>."#)
        #expect(note.html == "<p>A  and bold.</p>\n")
        #expect(!note.html.contains("onerror"))
        #expect(
            note.omissions.map(\.content) == [
                #"<img src=x onerror="alert(1)">"#, #"<b onclick="x()">"#, "</b>",
            ])
        #expect(note.omissions.map(\.column) == [3, 38, 59])
    }

    @Test func iframeIsLeftOut() throws {
        let note = try render("<iframe src=\"https://evil.example\"></iframe>\n")
        #expect(note.html == "")
        #expect(note.omissions.map(\.kind) == [.rawHTML])
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#9;script:alert(1)",
        "&#x20;javascript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ])
    func unsafeLinkKeepsItsTextAndLosesItsDestination(destination: String) throws {
        let note = try render("Click [the *report*](\(destination)) now.")
        #expect(note.html == "<p>Click the <em>report</em> now.</p>\n")
        #expect(note.omissions.count == 1)
        #expect(note.omissions.first?.kind == .unsafeLink)
        #expect(note.omissions.first?.line == 1)
    }

    @Test func unsafeAutolinkBecomesText() throws {
        let note = try render("<javascript:alert(1)>")
        #expect(note.html == "<p>javascript:alert(1)</p>\n")
        #expect(note.omissions.map(\.kind) == [.unsafeLink])
    }

    @Test(arguments: [
        "data:image/png;base64,iVBORw0KGgo=", "javascript:alert(1)", "file:///tmp/x.png",
    ])
    func unsafeImageIsReplacedByItsDescription(source: String) throws {
        let note = try render("![Scale AI logo](\(source))")
        #expect(note.html == "<p>Scale AI logo</p>\n")
        #expect(note.omissions.map(\.kind) == [.unsafeImage])
        #expect(note.omissions.first?.content == source)
    }

    @Test func mailtoIsALinkButNotAnImage() throws {
        let note = try render("[Write](mailto:desk@example.com) ![x](mailto:desk@example.com)")
        #expect(note.html == "<p><a href=\"mailto:desk@example.com\">Write</a> x</p>\n")
        #expect(note.omissions.map(\.kind) == [.unsafeImage])
    }

    @Test(arguments: [
        "https://www.bloomberg.com/news", "http://example.com", "#founding", "../2016/index.html",
        "/el/", "//cdn.example.com/a.png", "tel:+302101234567", "notes/a:b",
    ])
    func safeDestinationsAreKept(destination: String) throws {
        let note = try render("[link](\(destination)) ![image](\(destination))")
        #expect(note.html.contains("<a href=\""))
        #expect(note.html.contains("<img src=\"") == !destination.hasPrefix("tel:"))
        #expect(
            note.omissions.allSatisfy { $0.kind == .unsafeImage && destination.hasPrefix("tel:") })
    }

    @Test func omissionsAreReportedWithTheirLines() throws {
        let note = try render(
            """
            First paragraph
            with <span>a tag</span> on its second line.

            [bad](javascript:void(0))
            """)
        #expect(note.omissions.map(\.line) == [2, 2, 4])
        #expect(note.omissions.map(\.kind) == [.rawHTML, .rawHTML, .unsafeLink])
    }

    @Test func trustedRawHTMLPassesButTagfilterStillDisarmsDangerousTags() throws {
        let output = try html(
            "<figure><b>Meta</b></figure>\n\n<script>alert(1)</script>\n\nText <iframe src=x></iframe>\n",
            allowsRawHTML: true)
        #expect(output.contains("<figure><b>Meta</b></figure>"))
        #expect(output.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(output.contains("&lt;iframe src=x>&lt;/iframe>"))
        #expect(!output.contains("<script"))
        #expect(!output.contains("<iframe"))
    }

    @Test func unsafeLinksAreDroppedEvenWhenRawHTMLIsAllowed() throws {
        let note = try render("[x](javascript:alert(1))", allowsRawHTML: true)
        #expect(note.html == "<p>x</p>\n")
    }
}

/// `event:SLUG` links, resolved when the renderer is given the events' pages.
@Suite("Event links")
struct EventLinkRenderingTests {
    private let renderer = MarkdownRenderer(
        options: .init(eventLinks: ["founding": "founding.html", "ίδρυση": "%CE%AF.html"]))

    @Test func knownEventBecomesALinkToItsPage() throws {
        let note = try renderer.render("See [the founding](event:founding#team).\n")
        #expect(note.html == "<p>See <a href=\"founding.html#team\">the founding</a>.</p>\n")
        #expect(note.omissions.isEmpty)
        #expect(note.links.map(\.destination) == ["event:founding#team"])
    }

    @Test func slugsOutsideASCIIAreFound() throws {
        let note = try renderer.render("[x](event:ίδρυση)\n")
        #expect(note.omissions.isEmpty)
        #expect(note.html.contains("href=\"%CE%AF.html\""))
    }

    @Test func unknownEventIsLeftOutWithItsPosition() throws {
        let note = try renderer.render("Text.\n\nSee [it](event:nowhere) now.\n")
        #expect(note.html == "<p>Text.</p>\n<p>See it now.</p>\n")
        #expect(
            note.omissions == [
                Omission(kind: .unknownEvent, line: 3, column: 5, content: "event:nowhere")
            ])
    }

    @Test func withoutEventLinksTheSchemeIsUnsafe() throws {
        let note = try MarkdownRenderer().render("[it](event:founding)\n")
        #expect(note.omissions.map(\.kind) == [.unsafeLink])
    }

    @Test func linksListsEveryDestinationWithItsPosition() throws {
        let note = try MarkdownRenderer().render("a [b](https://example.org/) ![c](x.png)\n")
        #expect(
            note.links == [
                LinkReference(
                    destination: "https://example.org/", isImage: false, line: 1, column: 3),
                LinkReference(destination: "x.png", isImage: true, line: 1, column: 29),
            ])
    }
}

@Suite("Source positions")
struct SourcePositionTests {
    @Test func byteColumnsBecomeCharacterColumns() throws {
        let markdown = "Πρώτη γραμμή.\n\nΔείτε [εδώ](event:nowhere).\n"
        let omission = try #require(
            try MarkdownRenderer(options: .init(eventLinks: [:])).render(markdown).omissions.first)
        #expect(omission.line == 3 && omission.column == 12)  // "Δείτε " is 11 bytes
        #expect(SourcePosition.characterColumn(line: 3, byteColumn: 12, in: markdown) == 7)
        #expect(SourcePosition.characterColumn(line: 1, byteColumn: 1, in: markdown) == 1)
        #expect(SourcePosition.characterColumn(line: 9, byteColumn: 4, in: markdown) == 4)
    }
}
