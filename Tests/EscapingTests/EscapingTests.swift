import Escaping
import Testing

/// Each kind of output escaped the one way sitegen writes it.
@Suite("Escaping")
struct EscapingTests {
    @Test func htmlEscapesTheFiveMarkupCharacters() {
        #expect(
            Escaping.html(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Escaping.html("Καλημέρα, κόσμε") == "Καλημέρα, κόσμε")
        // HTML keeps control characters; the validator, not the escaper, judges them.
        #expect(Escaping.html("a\u{1}b") == "a\u{1}b")
    }

    @Test func xmlEscapesMarkupAndLeavesOutWhatXMLForbids() {
        #expect(Escaping.xml("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        // HTML and XML agree on every escape.
        #expect(Escaping.xml("Tom & Jerry's \"<b>\"") == Escaping.html("Tom & Jerry's \"<b>\""))
        #expect(Escaping.xml("tab\there\nline\r") == "tab\there\nline\r")
        #expect(Escaping.xml("a\u{0}b\u{1F}c\u{FFFE}d\u{FFFF}e") == "abcde")
        // Other characters that start with the same byte (EF) are kept.
        #expect(Escaping.xml("\u{FEFF}\u{FFFD}ﬁ") == "\u{FEFF}\u{FFFD}ﬁ")
    }

    @Test func jsonStringsCanSitInsideAScriptElement() {
        var output: [UInt8] = []
        Escaping.appendJSONString("</script><!--&\"\\\n\u{1}\u{2028}\u{2029}€", to: &output)
        #expect(
            String(decoding: output, as: UTF8.self)
                == #""\u003c/script\u003e\u003c!--\u0026\"\\\n\u0001\u2028\u2029€""#)
    }
}
