import Content
import Foundation
import Timeline

/// A file of the site that is not a page: its path and its bytes.
///
/// Kept as bytes, as written: a sitemap or an export of a large timeline runs to megabytes,
/// and holding it as a string as well, then copying it into bytes to write it, held it
/// three times over. A file may also be made only when its contents are asked for, so that
/// a group of large files (the numbered sitemaps) is made and written one file at a time.
struct DataFile: Sendable {
    /// Where it is written, relative to the site's root.
    let path: String
    private let make: @Sendable () -> Data

    /// Its contents, in UTF-8: made again each time for a file made on demand.
    var contents: Data { make() }

    /// A file made of UTF-8 bytes.
    init(path: String, contents: Data) {
        self.init(path: path) { contents }
    }

    /// A file whose UTF-8 bytes are made when they are asked for.
    init(path: String, makingContents make: @escaping @Sendable () -> Data) {
        self.path = path
        self.make = make
    }

    /// A file made of text.
    init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Its contents as text.
    var text: String { String(decoding: contents, as: UTF8.self) }
}

/// The files of the site that are not pages, in groups that can each be made on a core of
/// their own: the sitemap and `robots.txt`, and per language the Atom feed and the two JSON
/// exports.
extension SitePlan {
    /// A group of the files of the site that are not pages, made together.
    enum DataKind: Sendable {
        /// The sitemap and `robots.txt`.
        case siteWide
        /// A language's Atom feed and its two JSON exports.
        case language(LanguageContext)
    }

    /// The groups of files that are not pages.
    var dataKinds: [DataKind] { [.siteWide] + contexts.all.map { .language($0) } }

    /// The files of a group, each from its own writer.
    func dataFiles(_ kind: DataKind) -> [DataFile] {
        switch kind {
        case .siteWide:
            return SitemapWriter(routes: routes, events: timeline.events).files()
                + [RobotsWriter(routes: routes).file()]
        case .language(let context):
            let events = timeline.events
            let feed = FeedWriter(routes: routes, context: context, events: events, notes: notes)
            return (feed.file().map { [$0] } ?? []) + [
                TimelineExportWriter(routes: routes, context: context, events: events).file(),
                TimelineJSWriter(routes: routes, context: context, events: events).file(),
            ]
        }
    }
}
