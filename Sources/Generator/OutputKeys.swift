import BinaryState
import Content
import Digest
import Foundation
import Synchronization
import Timeline

/// The key of every output of a build: a SHA-256 digest of everything the output is made
/// from, so that an output whose key did not change since the last build need not be made
/// again.
///
/// What each output reads:
/// - every output: the site's settings and interface strings (`site.yml`, `i18n/`), the
///   templates and the base URL (``siteDigest``); a change to any makes every output stale;
/// - an event's page: its event's record and headings in every language (the page names
///   its title in the other languages), the text of the note it shows, its neighbours'
///   records and headings, and the timeline page that lists it;
/// - the indexes, year pages, topic pages, the sitemap, robots.txt and the JSON exports:
///   every event's record and headings (title, summary, label), in timeline order;
/// - a language's feed and exports: that, and the text of the notes the newest events show
///   in the language.
///
/// sitegen's version and binary, the folders and the options are not in the keys: a cache
/// made by another binary, for other folders or with other options is not used at all.
struct OutputKeys: Sendable {
    /// The digest of the files that every output reads.
    let siteDigest: String
    /// The digest of the files that every note's rendering reads (`site.yml`, `i18n/`).
    let noteSettingsDigest: String
    /// Each event's record and headings, by slug.
    private let headings: [String: String]
    /// The digest of each note's text.
    private let bodies: [NoteKey: String]
    /// Every event's record and headings, in timeline order.
    let timelineDigest: String
    /// The events whose digests were made again, not taken from the memo: with the memo
    /// of the last build, the events whose files changed since.
    let changedEvents: Set<String>

    /// The digests of each event and each key as last computed, so that a build session
    /// hashes again only what changed.
    struct Memo: Sendable {
        /// By slug: the event as it was, the digest of its record and headings, and the
        /// digest of each note's text by language code.
        fileprivate var events:
            [String: (event: Event, headings: String, bodies: [String: String])] =
                [:]
        /// Every output's and note's key, with the parts it digests, by the output's name,
        /// from the last build that used the memo.
        fileprivate var keys: [String: (parts: [String], key: String)] = [:]

        /// How many events' digests the memo holds.
        var eventCount: Int { events.count }
    }

    /// The keys made so far by output name, with their parts; with the memo's, the next
    /// build's.
    final class Keys: Sendable {
        let earlier: [String: (parts: [String], key: String)]
        let made = Mutex([String: (parts: [String], key: String)]())
        init(earlier: [String: (parts: [String], key: String)]) { self.earlier = earlier }
    }
    private let keys: Keys

    /// Hands the keys this build made to the memo, for the next build; with
    /// `keepingEarlier`, the memo's other keys stay (a build that took most keys as they
    /// were, without asking for them).
    func remember(in memo: inout Memo, keepingEarlier: Bool = false) {
        let made = keys.made.withLock { $0 }
        if keepingEarlier {
            memo.keys.merge(made) { _, new in new }
        } else {
            memo.keys = made
        }
    }

    /// The keys of a site's outputs; `memo` gives the digests of events that did not
    /// change since it was last used, and is brought up to date.
    init(content: URL, templates: URL, site: Site, timeline: Timeline, memo: inout Memo) {
        let settings =
            Self.digest(
                ofFilesIn: [content.path], named: ["site.yml"])
            + Self.digest(ofFilesIn: [content.appendingPathComponent("i18n").path], named: nil)
        self.noteSettingsDigest = SHA256.hex(of: Data(settings.utf8))
        let templateFiles = Self.digest(ofFilesIn: [templates.path], named: nil)
        self.siteDigest = SHA256.hex(
            of: Data(
                (settings + templateFiles + "base " + (site.baseURL?.absoluteString ?? "-"))
                    .utf8))
        var headings: [String: String] = [:]
        var bodies: [NoteKey: String] = [:]
        var events: [String: (event: Event, headings: String, bodies: [String: String])] = [:]
        var changed = Set<String>()
        for event in timeline.events {
            // Unchanged events share their strings with the memo's, so comparing is cheap.
            let kept = memo.events[event.slug].flatMap { $0.event == event ? $0 : nil }
            if kept == nil { changed.insert(event.slug) }
            let digests: (event: Event, headings: String, bodies: [String: String]) =
                kept
                ?? (event, Self.headingsDigest(of: event), event.notes.mapValues(Self.bodyDigest))
            events[event.slug] = digests
            headings[event.slug] = digests.headings
            for (code, digest) in digests.bodies {
                bodies[NoteKey(slug: event.slug, language: code)] = digest
            }
        }
        memo.events = events
        self.changedEvents = changed
        self.keys = Keys(earlier: memo.keys)
        self.headings = headings
        self.bodies = bodies
        self.timelineDigest = SHA256.hex(
            of: Data(
                timeline.events.map { "\($0.slug) \(headings[$0.slug] ?? "")\n" }.joined().utf8))
    }

