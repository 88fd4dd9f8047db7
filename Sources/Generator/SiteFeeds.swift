import Content
import Foundation
import Timeline

/// The files beside the pages that make the site findable: `sitemap.xml`, an Atom feed per
/// language and `robots.txt`.
extension SitePlan {
    /// Whether feeds and the sitemap are written: they need absolute addresses.
    var hasFeeds: Bool { site.baseURL != nil }

    /// How many of the newest events a feed carries.
    static let feedLength = 50

    /// How many addresses one sitemap file lists; past this, `sitemap.xml` becomes an index
    /// of numbered sitemaps (the protocol allows 50,000, and 50 MB a file).
    static let sitemapLength = 10_000

    /// Every address in the site with its versions in other languages, in page order: the
    /// chooser, then per language the index, each event and each topic. 404 pages are left out, and so
    /// are events shown in a fallback language: their canonical address is the original's.
    func sitemapEntries() -> [(path: String, alternates: [Alternate])] {
        var entries: [(path: String, alternates: [Alternate])] = [
            (Self.rootPath, indexAlternates)
        ]
        for language in site.languages {
            entries.append((Self.indexPath(language), indexAlternates))
            for part in parts { entries.append((part.path(language), alternates(of: part))) }
            for event in timeline.events where event.notes[language.code] != nil {
                entries.append((Self.eventPath(event, language), alternates(of: event)))
            }
            for tag in tags {
                entries.append((Self.tagPath(tag, language), alternates(ofTag: tag)))
            }
        }
        return entries
    }

    /// `sitemap.xml` (and, for a large site, the numbered sitemaps it points at), with
    /// `xhtml:link` alternates for every language and `x-default`; none without a base URL.
    func sitemapFiles(length: Int = sitemapLength) -> [(path: String, text: String)] {
        guard site.baseURL != nil else { return [] }
        let entries = sitemapEntries()
        let chunks = stride(from: 0, to: entries.count, by: length).map {
            entries[$0..<min($0 + length, entries.count)]
        }
        func urlset(_ entries: ArraySlice<(path: String, alternates: [Alternate])>) -> String {
            var xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \
                xmlns:xhtml="http://www.w3.org/1999/xhtml">

                """
            for entry in entries {
                xml += "<url>\n<loc>\(XML.escaped(address(of: entry.path)!))</loc>\n"
                for alternate in entry.alternates {
                    xml += """
                        <xhtml:link rel="alternate" hreflang="\(alternate.hreflang)" \
                        href="\(XML.escaped(address(of: alternate.path)!))"/>

                        """
                }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }
        if chunks.count <= 1 { return [("sitemap.xml", urlset(entries[...]))] }
        var files: [(path: String, text: String)] = []
        var index = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for (number, chunk) in chunks.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append((path, urlset(chunk)))
            index += "<sitemap><loc>\(XML.escaped(address(of: path)!))</loc></sitemap>\n"
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + files
    }

    /// `robots.txt`: everything may be crawled; the sitemap's address when it is known.
    func robotsFile() -> (path: String, text: String) {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = address(of: "sitemap.xml") { text += "\nSitemap: \(sitemap)\n" }
        return ("robots.txt", text)
    }

    /// A language's Atom 1.0 feed: its newest events first, each with its note; none
    /// without a base URL, since an entry's id must be an absolute address.
    func feedFile(_ language: Language) -> (path: String, text: String)? {
        guard let feedAddress = address(of: Self.feedPath(language)),
            let indexAddress = address(of: Self.indexPath(language))
        else { return nil }
        let strings = self.strings[language.code]!
        let title = site.titles[language.code] ?? ""
        let newest = timeline.events.reversed().prefix(Self.feedLength)
        let updated = newest.first.map { Self.atomTimestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.code)">
            <id>\(XML.escaped(indexAddress))</id>
            <title>\(XML.escaped(title))</title>
            <subtitle>\(XML.escaped(strings[.timelineIntro]))</subtitle>
            <link rel="self" type="application/atom+xml" href="\(XML.escaped(feedAddress))"/>
            <link rel="alternate" type="text/html" hreflang="\(language.code)" href="\(XML.escaped(indexAddress))"/>
            <updated>\(updated)</updated>
            <author><name>\(XML.escaped(title))</name></author>
            <generator>sitegen</generator>

            """
        for event in newest {
            let shown = note(of: event, in: language)
            let entryAddress = address(of: Self.eventPath(event, language))!
            let timestamp = Self.atomTimestamp(event.date)
            let entryLanguage = shown.fallback.map { " xml:lang=\"\($0.code)\"" } ?? ""
            xml += """
                <entry\(entryLanguage) xml:base="\(XML.escaped(entryAddress))">
                <id>\(XML.escaped(entryAddress))</id>
                <title>\(XML.escaped(shown.note.title))</title>
                <link rel="alternate" type="text/html" href="\(XML.escaped(entryAddress))"/>
                <published>\(timestamp)</published>
                <updated>\(timestamp)</updated>
                <summary>\(XML.escaped(shown.note.summary))</summary>
                <content type="html">\(XML.escaped(renderNote(shown.key).html))</content>

                """
            for tag in event.tags {
                let label = strings.tagLabels[tag] ?? tag
                xml += "<category term=\"\(XML.escaped(tag))\" label=\"\(XML.escaped(label))\"/>\n"
            }
            xml += "</entry>\n"
        }
        return (Self.feedPath(language), xml + "</feed>\n")
    }

    /// The first moment an event's date can mean, as Atom writes time (RFC 3339, UTC).
    static func atomTimestamp(_ date: EventDate) -> String {
        let day = date.earliestDay
        return EventDate.isoText(year: day.year, month: day.month, day: day.day) + "T00:00:00Z"
    }
}

/// Text made safe for XML and HTML.
enum XML {
    /// `&`, `<`, `>`, `"` and `'` as entities (all valid in HTML too), and characters XML
    /// 1.0 forbids left out.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

extension SitePlan {
    /// A group of the files of the site that are not pages, made together.
    enum DataKind: Sendable {
        /// The sitemap and `robots.txt`.
        case siteWide
        /// A language's Atom feed and its two JSON exports.
        case language(Language)
    }

    /// The groups of files that are not pages, each of which can be made on its own core.
    var dataKinds: [DataKind] { [.siteWide] + site.languages.map { .language($0) } }

    /// The files of a group.
    func dataFiles(_ kind: DataKind) -> [(path: String, text: String)] {
        switch kind {
        case .siteWide:
            return sitemapFiles() + [robotsFile()]
        case .language(let language):
            return (feedFile(language).map { [$0] } ?? [])
                + [exportFile(language), timelineJSFile(language)]
        }
    }
}
