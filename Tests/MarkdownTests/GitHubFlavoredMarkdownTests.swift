import Foundation
import Markdown
import Testing

@Suite("GitHub Flavored Markdown")
struct GitHubFlavoredMarkdownTests {
    @Test func tableWithAlignmentUsesStyleAttributes() throws {
        let output = try html(
            """
            | Year | Valuation |
            |:-----|----------:|
            | 2016 | founded   |
            | 2024 | $14 bn    |
            """)
        #expect(
            output == """
                <table>
                <thead>
                <tr>
                <th style="text-align: left">Year</th>
                <th style="text-align: right">Valuation</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="text-align: left">2016</td>
                <td style="text-align: right">founded</td>
                </tr>
                <tr>
                <td style="text-align: left">2024</td>
                <td style="text-align: right">$14 bn</td>
                </tr>
                </tbody>
                </table>

                """)
        #expect(!output.contains("align=\""), "align attributes are obsolete in HTML5")
    }

    @Test(arguments: ["~struck~", "~~struck~~"])
    func strikethrough(markdown: String) throws {
        #expect(try html("Talks \(markdown) today.") == "<p>Talks <del>struck</del> today.</p>\n")
    }

    @Test func autolinksForWebAddressesURLsAndEmail() throws {
        let output = try html("See www.scale.com, https://about.meta.com/news and press@meta.com.")
        #expect(output.contains(#"<a href="http://www.scale.com">www.scale.com</a>,"#))
        #expect(
            output.contains(
                #"<a href="https://about.meta.com/news">https://about.meta.com/news</a>"#))
        #expect(output.contains(#"<a href="mailto:press@meta.com">press@meta.com</a>."#))
    }

    @Test func taskList() throws {
        let output = try html("- [x] Round at $14 billion\n- [ ] Deal signed\n")
        #expect(
            output == """
                <ul>
                <li><span class="task task-done">☑</span> Round at $14 billion</li>
                <li><span class="task">☐</span> Deal signed</li>
                </ul>

                """)
    }

    @Test func footnotesAreNumberedInOrderOfReference() throws {
        let output = try html(
            """
            Meta pledged up to $65 billion[^capex] and talked to Scale AI[^talks].

            [^talks]: Reported by Bloomberg in June 2025.
            [^capex]: Announced in January 2025.
            """)
        #expect(output.contains(##"<a href="#fn-capex" id="fnref-capex" data-footnote-ref>1</a>"##))
        #expect(output.contains(##"<a href="#fn-talks" id="fnref-talks" data-footnote-ref>2</a>"##))
        #expect(output.contains(#"<div class="footnotes" data-footnotes>"#))
        #expect(output.hasSuffix("</ol>\n</div>\n"), "no <section> without a heading")
        let capex = try #require(output.range(of: #"<li id="fn-capex">"#))
        let talks = try #require(output.range(of: #"<li id="fn-talks">"#))
        #expect(capex.lowerBound < talks.lowerBound)
        #expect(output.contains(#"aria-label="Back to content">↩</a>"#))
    }

    @Test func footnoteBacklinkLabelIsTranslatable() throws {
        let renderer = MarkdownRenderer(
            options: .init(footnoteBacklinkLabel: "Πίσω στο \"κείμενο\""))
        let output = try renderer.render("Κείμενο[^1].\n\n[^1]: Σημείωση.\n").html
        #expect(output.contains(#"aria-label="Πίσω στο &quot;κείμενο&quot;">↩</a>"#))
        #expect(!output.contains("Back to content"))
    }

    @Test func fencedCodeKeepsItsLanguageAsAClass() throws {
        #expect(
            try html("```swift\nlet x = \"<b>\"\n```\n")
                == "<pre><code class=\"language-swift\">let x = &quot;&lt;b&gt;&quot;\n</code></pre>\n"
        )
    }
}
