import Foundation
import Testing

@testable import Preview

/// The script added to served pages, and the policy of a page that sets one.
@Suite("The live-reload script")
struct LiveScriptTests {
    @Test func goesBeforeTheLastClosingBody() {
        let page = Data("<html><body><p>a</p></BODY></html>".utf8)
        let served = String(
            decoding: LiveScript.inject(into: page, entityTag: "\"1-2\""), as: UTF8.self)
        #expect(
            served
                == "<html><body><p>a</p><script src=\"/__sitegen/live.js\" data-etag=\"&quot;1-2&quot;\"></script>\n</BODY></html>"
        )
        let noBody = String(
            decoding: LiveScript.inject(into: Data("<p>x".utf8), entityTag: ""), as: UTF8.self)
        #expect(noBody.hasPrefix("<p>x<script src=\"/__sitegen/live.js\""))
    }

    @Test func opensAPolicyToTheScriptAndItsEvents() {
        #expect(
            LiveScript.allowingSelf("default-src 'none'; img-src 'self'")
                == "default-src 'none'; img-src 'self'; script-src 'self'; connect-src 'self'")
        #expect(
            LiveScript.allowingSelf("script-src 'sha256-abc'; connect-src 'self'")
                == "script-src 'sha256-abc' 'self'; connect-src 'self'")
        #expect(LiveScript.allowingSelf("img-src *") == "img-src *")
        let page = """
            <head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;self&#39;"></head><body></body>
            """
        let served = String(
            decoding: LiveScript.inject(into: Data(page.utf8), entityTag: ""), as: UTF8.self)
        #expect(
            served.contains(
                "content=\"default-src &#39;none&#39;; style-src &#39;self&#39;; script-src &#39;self&#39;; connect-src &#39;self&#39;\""
            ))
    }

    @Test func sendsErrorsAsJSONTheOverlayShowsAsText() {
        let event = String(
            decoding: LiveReload.event(
                "failed", errors: ["a.md:1:2: error: <img onerror=x>\n\"q\""]),
            as: UTF8.self)
        #expect(event.hasPrefix("event: failed\ndata: {\"errors\":[\""))
        #expect(!event.contains("<img"))
        #expect(event.hasSuffix("\"]}\n\n"))
        #expect(event.split(separator: "\n").count == 2)
        #expect(LiveScript.source.contains("textContent"))
        #expect(!LiveScript.source.contains("innerHTML"))
    }
}
