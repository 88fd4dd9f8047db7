import Foundation
import TemplateEngine

/// A template that renders a page's content inside the layout.
enum PageTemplate: String, Sendable, CaseIterable {
    case chooser
    case index
    case event
    case notFound = "404"

    /// The names the template's model gives it, with the layout's.
    var modelShape: ModelShape {
        switch self {
        case .chooser: .of(PageModel<ChooserPage>.self)
        case .index: .of(PageModel<TimelinePage>.self)
        case .event: .of(PageModel<EventPage>.self)
        case .notFound: .of(PageModel<NotFoundPage>.self)
        }
    }

    /// The model's name, for messages.
    var modelName: String {
        switch self {
        case .chooser: "language chooser"
        case .index: "timeline page (index, year or topic)"
        case .event: "event page"
        case .notFound: "404 page"
        }
    }
}

/// A page as the templates rendered it: its HTML in UTF-8, which goes to its file as it is
/// (no string is made of it).
struct RenderedPage: Sendable {
    /// The page, in UTF-8.
    let utf8: [UInt8]
}

/// The Mustache templates of `Templates/`, compiled once per build.
struct TemplateSet: Sendable {
    /// The templates a site needs: the partials, the layout, then each page template. A
    /// missing one is an error when the templates are read, so rendering cannot miss one.
    static let names =
        ["head", "switcher", "footer", "layout"] + PageTemplate.allCases.map(\.rawValue)

    private let library: TemplateLibrary
    /// The folder as the user named it, for messages.
    private let folderName: String

    /// Reads and compiles every template, and checks every name each uses against the model
    /// it is rendered with; throws every problem found, each naming its file and, for a
    /// syntax error or an unknown name, its line and column.
    init(folder: URL, folderName: String) throws(BuildError) {
        var library = TemplateLibrary()
        var compiled: [String: MustacheTemplate] = [:]
        var problems: [String] = []
        for name in Self.names {
            let path = "\(folderName)/\(name).mustache"
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append("\(path): error: missing; the site needs this template")
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                problems.append("\(path): error: is not UTF-8 text; save it as UTF-8")
                continue
            }
            do {
                let template = try MustacheTemplate(text)
                library.register(template, named: name)
                compiled[name] = template
            } catch {
                problems.append(
                    "\(path):\(error.line):\(error.column): error: \(error.message); the line reads: "
                        + error.lineText.trimmingCharacters(in: .whitespaces))
            }
        }
        for (template, partial) in library.missingPartials {
            problems.append(
                "\(folderName)/\(template).mustache: error: includes {{> \(partial)}}, but there is "
                    + "no \(partial).mustache; the templates are \(Self.names.joined(separator: ", "))"
            )
        }
        if problems.isEmpty {
            problems = Self.unknownNames(in: compiled, folderName: folderName)
        }
        guard problems.isEmpty else { throw BuildError(step: .templates, problems: problems) }
        self.library = library
        self.folderName = folderName
    }

    /// Every name the layout (with its partials) or a page template uses that its model
    /// does not give. The layout reads only ``LayoutModel`` and the page's `content`, the
    /// same on every page.
    static func unknownNames(in templates: [String: MustacheTemplate], folderName: String)
        -> [String]
    {
        let check = TemplateCheck(templates: templates, folderName: folderName)
        var layout = ModelShape.of(LayoutModel.self).names
        layout["content"] = .value
        return check.problems(in: "layout", against: .object(layout), modelName: "layout")
            + PageTemplate.allCases.flatMap { page in
                check.problems(
                    in: page.rawValue, against: page.modelShape, modelName: page.modelName)
            }
    }

    /// A page: the page's own template rendered, then placed in the layout, kept as UTF-8
    /// bytes (`utf8`) all the way to its file.
    ///
    /// - Throws: ``BuildError`` only if partials include each other with no end (every
    ///   template the site needs was checked when the set was read).
    func render(_ template: PageTemplate, _ page: [String: TemplateValue]) throws(BuildError)
        -> RenderedPage
    {
        do {
            let page = TemplateValue.object(page)
            let content = RenderedText(try library.renderUTF8(template.rawValue, page))
            return RenderedPage(
                utf8: try library.renderUTF8(
                    "layout", .object(["content": .rendered(content)]), inside: page))
        } catch {
            throw BuildError(
                step: .templates,
                problems: ["\(folderName)/\(template.rawValue).mustache: error: \(error)"])
        }
    }
}
