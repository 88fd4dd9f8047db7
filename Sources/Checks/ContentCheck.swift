import Content
public import Foundation
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
        let slugs = Set(events.map(\.slug))
        let timelineYears = Set(events.map(\.date.year))
        // ICU's number formatters are costly to make: one per language for the whole run.
        let readers = Dictionary(
            uniqueKeysWithValues: site.languages.map { ($0.code, FigureReader(language: $0.code)) })
        let eventLinks = Dictionary(uniqueKeysWithValues: events.map { ($0.slug, $0.slug) })
        var findings = content.warnings.map(Finding.init)
        var external: [ExternalLink] = []
        var status: [(slug: String, states: [String: TranslationState])] = []
        let day = Self.day(of: today)
        for event in events {
            let translations = TranslationCheck.check(event, site: site)
            status.append((event.slug, translations.states))
            findings += translations.findings
            var texts: [String: String] = [:]
            for (code, note) in event.notes {
                texts[code] = (try? String(contentsOf: url(of: note.file), encoding: .utf8)) ?? ""
            }
            findings += FigureCheck.check(
                event, site: site, texts: texts, timelineYears: timelineYears, readers: readers)
            for language in site.languages {
                guard let note = event.notes[language.code] else { continue }
                let links = LinkCheck.check(
                    note, language: language.code, site: site, slugs: slugs, eventLinks: eventLinks)
                findings += links.findings
                external += links.external
            }
            let recordFile = shown("events/\(event.slug)/event.yml")
            let record = (try? String(contentsOf: url(of: recordFile), encoding: .utf8)) ?? ""
            external += LinkCheck.sourceLinks(event, file: recordFile, text: record)
            findings += SourceCheck.check(event, file: recordFile, text: record, today: day)
        }
        let languages =
            [site.defaultLanguage.code]
            + site.languages.map(\.code).filter { $0 != site.defaultLanguage.code }
        return (
            CheckReport(findings: findings, languages: languages, translationStatus: status),
            external
        )
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