    /// The key of a page.
    func key(of kind: SitePlan.PageKind, path: String, routes: SiteRoutes, timeline: Timeline)
        -> String
    {
        switch kind {
        case .chooser, .notFound:
            return combine(["page", path, siteDigest])
        case .index, .part, .tag:
            return combine(["page", path, siteDigest, timelineDigest])
        case .event(let event, let context):
            let neighbours = timeline.neighbours(ofEventWithSlug: event.slug)
            let shown = ShownNote(
                of: event, in: context.language, defaultLanguage: routes.defaultLanguage)
            return combine([
                "page", path, siteDigest, headings[event.slug] ?? "",
                shown.key.language, bodies[shown.key] ?? "",
                neighbours.previous.map { "previous \($0.slug) " + (headings[$0.slug] ?? "") }
                    ?? "-",
                neighbours.next.map { "next \($0.slug) " + (headings[$0.slug] ?? "") } ?? "-",
                routes.part(listing: event)?.fileName ?? "-",
            ])
        }
    }

    /// The key of a group of data files.
    func key(of kind: SitePlan.DataKind, routes: SiteRoutes, timeline: Timeline) -> String {
        switch kind {
        case .siteWide:
            return combine(["site-wide", siteDigest, timelineDigest])
        case .language(let context):
            let newest = timeline.events.reversed().prefix(FeedWriter.feedLength).map {
                let shown = ShownNote(
                    of: $0, in: context.language, defaultLanguage: routes.defaultLanguage)
                return "\(shown.key.slug) \(shown.key.language) \(bodies[shown.key] ?? "")\n"
            }
            return combine([
                "language", context.language.code, siteDigest, timelineDigest, newest.joined(),
            ])
        }
    }

    /// The key under which a note's rendering is cached: the note as written, its file and
    /// line (which its warnings name), its language, and the site's settings and strings.
    func key(ofNote note: Note, slug: String, language: String) -> String {
        combine([
            "note", note.file, noteSettingsDigest, language, String(note.bodyLine),
            bodies[NoteKey(slug: slug, language: language)] ?? Self.bodyDigest(of: note),
        ])
    }

    // MARK: Digests

    /// The digest of a note's text.
    static func bodyDigest(of note: Note) -> String {
        SHA256.hex(of: Data(note.body.utf8))
    }

    /// The digest of an event's record and its notes' headings: every field of the event
    /// and its notes but the notes' text, each written in ``BinaryWriter``'s unambiguous
    /// encoding (strings with their lengths, optionals tagged, notes by language code).
    static func headingsDigest(of event: Event) -> String {
        var record = event
        record.notes = event.notes.mapValues {
            var note = $0
            note.body = ""
            return note
        }
        var writer = BinaryWriter(capacity: 1024)
        writer.write(record)
        return SHA256.hex(of: writer.bytes)
    }

    /// One digest of several parts, each preceded by its length so that no two lists of
    /// parts run together the same way; taken from the memo when an earlier build made it
    /// from the same parts (the first names the output, so each output has its entry).
    func combine(_ parts: [String]) -> String {
        let name = parts.prefix(2).joined(separator: " ")
        let digest =
            keys.earlier[name].flatMap { $0.parts == parts ? $0.key : nil }
            ?? SHA256.hex(of: Data(parts.map { "\($0.utf8.count):\($0)" }.joined().utf8))
        keys.made.withLock { $0[name] = (parts, digest) }
        return digest
    }

    /// The names and contents of the regular files directly in some folders (only those
    /// named, when `names` is given), in the order of their names.
    private static func digest(ofFilesIn folders: [String], named names: Set<String>?) -> String {
        var text = ""
        for folder in folders {
            let entries =
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { names?.contains($0) ?? true }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for name in entries where FileSystem.kind(of: folder + "/" + name) != .folder {
                let contents = FileManager.default.contents(atPath: folder + "/" + name)
                text +=
                    "\(name.utf8.count):\(name) "
                    + (contents.map { SHA256.hex(of: $0) } ?? "unreadable") + "\n"
            }
        }
        return text
    }
}

extension OutputKeys.Memo {
    /// Writes each event's digests for the build's state on disk: the digests only, by
    /// slug, of the events that are `events[slug]` (the content cache's, which holds the
    /// events themselves); the outputs' keys and their parts are left out (made again as
    /// needed, from the parts).
    func write(to writer: inout BinaryWriter, matching events: [String: Event]) {
        let kept = self.events.filter { events[$0.key] == $0.value.event }
        writer.write(kept) {
            writer, entry in
            writer.write(entry.key)
            writer.write(entry.value.headings)
            writer.write(entry.value.bodies)
        }
    }

    /// The memo ``write(to:matching:)`` wrote, each digest paired again with its event from
    /// `events`; a slug with no event there is left out.
    init(from reader: inout BinaryReader, events: [String: Event]) throws(BinaryReadError) {
        let entries = try reader.readList {
            (reader: inout BinaryReader) throws(BinaryReadError) in
            (
                slug: try reader.readString(), headings: try reader.readString(),
                bodies: try reader.readStringDictionary()
            )
        }
        self.init()
        for entry in entries {
            guard let event = events[entry.slug] else { continue }
            self.events[entry.slug] = (event, entry.headings, entry.bodies)
        }
    }
}
