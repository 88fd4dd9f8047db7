import Foundation
import TemplateEngine
import Testing

/// The official Mustache specification's required modules, every case through the engine.
///
/// The cases come from `Spec/*.json` (see `Spec/README.md`). Cases that change the
/// delimiters are known gaps: the engine refuses `{{=… =}}` with an error, so each such case
/// is expected to fail, and one that starts passing fails the test until it is moved out of
/// the gaps.
@Suite("The Mustache specification")
struct SpecificationTests {
    @Test(arguments: SpecCase.all)
    func caseRendersAsTheSpecificationSays(_ specCase: SpecCase) throws {
        if specCase.isKnownGap {
            withKnownIssue("set delimiters ({{=… =}}) are not supported") {
                let rendered = try specCase.render()
                #expect(rendered == specCase.expected)
            }
        } else {
            #expect(try specCase.render() == specCase.expected)
        }
    }

    @Test func everyRequiredModuleIsRunAndOnlyTheDelimiterCasesAreGaps() {
        let counts = Dictionary(grouping: SpecCase.all, by: \.module).mapValues(\.count)
        #expect(
            counts == [
                "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22,
                "partials": 12, "sections": 34,
            ])
        let gaps = SpecCase.all.filter(\.isKnownGap)
        #expect(gaps.count == 14)
        #expect(gaps.allSatisfy { $0.module == "delimiters" })
        #expect(SpecCase.all.filter { $0.module == "delimiters" && !$0.isKnownGap }.isEmpty)
    }
}

/// One test of the specification: a template, its partials, its data and what it renders.
struct SpecCase: Sendable, CustomTestStringConvertible {
    /// The spec file it comes from, such as `sections`.
    let module: String
    let name: String
    let template: String
    let partials: [String: String]
    let data: JSONValue
    let expected: String

    var testDescription: String { "\(module): \(name)" }
    var description: String { testDescription }

    /// Whether the case sets delimiters, which the engine does not support.
    var isKnownGap: Bool {
        ([template] + partials.values).contains { $0.contains("{{=") }
    }

    /// The template rendered with the case's data and partials.
    func render() throws -> String {
        var library = TemplateLibrary()
        library.register(try MustacheTemplate(template), named: "")
        for (name, partial) in partials {
            library.register(try MustacheTemplate(partial), named: name)
        }
        return try library.render("", data.swiftValue)
    }

    /// Every case of the required modules, in file order; none if a file cannot be read,
    /// which the count test reports.
    static let all: [SpecCase] = (try? load()) ?? []

    private static func load() throws -> [SpecCase] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Spec")
        return try ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]
            .flatMap { module -> [SpecCase] in
                let data = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
                return try JSONDecoder().decode(SpecFile.self, from: data).tests.map {
                    SpecCase(
                        module: module, name: $0.name, template: $0.template,
                        partials: $0.partials ?? [:], data: $0.data, expected: $0.expected)
                }
            }
    }
}

/// The layout of a spec file.
private struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let template: String
        let partials: [String: String]?
        let data: JSONValue
        let expected: String
    }
    let tests: [Test]
}

/// Any JSON value, decoded without Foundation's bridging so that each kind stays distinct.
enum JSONValue: Sendable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a view model gives it: Swift values, and `nil` for null.
    var swiftValue: Any {
        switch self {
        case .null: Any?.none as Any
        case .bool(let value): value
        case .integer(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let values): values.map(\.swiftValue)
        case .object(let members): members.mapValues(\.swiftValue)
        }
    }
}
