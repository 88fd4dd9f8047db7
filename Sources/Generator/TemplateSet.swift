import Foundation
import Mustache

/// The Mustache templates of `Templates/`, compiled once per build.
struct TemplateSet: Sendable {
    /// The templates a site needs; the first four are partials the others include.
    static let names = ["head", "switcher", "footer", "layout", "chooser", "index", "event", "404"]

    private let library: MustacheLibrary

    /// Reads and compiles every template; throws every problem found, each naming its file
    /// and, for a syntax error, its line and column.
    init(folder: URL, folderName: String) throws(BuildError) {
        var library = MustacheLibrary()
        var problems: [String] = []
        for name in Self.names {
            let path = "\(folderName)/\(name).mustache"
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append("\(path): error: missing; the site needs this template")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(path): error: is not UTF-8 text; save it as UTF-8")
                continue
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(
                    "\(path):\(error.context.lineNumber):\(error.context.columnNumber): error: "
                        + "\(error.error); the line reads: \(error.context.line.trimmingCharacters(in: .whitespaces))"
                )
            } catch {
                problems.append("\(path): error: \(error)")
            }
        }
        guard problems.isEmpty else { throw BuildError(step: .templates, problems: problems) }
        self.library = library
    }

    /// A page: the page's own template rendered, then placed in the layout.
    func render(_ template: String, _ page: [String: Any]) -> String {
        var layout = page
        layout["content"] = library.render(page, withTemplate: template) ?? ""
        return library.render(layout, withTemplate: "layout") ?? ""
    }
}
