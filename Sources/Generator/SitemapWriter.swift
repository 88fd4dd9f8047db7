import Content
import Foundation
import Timeline

/// Writes `sitemap.xml` (and, for a large site, the numbered sitemaps it points at): every
/// address with its versions in other languages. Reads the routes (addresses, parts, tags)
/// and which events have a note in which language.
struct SitemapWriter: Sendable {
    let routes: SiteRoutes
    let events: [Event]

    /// How many addresses one sitemap file lists; past this, `sitemap.xml` becomes an index
    /// of numbered sitemaps (the protocol allows 50,000, and 50 MB a file).
    static let sitemapLength = 10_000

    /// Every address in the site with its versions in other languages, in page order: the
    /// chooser, then per language the index, each event and each topic. 404 pages are left
    /// out, and so are events shown in a fallback language: their canonical address is the
    /// original's.
    func entries() -> [(path: String, alternates: [Alternate])] {
        var entries: [(path: String, alternates: [Alternate])] = [
            (SiteRoutes.rootPath, routes.indexAlternates)
        ]
        for language in routes.languages {
            entries.append((SiteRoutes.indexPath(language), routes.indexAlternates))
            for part in routes.parts {
                entries.append((part.path(language), routes.alternates(of: part)))
            }
            for event in events where event.notes[language.code] != nil {
                entries.append(
                    (SiteRoutes.eventPath(event, language), routes.alternates(of: event)))
            }
            for tag in routes.tags {
                entries.append((SiteRoutes.tagPath(tag, language), routes.alternates(ofTag: tag)))
            }
        }
        return entries
    }

    /// `sitemap.xml`, with `xhtml:link` alternates for every language and `x-default`, or
    /// an index of numbered sitemaps of `length` addresses each; none without a base URL.
    func files(length: Int = sitemapLength) -> [DataFile] {
        guard routes.baseURL != nil else { return [] }
        let entries = entries()
        let chunks = stride(from: 0, to: entries.count, by: length).map {
            entries[$0..<min($0 + length, entries.count)]
        }
        if chunks.count <= 1 { return [DataFile(path: "sitemap.xml", text: urlset(entries[...]))] }
        var files: [DataFile] = []
        var index = XMLWriter(encodingName: "UTF-8")
        index.start("sitemapindex", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")])
        index.newline()
        for (number, chunk) in chunks.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append(DataFile(path: path, text: urlset(chunk)))
            index.start("sitemap")
            index.element("loc", text: address(path))
            index.end("sitemap")
            index.newline()
        }
        index.end("sitemapindex")
        index.newline()
        return [DataFile(path: "sitemap.xml", text: index.text)] + files
    }

    private func urlset(_ entries: ArraySlice<(path: String, alternates: [Alternate])>) -> String {
        var xml = XMLWriter(encodingName: "UTF-8")
        xml.start(
            "urlset",
            [
                ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
                ("xmlns:xhtml", "http://www.w3.org/1999/xhtml"),
            ])
        xml.newline()
        for entry in entries {
            xml.start("url")
            xml.newline()
            xml.element("loc", text: address(entry.path))
            xml.newline()
            for alternate in entry.alternates {
                xml.empty(
                    "xhtml:link",
                    [
                        ("rel", "alternate"), ("hreflang", alternate.hreflang),
                        ("href", address(alternate.path)),
                    ])
                xml.newline()
            }
            xml.end("url")
            xml.newline()
        }
        xml.end("urlset")
        xml.newline()
        return xml.text
    }

    /// A path's address; only called with a base URL, which every path then has.
    private func address(_ path: String) -> String { routes.address(of: path) ?? path }
}
