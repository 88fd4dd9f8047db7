import BinaryState
import Content
import Dispatch
import Foundation
import Markdown
import Synchronization
import Timeline

/// A note rendered to HTML, with a warning for each thing left out of it and an error for
/// each `event:` link to an event that does not exist, each naming the note's file and line.
struct NoteRendering: Sendable {
    /// The HTML fragment.
    let html: String
    /// `FILE:LINE:COLUMN: warning: …` lines.
    let warnings: [String]
    /// `FILE:LINE:COLUMN: error: …` lines.
    let errors: [String]
    /// The events the note's `event:` links name.
    var linkedEvents: [String] = []
}

/// Renders one note in its language: the language's typography and footnote label, the
/// site's size limit, and links to other events' pages.
struct NoteRenderer: Sendable {
    /// The largest note accepted, in bytes.
    let maxNoteSize: Int
    /// Where a note's `event:SLUG` links go, by slug: the event's page in the same
    /// language's folder, which is where every note is shown.
    let eventLinks: [String: String]

    /// A renderer for a timeline's notes.
    init(maxNoteSize: Int, timeline: Timeline) {
        self.maxNoteSize = maxNoteSize
        self.eventLinks = Dictionary(
            timeline.events.map { ($0.slug, SiteRoutes.fileName(of: $0)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// A note rendered with the conventions of its language, whose strings are `strings`.
    func render(_ note: Note, language code: String, strings: InterfaceStrings) -> NoteRendering {
        let renderer = MarkdownRenderer(
            options: .init(
                typography: Typography(languageCode: code),
                footnoteBacklinkLabel: strings[.footnoteBacklink],
                maximumInputSize: maxNoteSize, eventLinks: eventLinks))
        do {
            let rendered = try renderer.render(note.body)
            // The `<!-- check: … -->` comments are meant for `sitegen check`, not the page.
            let omissions = rendered.omissions.filter {
                !($0.kind == .rawHTML && CheckDirective.isDirective($0.content))
            }
            func message(_ omission: Omission, _ severity: String) -> String {
                let column = SourcePosition.characterColumn(
                    line: omission.line, byteColumn: omission.column, in: note.body)
                return "\(note.file):\(note.bodyLine + omission.line - 1):\(column): "
                    + "\(severity): \(omission)"
            }
            return NoteRendering(
                html: rendered.html,
                warnings: omissions.filter { $0.kind != .unknownEvent }.map {
                    message($0, "warning")
                },
                errors: omissions.filter { $0.kind == .unknownEvent }.map { message($0, "error") },
                linkedEvents: rendered.linkedEventSlugs)
        } catch {
            return NoteRendering(
                html: "",
                warnings: ["\(note.file): warning: the note could not be rendered: \(error)"],
                errors: [])
        }
    }
}

/// Every note of a timeline rendered once, on every core, before any page is made: an event
/// page, its fallback pages in other languages and the feeds all read the same rendering.
///
/// With a build cache, a note whose rendering is cached (same text, file, language and
/// settings, and every event it links to still there) is not rendered again unless a page
/// to be written needs its HTML; its warnings come from the cache. A build session keeps
/// the renderings themselves, HTML included, and renders only the notes that changed.
struct RenderedNotes: Sendable {
    /// Every note's rendering with its cache key and whether it has its HTML.
    private let made: [NoteKey: Made]
    /// The renderings made or reused whole (HTML included), by the note's cache key: what
    /// a build session keeps for the next build.
    let complete: [String: NoteRendering]
    /// The warnings and errors of every note, in the site's language order, then timeline
    /// order.
    let warnings: [String]
    /// See ``warnings``.
    let errors: [String]
    /// What to cache of every note's rendering, by the note's cache key.
    let entries: [String: BuildCache.NoteEntry]

    /// What a build reuses of the last one's renderings.
    struct Reuse: Sendable {
        /// The cache key of every note.
        let keys: OutputKeys
        /// The last build's renderings.
        let cached: [String: BuildCache.NoteEntry]
        /// The notes whose HTML a page to be written needs.
        let needed: Set<NoteKey>
        /// Whole renderings kept in memory by a build session, by the note's cache key.
        var kept: [String: NoteRendering] = [:]
        /// The last build's notes, when only the notes of `changedEvents` can differ from
        /// them: the same events with the same notes, links and settings (a build session
        /// whose site-wide and timeline digests did not change).
        var earlier: (notes: RenderedNotes, changedEvents: Set<String>)? = nil
    }

    /// No notes, for a plan whose notes are rendered later.
    init() {
        made = [:]
        complete = [:]
        warnings = []
        errors = []
        entries = [:]
    }

    /// Renders each note of each event in each of the site's languages (with `reuse`, only
    /// those not cached or needed).
    init(
        timeline: Timeline, contexts: LanguageContexts, renderer: NoteRenderer,
        reuse: Reuse? = nil
    ) {
        let languages = contexts.all
        if let reuse, let earlier = Self.usable(reuse) {
            let patched = Self.patched(
                earlier.notes,
                remaking: timeline.events.filter {
                    earlier.changedEvents.contains($0.slug)
                }, in: languages, renderer: renderer, reuse: reuse)
            self.init(
                made: patched.made, complete: patched.complete, entries: patched.entries,
                timeline: timeline, languages: languages)
            return
        }
        let made = Self.render(
            timeline.events, in: languages, renderer: renderer, reuse: reuse)
        var entries: [String: BuildCache.NoteEntry] = [:]
        for (key, _, rendering) in made.values where rendering.errors.isEmpty {
            entries[key] = .init(warnings: rendering.warnings, linkedEvents: rendering.linkedEvents)
        }
        self.init(
            made: made,
            complete: Dictionary(
                made.values.filter(Self.isKept).map { ($0.key, $0.rendering) },
                uniquingKeysWith: { first, _ in first }),
            entries: entries, timeline: timeline, languages: languages)
    }

    private init(
        made: [NoteKey: Made], complete: [String: NoteRendering],
        entries: [String: BuildCache.NoteEntry], timeline: Timeline,
        languages: [LanguageContext]
    ) {
        self.made = made
        self.complete = complete
        self.entries = entries
        (warnings, errors) = Self.problems(of: made, timeline: timeline, languages: languages)
    }

    /// The last build's notes with some events' notes made again: the others' renderings,
    /// cache keys and entries are the last build's.
    private static func patched(
        _ earlier: RenderedNotes, remaking events: [Event], in languages: [LanguageContext],
        renderer: NoteRenderer, reuse: Reuse
    ) -> (
        made: [NoteKey: Made], complete: [String: NoteRendering],
        entries: [String: BuildCache.NoteEntry]
    ) {
        let fresh = render(events, in: languages, renderer: renderer, reuse: reuse)
        var made = earlier.made
        var complete = earlier.complete
        var entries = earlier.entries
        for event in events {
            for context in languages {
                let noteKey = NoteKey(slug: event.slug, language: context.language.code)
                if let old = made.removeValue(forKey: noteKey) {
                    complete[old.key] = nil
                    entries[old.key] = nil
                }
            }
        }
        for (noteKey, note) in fresh {
            made[noteKey] = note
            if isKept(note) { complete[note.key] = note.rendering }
            if note.rendering.errors.isEmpty {
                entries[note.key] = .init(
                    warnings: note.rendering.warnings, linkedEvents: note.rendering.linkedEvents)
            }
        }
        return (made, complete, entries)
    }

    /// The last build's notes, if they can be used: every note a page to be written needs
    /// that is not made again has its HTML.
    private static func usable(_ reuse: Reuse) -> (
        notes: RenderedNotes, changedEvents: Set<String>
    )? {
        guard let earlier = reuse.earlier else { return nil }
        for noteKey in reuse.needed where !earlier.changedEvents.contains(noteKey.slug) {
            guard earlier.notes.made[noteKey]?.isComplete ?? true else { return nil }
        }
        return earlier
    }

    /// Whether a rendering is kept whole for the next build.
    private static func isKept(_ made: Made) -> Bool {
        made.isComplete && !made.key.isEmpty && made.rendering.errors.isEmpty
    }

    /// The warnings and errors of every note, in the languages' order, then the timeline's.
    private static func problems(
        of made: [NoteKey: Made], timeline: Timeline, languages: [LanguageContext]
    ) -> (warnings: [String], errors: [String]) {
        let ordered = languages.flatMap { context in
            timeline.events.compactMap {
                made[NoteKey(slug: $0.slug, language: context.language.code)]?.rendering
            }
        }
        return (ordered.flatMap(\.warnings), ordered.flatMap(\.errors))
    }

    /// The notes of some events, rendered (or reused) on every core.
    private static func render(
        _ events: [Event], in languages: [LanguageContext], renderer: NoteRenderer,
        reuse: Reuse?
    ) -> [NoteKey: Made] {
        let made = Mutex([NoteKey: Made]())
        DispatchQueue.concurrentPerform(iterations: events.count) { index in
            let event = events[index]
            var renderings: [NoteKey: Made] = [:]
            for context in languages {
                let code = context.language.code
                guard let note = event.notes[code] else { continue }
                let noteKey = NoteKey(slug: event.slug, language: code)
                let key = reuse?.keys.key(ofNote: note, slug: event.slug, language: code) ?? ""
                renderings[noteKey] =
                    Self.reused(key, for: noteKey, from: reuse, renderer: renderer)
                    ?? (key, true, renderer.render(note, language: code, strings: context.strings))
            }
            made.withLock { $0.merge(renderings) { first, _ in first } }
        }
        return made.withLock { $0 }
    }

    /// A note's rendering, its cache key, and whether it has its HTML.
    fileprivate typealias Made = (key: String, isComplete: Bool, rendering: NoteRendering)

    /// A rendering reused from a session's memory (whole) or from the build cache (its
    /// warnings only, when no page to be written needs its HTML); `nil` when the note must
    /// be rendered. Either way every event it links to must still exist.
    private static func reused(
        _ key: String, for noteKey: NoteKey, from reuse: Reuse?, renderer: NoteRenderer
    ) -> Made? {
        guard let reuse else { return nil }
        if let kept = reuse.kept[key],
            kept.linkedEvents.allSatisfy({ renderer.eventLinks[$0] != nil })
        {
            return (key, true, kept)
        }
        guard !reuse.needed.contains(noteKey), let entry = reuse.cached[key],
            entry.linkedEvents.allSatisfy({ renderer.eventLinks[$0] != nil })
        else { return nil }
        return (
            key, false,
            NoteRendering(
                html: "", warnings: entry.warnings, errors: [], linkedEvents: entry.linkedEvents)
        )
    }

    /// A note's HTML; empty for a note the site does not have.
    func html(_ key: NoteKey) -> String { made[key]?.rendering.html ?? "" }
}

extension RenderedNotes {
    /// Writes each note's cache key, by event and language, for the build's state on disk;
    /// the renderings themselves are left out (their warnings are in the outputs' note
    /// entries).
    func writeKeys(to writer: inout BinaryWriter) {
        let sorted = made.sorted {
            ($0.key.slug, $0.key.language) < ($1.key.slug, $1.key.language)
        }
        writer.write(sorted) { writer, note in
            writer.write(note.key.slug)
            writer.write(note.key.language)
            writer.write(note.value.key)
        }
    }

    /// The notes ``writeKeys(to:)`` wrote, each with the warnings `entries` has for its key
    /// and without its HTML (so a page that needs it has it rendered again); `nil` when a
    /// key has no entry.
    static func read(from reader: inout BinaryReader, entries: [String: BuildCache.NoteEntry])
        throws(BinaryReadError) -> RenderedNotes?
    {
        let keys = try reader.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (
                NoteKey(slug: try reader.readString(), language: try reader.readString()),
                try reader.readString()
            )
        }
        var made: [NoteKey: Made] = [:]
        for (noteKey, key) in keys {
            guard let entry = entries[key] else { return nil }
            made[noteKey] = (
                key, false,
                NoteRendering(
                    html: "", warnings: entry.warnings, errors: [],
                    linkedEvents: entry.linkedEvents)
            )
        }
        return RenderedNotes(made: made, entries: entries)
    }

    private init(made: [NoteKey: Made], entries: [String: BuildCache.NoteEntry]) {
        self.made = made
        self.complete = [:]
        self.entries = entries
        (warnings, errors) = ([], [])
    }
}
