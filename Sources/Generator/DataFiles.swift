import Content
import Foundation
import Timeline

/// A file of the site that is not a page: its path and its text.
struct DataFile: Sendable {
    /// Where it is written, relative to the site's root.
    let path: String
    /// Its contents.
    let text: String
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
