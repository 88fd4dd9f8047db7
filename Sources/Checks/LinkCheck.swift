import Content
import Foundation
import Markdown
import Timeline

/// An external address found in a note or a source, and where.
public struct ExternalLink: Sendable, Hashable {
    /// The address.
    public var url: String
    /// The file that names it.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, in characters, when known.
    public var column: Int?

    /// Creates an external link.
    public init(url: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.url = url
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Checks the links of notes: `event:SLUG` links and relative links to event pages must
/// point at events that exist; external addresses are collected for listing or checking.
enum LinkCheck {
    /// The findings and external links of one note.
    static func check(
        _ note: Note, language: String, site: Site, slugs: Set<String>, eventLinks: [String: String]
    ) -> (findings: [Finding], external: [ExternalLink]) {
        let renderer = MarkdownRenderer(options: .init(eventLinks: eventLinks))
        guard let rendered = try? renderer.render(note.body) else {
            return (
                [
                    Finding(
                        file: note.file, severity: .error, kind: .link,
                        message: "the note could not be read as Markdown")
                ], []
            )
        }
        func place(_ line: Int, _ byteColumn: Int) -> (line: Int, column: Int) {
            (
                note.bodyLine + line - 1,
                SourcePosition.characterColumn(line: line, byteColumn: byteColumn, in: note.body)
            )
        }
        var findings: [Finding] = []
        var external: [ExternalLink] = []
        for omission in rendered.omissions where omission.kind == .unknownEvent {
            let (line, column) = place(omission.line, omission.column)
            findings.append(
                Finding(
                    file: note.file, line: line, column: column, severity: .error, kind: .link,
                    message: omission.description))
        }
        for link in rendered.links {
            let (line, column) = place(link.line, link.column)
            let scheme = link.destination.prefix { $0 != ":" && $0 != "/" }.lowercased()
            if link.destination.contains(":"), scheme == "http" || scheme == "https" {
                external.append(
                    ExternalLink(url: link.destination, file: note.file, line: line, column: column)
                )
            } else if let problem = relativeProblem(
                link.destination, language: language, site: site, slugs: slugs)
            {
                findings.append(
                    Finding(
                        file: note.file, line: line, column: column, severity: .error,
                        kind: .link, message: problem))
            }
        }
        return (findings, external)
    }

    /// What is wrong with a relative link to a page of the site, such as
    /// `../el/other-slug.html` written in a note shown at `<language>/<slug>.html`; `nil`
    /// when it is fine or is not a link to a page.
    static func relativeProblem(
        _ destination: String, language: String, site: Site, slugs: Set<String>
    ) -> String? {
        guard !destination.contains(":"), !destination.hasPrefix("/"), !destination.hasPrefix("#")
        else { return nil }
        let path = String(destination.prefix { $0 != "#" && $0 != "?" })
        guard path.hasSuffix(".html") else { return nil }
        var parts = [language]
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return "link to `\(destination)` leaves the site" }
                parts.removeLast()
            default: parts.append(String(component).removingPercentEncoding ?? String(component))
            }
        }
        if parts == ["index.html"] || parts == ["404.html"] { return nil }
        guard parts.count == 2, site.language(withCode: parts[0]) != nil else {
            return "link to `\(destination)` points at no page of the site; link to an event as "
                + "event:SLUG or ../LANGUAGE/SLUG.html"
        }
        let name = String(parts[1].dropLast(".html".count))
        if name == "index" || name == "404" || slugs.contains(name) { return nil }
        return "link to `\(destination)` names no event '\(name)'; use the slug (folder name) of "
            + "an existing event"
    }

    /// The addresses of an event's sources, with their line and column in `event.yml`.
    static func sourceLinks(_ event: Event, file: String, text: String) -> [ExternalLink] {
        let lines = textLines(text)
        return event.sources.compactMap(\.url).map { url in
            let address = url.absoluteString
            for (offset, line) in lines.enumerated() {
                if let range = line.range(of: address) {
                    return ExternalLink(
                        url: address, file: file, line: offset + 1,
                        column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
            return ExternalLink(url: address, file: file)
        }
    }
}
