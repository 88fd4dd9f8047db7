import Content
import Dispatch
public import Foundation
import Synchronization
import Timeline

/// `sitegen check`: loads a content folder as a build does and checks what a build cannot
/// see: translations that fell behind the default-language note, figures that disagree
/// with the record or with the other notes, links to events that do not exist, and
/// sources dated in the future. It writes nothing.
public struct ContentCheck: Sendable {
    /// The content folder.
    public var folder: URL

    /// How the folder is named in messages, such as `Content`.
    public var folderName: String

    /// Whether events marked `draft: true` are checked too.
    public var includesDrafts: Bool

    /// Creates a check of a folder, named in messages as `folderName` (its path when `nil`).
    public init(folder: URL, folderName: String? = nil, includesDrafts: Bool = false) {
        self.folder = folder
        self.folderName = folderName ?? folder.path
        self.includesDrafts = includesDrafts
    }

    /// What the check found, and the external addresses of notes and sources.
    public func run(today: Date = Date()) -> (report: CheckReport, external: [ExternalLink]) {
        let content: SiteContent
        do {
            content = try ContentLoader(
                folder: folder, folderName: folderName, includesDrafts: includesDrafts
            ).load()
        } catch {
            return (
                CheckReport(
                    findings: error.problems.map(Finding.init), languages: [], translationStatus: []
                ),
                []
            )
        }
        let site = content.site
        let events = content.timeline.events
        let context = Context(
            site: site, slugs: Set(events.map(\.slug)),
            eventLinks: Dictionary(uniqueKeysWithValues: events.map { ($0.slug, $0.slug) }),
            timelineYears: Set(events.map(\.date.year)), today: Self.day(of: today))
        // Events are checked on every core, in chunks that each make their own figure
        // readers (ICU's formatters are costly to make and not to be shared between
        // threads); the results are joined in timeline order.
        let chunkCount = max(1, min(events.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = Mutex([[EventResult]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let readers = Dictionary(
                uniqueKeysWithValues: site.languages.map {
                    ($0.code, FigureReader(language: $0.code))
                })
            let range = stride(from: chunk, to: events.count, by: chunkCount)
            let checked = range.map { check(events[$0], context: context, readers: readers) }
            results.withLock { $0[chunk] = checked }
        }
        let perChunk = results.withLock { $0 }
        var ordered = [EventResult?](repeating: nil, count: events.count)
        for (chunk, checked) in perChunk.enumerated() {
            for (offset, result) in checked.enumerated() {
                ordered[chunk + offset * chunkCount] = result
            }
        }
        var findings = content.warnings.map(Finding.init)
        var external: [ExternalLink] = []
        var status: [(slug: String, states: [String: TranslationState])] = []
        for case let result? in ordered {
            status.append((result.slug, result.states))
            findings += result.findings
            external += result.external
        }
        let languages =
            [site.defaultLanguage.code]
            + site.languages.map(\.code).filter { $0 != site.defaultLanguage.code }
        return (
            CheckReport(findings: findings, languages: languages, translationStatus: status),
            external
        )
    }

    /// What every event's check needs to know about the rest of the site.
    private struct Context: Sendable {
        var site: Site
        var slugs: Set<String>
        /// Every slug, as its own `event:` link target: the check only asks whether it exists.
        var eventLinks: [String: String]
        var timelineYears: Set<Int>
        var today: (year: Int, month: Int, day: Int)
    }

    /// What one event's check found.
    private struct EventResult: Sendable {
        var slug: String
        var states: [String: TranslationState]
        var findings: [Finding]
        var external: [ExternalLink]
    }

    /// Checks one event: its translations, figures, links and sources.
    private func check(_ event: Event, context: Context, readers: [String: FigureReader])
        -> EventResult
    {
        let site = context.site
        let translations = TranslationCheck.check(event, site: site)
        var findings = translations.findings
        var external: [ExternalLink] = []
        var texts: [String: String] = [:]
        for (code, note) in event.notes {
            texts[code] = (try? String(contentsOf: url(of: note.file), encoding: .utf8)) ?? ""
        }
        findings += FigureCheck.check(
            event, site: site, texts: texts, timelineYears: context.timelineYears,
            readers: readers)
        for language in site.languages {
            guard let note = event.notes[language.code] else { continue }
            let links = LinkCheck.check(
                note, language: language.code, site: site, slugs: context.slugs,
                eventLinks: context.eventLinks)
            findings += links.findings
            external += links.external
        }
        let recordFile = shown("events/\(event.slug)/event.yml")
        let record = (try? String(contentsOf: url(of: recordFile), encoding: .utf8)) ?? ""
        external += LinkCheck.sourceLinks(event, file: recordFile, text: record)
        findings += SourceCheck.check(event, file: recordFile, text: record, today: context.today)
        return EventResult(
            slug: event.slug, states: translations.states, findings: findings, external: external)
    }

    /// A path inside the content folder, as messages show it.
    private func shown(_ relativePath: String) -> String {
        folderName.hasSuffix("/") ? folderName + relativePath : folderName + "/" + relativePath
    }

    /// The file a shown path names: shown paths start with the folder's name.
    private func url(of shownPath: String) -> URL {
        let prefix = folderName.hasSuffix("/") ? folderName : folderName + "/"
        return folder.appendingPathComponent(String(shownPath.dropFirst(prefix.count)))
    }

    /// Today's date in UTC, as year, month and day.
    private static func day(of date: Date) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1, parts.month ?? 1, parts.day ?? 1)
    }
}
