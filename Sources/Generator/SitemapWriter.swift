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

    /// An address of the site and which page's versions in other languages it lists:
    /// the alternates are worked out as each entry is written, never held for the whole site.
    struct Entry: Sendable {
        /// The page's path in the site.
        let path: String
        /// Whose versions it lists.
        let versions: Versions
    }

    /// The page whose versions in other languages an entry lists.
    enum Versions: Sendable {
        /// The timeline index (the chooser's are the same).
        case index
        /// A part of a large timeline, by its place in ``SiteRoutes/parts``.
        case part(Int)
        /// An event, by its place in ``SitemapWriter/events``.
        case event(Int)
        /// A topic's page.
        case tag(String)
    }

    /// Every address in the site, in page order: the chooser, then per language the index,
    /// each event and each topic. 404 pages are left out, and so are events shown in a
    /// fallback language: their canonical address is the original's.
    func entries() -> [Entry] {
        var entries = [Entry(path: SiteRoutes.rootPath, versions: .index)]
        for language in routes.languages {
            entries.append(Entry(path: SiteRoutes.indexPath(language), versions: .index))
            for (index, part) in routes.parts.enumerated() {
                entries.append(Entry(path: part.path(language), versions: .part(index)))
            }
            for (index, event) in events.enumerated() where event.notes[language.code] != nil {
                entries.append(
                    Entry(path: SiteRoutes.eventPath(event, language), versions: .event(index)))
            }
            for tag in routes.tags {
                entries.append(Entry(path: SiteRoutes.tagPath(tag, language), versions: .tag(tag)))
            }
        }
        return entries
    }

    /// An entry's versions in every language, with `x-default`.
    func alternates(of entry: Entry) -> [Alternate] {
        switch entry.versions {
        case .index: routes.indexAlternates
        case .part(let index): routes.alternates(of: routes.parts[index])
        case .event(let index): routes.alternates(of: events[index])
        case .tag(let tag): routes.alternates(ofTag: tag)
        }
    }

    /// `sitemap.xml`, with `xhtml:link` alternates for every language and `x-default`, or
    /// an index of numbered sitemaps of `length` addresses each; none without a base URL.
    /// Each sitemap of addresses is made when its contents are asked for, so that writing
    /// them holds one at a time.
    func files(length: Int = sitemapLength) -> [DataFile] {
        guard routes.baseURL != nil else { return [] }
        let entries = entries()
        let chunks = stride(from: 0, to: entries.count, by: length).map {
            entries[$0..<min($0 + length, entries.count)]
        }
        if chunks.count <= 1 { return [DataFile(path: "sitemap.xml") { urlset(entries[...]) }] }
        var files: [DataFile] = []
        var index = XMLWriter(encodingName: "UTF-8")
        index.start("sitemapindex", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")])
        index.newline()
        for (number, chunk) in chunks.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append(DataFile(path: path) { urlset(chunk) })
            index.start("sitemap")
            index.element("loc", text: address(path))
            index.end("sitemap")
            index.newline()
        }
        index.end("sitemapindex")
        index.newline()
        return [DataFile(path: "sitemap.xml", contents: index.data)] + files
    }

    private func urlset(_ entries: ArraySlice<Entry>) -> Data {
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
            for alternate in alternates(of: entry) {
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
        return xml.data
    }

    /// A path's address; only called with a base URL, which every path then has.
    private func address(_ path: String) -> String { routes.address(of: path) ?? path }
}
