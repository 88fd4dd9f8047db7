import Foundation
import TemplateEngine

/// The Mustache templates of `Templates/`, compiled once per build.
struct TemplateSet: Sendable {
    /// The templates a site needs; the first four are partials the others include.
    static let names = ["head", "switcher", "footer", "layout", "chooser", "index", "event", "404"]

    private let library: TemplateLibrary

    /// Reads and compiles every template; throws every problem found, each naming its file
    /// and, for a syntax error, its line and column.
    init(folder: URL, folderName: String) throws(BuildError) {
        var library = TemplateLibrary()
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
                library.register(try MustacheTemplate(text), named: name)
            } catch {
                let line = text.split(separator: "\n", omittingEmptySubsequences: false)[
                    error.line - 1]
                problems.append(
                    "\(path):\(error.line):\(error.column): error: \(error.message); the line reads: "
                        + line.trimmingCharacters(in: .whitespaces))
            }
        }
        for (template, partial) in library.missingPartials {
            problems.append(
                "\(folderName)/\(template).mustache: error: includes {{> \(partial)}}, but there is "
                    + "no \(partial).mustache; the templates are \(Self.names.joined(separator: ", "))"
            )
        }
        guard problems.isEmpty else { throw BuildError(step: .templates, problems: problems) }
        self.library = library
    }

    /// A page: the page's own template rendered, then placed in the layout.
    func render(_ template: String, _ page: [String: Any]) -> String {
        var layout = page
        layout["content"] = library.render(template, page)
        return library.render("layout", layout)
    }
}
