import Testing

@testable import Markdown

@Suite("Link destinations")
struct LinkSafetyTests {
    @Test(arguments: [
        ("https://example.com", "https"),
        ("  JAVASCRIPT:x", "javascript"),
        ("java\tscr\nipt:x", "javascript"),
        ("\u{01}javascript:x", "javascript"),
        ("mailto:a@b.c", "mailto"),
        ("weird scheme:x", "weird scheme"),
    ])
    func schemeIsFoundTheWayABrowserFindsIt(destination: String, scheme: String) {
        #expect(LinkSafety.scheme(of: destination) == scheme)
    }

    @Test(arguments: ["", "#top", "page.html", "/el/", "//host/x", "a/b:c", "?q=a:b", "#a:b"])
    func relativeDestinationsHaveNoScheme(destination: String) {
        #expect(LinkSafety.scheme(of: destination) == nil)
        #expect(LinkSafety.isSafeLink(destination))
        #expect(LinkSafety.isSafeImage(destination))
    }
}
