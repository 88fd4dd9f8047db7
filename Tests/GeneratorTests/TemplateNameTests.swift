import Foundation
import TemplateEngine
import Testing

@testable import Generator

/// The templates are checked against the typed view models when they are read: every name
/// a template uses must be one its model provides, in the section where it is used.
@Suite("Template names")
struct TemplateNameTests {
    /// A copy of the project's templates in a temporary folder, with `edit` applied to one.
    static func templates(editing name: String, _ edit: (String) -> String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-names-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteBuildTests.templates, to: folder)
        let file = folder.appendingPathComponent("\(name).mustache")
        try edit(String(contentsOf: file, encoding: .utf8))
            .write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    static func problems(_ folder: URL) -> [String] {
        do {
            _ = try TemplateSet(folder: folder, folderName: "T")
            return []
        } catch {
            #expect(error.step == .templates)
            return error.problems
        }
    }

    /// Every tag of every template in `Templates/`, partials followed.
    static func tagCount(_ tags: [TemplateTag]) -> Int {
        tags.reduce(0) { $0 + 1 + tagCount($1.children) }
    }

    @Test func everyNameInTheProjectsTemplatesIsProvided() throws {
        #expect(Self.problems(SiteBuildTests.templates) == [])
        // The check saw the templates' names: each one has tags to check.
        for name in TemplateSet.names {
            let text = try String(
                contentsOf: SiteBuildTests.templates.appendingPathComponent("\(name).mustache"),
                encoding: .utf8)
            #expect(Self.tagCount(try MustacheTemplate(text).tags) > 0, "\(name) has no tags")
        }
    }

    @Test func aMisspeltNameIsAnErrorWithItsTemplateLineAndColumn() throws {
        let folder = try Self.templates(editing: "event") {
            $0.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")
        }
        let problems = Self.problems(folder)
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("T/event.mustache:8:5: error: {{titel}} is not a name")
                == true)
        #expect(problems.first?.contains("event page") == true)
    }

    @Test func aNameIsLookedUpInItsSectionThenOutwards() throws {
        // `label` is a tag link's name inside {{#tags}}, but not the event page's own.
        let inside = try Self.templates(editing: "event") {
            $0.replacingOccurrences(of: "{{#hasTags}}", with: "{{#hasTags}}{{label}}")
        }
        #expect(Self.problems(inside).first?.contains("{{label}}") == true)
        // Inside a section, the page's own names stay visible.
        let outward = try Self.templates(editing: "event") {
            $0.replacingOccurrences(
                of: "{{label}}</a> {{/tags}}", with: "{{label}}{{title}}</a> {{/tags}}")
        }
        #expect(Self.problems(outward) == [])
        // A dotted name goes down through the struct it names.
        let dotted = try Self.templates(editing: "event") {
            $0.replacingOccurrences(
                of: "{{#previous}}", with: "{{previous.href}}{{previous.hreff}}{{#previous}}")
        }
        let problems = Self.problems(dotted)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("{{previous.hreff}}") == true)
    }

    @Test func theLayoutAndItsPartialsReadOnlyTheLayoutsNames() throws {
        // `title` is an event page's name, not the layout's: a layout shared by every page
        // cannot rely on it.
        let folder = try Self.templates(editing: "footer") {
            $0.replacingOccurrences(of: "{{siteTitle}}", with: "{{title}}")
        }
        let problems = Self.problems(folder)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("T/footer.mustache:2:4: error: {{title}}") == true)
    }

    @Test func aModelsShapeComesFromItsStoredProperties() {
        let shape = ModelShape.of(PageModel<EventPage>.self)
        #expect(shape.names["title"] == .value)
        #expect(shape.names["hasAmounts"] == .value)
        #expect(shape.names["pageTitle"] == .value, "the layout's names are the page's too")
        #expect(shape.names["previous"]?.names["titleLang"] == .value)
        guard case .list(let source)? = shape.names["sources"] else {
            Issue.record("sources is not a list")
            return
        }
        #expect(source.names["sourceTitle"] == .value)
        #expect(shape.names["openGraphLocaleAlternates"] == .list(.value))
    }

    @Test func aModelBecomesTheEnginesContextWithoutItsEmptyOptionals() {
        let item = YearGroup.Item(
            datetime: "2025", date: "2025", href: "a.html", title: "A", summary: "S",
            anchor: "event-a", fallbackLang: nil, fallbackDir: nil,
            keyAmount: .init(role: "Investment", value: "$1"))
        let context = TemplateContext.of(YearGroup(year: "2025", yearText: "2025", events: [item]))
        #expect(context["year"]?.string == "2025")
        let first = context["events"]?.items?.first?.fields
        #expect(first?["title"]?.string == "A")
        #expect(first?.keys.contains("fallbackLang") == false)
        #expect(first?["keyAmount"]?.fields?["value"]?.string == "$1")
    }
}

extension TemplateValue {
    /// The text of a string value.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items of a list.
    var items: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The fields of an object.
    var fields: [String: TemplateValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}
