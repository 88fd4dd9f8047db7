import Foundation
import TemplateEngine
import Testing

/// The Mustache the site's templates use, rendered the way the specification says.
@Suite("Mustache templates")
struct MustacheTests {
    func render(
        _ text: String, _ model: [String: Any], partials: [String: String] = [:]
    ) throws -> String {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate(text), named: "page")
        for (name, partial) in partials {
            library.register(try MustacheTemplate(partial), named: name)
        }
        return try library.render("page", model)
    }

    @Test func valuesAreEscapedUnlessTripleOrAmpersand() throws {
        let model: [String: Any] = ["x": "<a href=\"q\">Tom & Jerry's</a>", "n": 42, "b": true]
        #expect(
            try render("{{x}}", model)
                == "&lt;a href=&quot;q&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", model) == "\(model["x"]!)|\(model["x"]!)")
        #expect(try render("{{n}} {{b}} [{{missing}}] {{ n }}", model) == "42 true [] 42")
    }

    @Test func sectionsIterateListsPushDictionariesAndTestBooleansAndStrings() throws {
        let model: [String: Any] = [
            "items": [["name": "a"], ["name": "b"]], "tags": ["x", "y"], "empty": [String](),
            "on": true, "off": false, "text": "hi", "blank": "", "inner": ["name": "deep"],
            "name": "outer",
        ]
        #expect(try render("{{#items}}<{{name}}>{{/items}}", model) == "<a><b>")
        #expect(try render("{{#tags}}{{.}},{{/tags}}", model) == "x,y,")
        #expect(try render("{{#empty}}no{{/empty}}{{^empty}}none{{/empty}}", model) == "none")
        #expect(
            try render("{{#on}}{{name}}{{/on}}{{#off}}no{{/off}}{{^off}}!{{/off}}", model)
                == "outer!")
        #expect(
            try render(
                "{{#text}}[{{.}}]{{/text}}{{#blank}}no{{/blank}}{{^blank}}-{{/blank}}", model)
                == "[hi]-")
        #expect(
            try render("{{#inner}}{{name}}{{/inner}} {{inner.name}} {{inner.nope}}", model)
                == "deep deep ")
        #expect(
            try render("{{#items}}{{#on}}{{name}}/{{text}}{{/on}} {{/items}}", model)
                == "a/hi b/hi ")
    }

    @Test func standaloneTagsLeaveNoLineBehind() throws {
        let template = """
            <ul>
              {{#items}}
              <li>{{name}}</li>
              {{/items}}
              {{! a comment }}
            </ul>
            {{^items}}
            none
            {{/items}}
            """
        #expect(
            try render(template, ["items": [["name": "a"], ["name": "b"]]])
                == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#x}}b{{/x}} c\n", ["x": true]) == "a b c\n")
    }

    @Test func partialsSeeTheContextAndTakeTheIndentOfTheirLine() throws {
        let partials = ["item": "<b>{{name}}</b>\n<i>{{name}}</i>\n"]
        #expect(
            try render("<div>\n  {{> item}}\n</div>", ["name": "n"], partials: partials)
                == "<div>\n  <b>n</b>\n  <i>n</i>\n</div>")
        #expect(
            try render("[{{>item}}]", ["name": "n"], partials: partials) == "[<b>n</b>\n<i>n</i>\n]"
        )
    }

    @Test(arguments: [
        ("a\n  {{#open}}\nb", 2, 3, "{{#open}} is never closed; add {{/open}}"),
        ("{{#a}}{{/b}}", 1, 7, "{{/b}} closes a section, but the open one is {{#a}}"),
        ("x {{/a}}", 1, 3, "{{/a}} closes a section that was never opened"),
        ("line\nαβ {{name", 2, 4, "a tag opened here is never closed with }}"),
        ("{{=<% %>=}}", 1, 1, "changing the delimiters is not supported; keep {{ and }}"),
        ("{{a..b}}", 1, 1, "'a..b' is not a name; use letters, digits and _ joined by dots"),
    ])
    func syntaxErrorsSayWhereAndWhat(template: String, line: Int, column: Int, message: String) {
        #expect(throws: TemplateError.self) { try MustacheTemplate(template) }
        do {
            _ = try MustacheTemplate(template)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message == message)
        }
    }

    @Test func missingPartialsAreListed() throws {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate("{{> head}}{{#x}}{{> foot}}{{/x}}"), named: "page")
        library.register(try MustacheTemplate("h"), named: "head")
        #expect(library.missingPartials.map(\.partial) == ["foot"])
        #expect(library.missingPartials.map(\.template) == ["page"])
    }

    @Test func nilAndNSNullPrintNothingAndCountAsFalse() throws {
        let model: [String: Any] = [
            "none": String?.none as Any, "null": NSNull(), "some": String?.some("x") as Any,
            "nested": String??.some(.none) as Any,
        ]
        #expect(try render("[{{none}}|{{{null}}}|{{& nested}}|{{some}}]", model) == "[|||x]")
        #expect(
            try render(
                "{{#none}}a{{/none}}{{#null}}b{{/null}}{{#nested}}c{{/nested}}"
                    + "{{^none}}1{{/none}}{{^null}}2{{/null}}{{^nested}}3{{/nested}}", model)
                == "123")
    }

    @Test func aStandalonePartialIndentsItsOwnLinesButNotTheLinesOfItsValues() throws {
        let partials = [
            "outer": "<div>\n  {{> inner}}\n</div>\n", "inner": "<p>\n{{{text}}}\n</p>\n",
        ]
        let model: [String: Any] = ["text": "one\ntwo", "empty": ""]
        #expect(
            try render("<main>\n  {{> outer}}\n</main>", model, partials: partials)
                == "<main>\n  <div>\n    <p>\n    one\ntwo\n    </p>\n  </div>\n</main>")
        // A partial within a line is not indented; a line whose value is empty still is.
        let lines = try render(
            "<b>\n  {{> line}}\n</b>", model,
            partials: ["line": "x {{> inline}}\n{{empty}}\n", "inline": "a\nb"])
        #expect(lines == "<b>\n  x a\nb\n  \n</b>")
    }

    @Test func typedValuesRenderAsTheSameModelOfAnyValuesDoes() throws {
        var library = TemplateLibrary()
        library.register(
            try MustacheTemplate(
                "{{title}} {{#items}}<{{name}}>{{/items}}{{^none}}-{{/none}}{{#none}}?{{/none}}"
                    + " {{{html}}} {{html}} {{n}} {{#on}}on{{/on}}{{^empty}}empty{{/empty}}"),
            named: "page")
        let typed = TemplateValue.object([
            "title": .string("A & B"), "items": .list([.object(["name": .string("x")])]),
            "none": .null, "html": .rendered(RenderedText(Array("<b>".utf8))),
            "n": .number("42"), "on": .bool(true), "empty": .string(""),
        ])
        let any: [String: Any] = [
            "title": "A & B", "items": [["name": "x"]], "none": NSNull(),
            "html": RenderedText(Array("<b>".utf8)), "n": 42, "on": true, "empty": "",
        ]
        let expected = "A &amp; B <x>- <b> &lt;b&gt; 42 onempty"
        #expect(String(decoding: try library.renderUTF8("page", typed), as: UTF8.self) == expected)
        #expect(try library.render("page", any) == expected)
    }

    @Test func aTemplateRenderedInsideAnOuterValueReadsItsNamesAfterItsOwn() throws {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate("{{title}} {{who}}: {{{content}}}"), named: "layout")
        let page = TemplateValue.object(["title": .string("Page"), "who": .string("outer")])
        let inner = TemplateValue.object([
            "content": .rendered(RenderedText(Array("<p>".utf8))), "who": .string("inner"),
        ])
        let bytes = try library.renderUTF8("layout", inner, inside: page)
        #expect(String(decoding: bytes, as: UTF8.self) == "Page inner: <p>")
    }

    @Test func anUnknownTemplateIsAnErrorThatNamesIt() throws {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate("x"), named: "page")
        #expect(throws: RenderError.unknownTemplate(name: "pgae", knownNames: ["page"])) {
            try library.render("pgae", [String: Any]())
        }
        #expect(
            RenderError.unknownTemplate(name: "pgae", knownNames: ["page"]).description
                == "there is no template 'pgae'; the templates are 'page'")
    }

    @Test func partialsThatIncludeThemselvesWithNoEndStopWithAnError() throws {
        // Recursion that the data ends is fine; recursion with no end would overflow the stack.
        let tree: [String: Any] = [
            "name": "a", "kids": [["name": "b", "kids": [[String: Any]]()]],
        ]
        #expect(
            try render(
                "{{> node}}", tree, partials: ["node": "{{name}}({{#kids}}{{> node}}{{/kids}})"])
                == "a(b())")
        #expect(throws: RenderError.partialsTooDeep(partial: "loop")) {
            try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"])
        }
    }

    @Test func rootValuesOtherThanDictionariesAreTheContext() throws {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate("{{.}}|{{#.}}<{{.}}>{{/.}}"), named: "page")
        #expect(try library.render("page", "a&b") == "a&amp;b|<a&amp;b>")
        // A list (or an object) written as a value prints nothing; a section iterates it.
        #expect(try library.render("page", [1, 2]) == "|<1><2>")
    }

    /// Rendered text placed as a value: raw in a triple mustache, escaped in a double one,
    /// and false in a section when it is empty, as a string would be.
    @Test func renderedTextIsPlacedAsItsBytes() throws {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate("<b>{{x}}</b> &"), named: "inner")
        library.register(
            try MustacheTemplate(
                "{{{content}}}|{{content}}|{{#content}}y{{/content}}{{^empty}}n{{/empty}}"),
            named: "outer")
        let inner = try library.renderUTF8("inner", ["x": "é<"])
        #expect(String(decoding: inner, as: UTF8.self) == "<b>é&lt;</b> &")
        let page = try library.renderUTF8(
            "outer", ["content": RenderedText(inner), "empty": RenderedText([])])
        #expect(
            String(decoding: page, as: UTF8.self)
                == "<b>é&lt;</b> &|&lt;b&gt;é&amp;lt;&lt;/b&gt; &amp;|yn")
        // A missing name is false as an empty one is; the string and the bytes agree.
        #expect(
            try library.render("outer", ["content": RenderedText(inner)])
                == String(decoding: page, as: UTF8.self))
    }

    @Test func anErrorPastTheFirstLineOfACRLFTemplateNamesItsLineAndColumn() {
        #expect(throws: TemplateError.self) { try MustacheTemplate("a\r\nb\r\n  x {{#s}}\r\nc") }
        do {
            _ = try MustacheTemplate("a\r\nb\r\n  x {{#s}}\r\nc")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 5)
            #expect(error.lineText == "  x {{#s}}")
        }
    }
}
