import Foundation
import Mustache

/// The Mustache templates of `Templates/`, compiled once per build.
struct TemplateSet: Sendable {
    /// The templates a site needs; the first four are partials the others include.
    static let names = ["head", "switcher", "footer", "layout", "chooser", "index", "event", "404"]

    private let library: MustacheLibrary

    /// The name the fast HTML escaping is registered under.
    private static let contentTypePragma: String = {
        MustacheContentTypes.register(FastHTMLContentType(), named: "SITEGEN_HTML")
        return "{{% CONTENT_TYPE: SITEGEN_HTML }}"
    }()

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
                // The pragma, on a line of its own before the template's first, selects
                // the escaping below for every template; line numbers are corrected for it.
                try library.register(Self.contentTypePragma + "\n" + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(
                    "\(path):\(error.context.lineNumber - 1):\(error.context.columnNumber): error: "
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

/// HTML escaping as Mustache's own (`&`, `<`, `>`, `"` and `'`), done on UTF-8 bytes: text
/// with nothing to escape, most of it, is returned as it is.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        output.append(contentsOf: bytes[bytes.startIndex..<first])
        for byte in bytes[first...] {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
