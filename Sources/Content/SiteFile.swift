import Foundation
public import Timeline
import Yams

/// Reading `site.yml`.
enum SiteFile {
    static let fields = ["title", "base_url", "default_language", "languages", "max_note_size"]
    static let languageFields = ["code", "name", "direction"]

    /// The site's settings; `nil` when `site.yml` has errors, which are logged.
    static func read(_ text: String, file: String, log: inout ProblemLog) -> Site? {
        let errorsBefore = log.errorCount
        guard let root = YAMLDocument.parse(text, file: file, log: &log),
            let site = YAMLFields(
                root, known: fields, describedAs: "site.yml", file: file, log: &log)
        else { return nil }

        let errorsBeforeLanguages = log.errorCount
        let languages = readLanguages(site, errorsBefore: errorsBefore, log: &log)

        // Checks against the list of languages only make sense when the whole list was read.
        let languagesAreComplete = log.errorCount == errorsBeforeLanguages
        let titles = readTitles(site, languages: languagesAreComplete ? languages : nil, log: &log)

        var defaultLanguage: Language?
        if let code = site.text("default_language", log: &log) {
            defaultLanguage = languages.first { $0.code == code }
            if defaultLanguage == nil, languagesAreComplete {
                site.error(
                    "the default language '\(code)' is not in 'languages'; use one of "
                        + languages.map(\.code).joined(separator: ", "),
                    at: site["default_language"], log: &log)
            }
        }

        let baseURL = readBaseURL(site, log: &log)
        let maxNoteSize = readMaxNoteSize(site, log: &log)

        guard log.errorCount == errorsBefore, let defaultLanguage else { return nil }
        return Site(
            titles: titles, baseURL: baseURL, languages: languages,
            defaultLanguage: defaultLanguage,
            maxNoteSize: maxNoteSize
        )
    }

    /// `languages:`, each with a code, a name and a direction, none twice.
    private static func readLanguages(
        _ site: YAMLFields, errorsBefore: Int, log: inout ProblemLog
    ) -> [Language] {
        guard site.required("languages", log: &log) != nil else { return [] }
        var languages: [Language] = []
        for item in site.list("languages", log: &log) {
            if let language = readLanguage(item, file: site.file, after: languages, log: &log) {
                languages.append(language)
            }
        }
        if languages.isEmpty, log.errorCount == errorsBefore {
            site.error(
                "'languages' lists no language; add at least one", at: site["languages"], log: &log)
        }
        return languages
    }

    /// One item of `languages:`, which must not repeat one of `earlier`.
    private static func readLanguage(
        _ item: Node, file: String, after earlier: [Language], log: inout ProblemLog
    ) -> Language? {
        guard
            let fields = YAMLFields(
                item, known: languageFields, describedAs: "a language", file: file, log: &log),
            let code = fields.text("code", log: &log),
            let name = fields.text("name", log: &log),
            let directionText = fields.text("direction", log: &log)
        else { return nil }
        guard Language.isValidCode(code) else {
            fields.error(
                "'\(code)' is not a language code; use a BCP 47 code such as en, el, uk, it or ar",
                at: fields["code"], log: &log)
            return nil
        }
        guard let direction = TextDirection(rawValue: directionText) else {
            fields.error(
                "direction '\(directionText)' is neither ltr (left to right) nor rtl (right to left)",
                at: fields["direction"], log: &log)
            return nil
        }
        guard !earlier.contains(where: { $0.code == code }) else {
            fields.error(
                "the language '\(code)' is listed twice; keep one", at: fields["code"], log: &log)
            return nil
        }
        return Language(code: code, name: name, direction: direction)
    }

    /// The optional `base_url:`, checked as `--base-url` is.
    private static func readBaseURL(_ site: YAMLFields, log: inout ProblemLog) -> URL? {
        guard let text = site.text("base_url", required: false, log: &log) else { return nil }
        guard let url = Site.baseURL(from: text) else {
            site.error(
                "'\(text)' is not \(Site.baseURLRequirement)", at: site["base_url"], log: &log)
            return nil
        }
        return url
    }

    /// Units `max_note_size` may be written in, with their size in bytes.
    static let sizeUnits: [String: Int] = [
        "B": 1, "KB": 1000, "KiB": 1024, "MB": 1_000_000, "MiB": 1024 * 1024,
    ]

    /// The largest note the build accepts: `max_note_size`, in bytes (`1048576`) or with a
    /// unit (`512 KiB`, `2 MiB`, `1 MB`), from 1 byte to 16 MiB; 1 MiB when absent.
    private static func readMaxNoteSize(_ site: YAMLFields, log: inout ProblemLog) -> Int {
        guard let text = site.text("max_note_size", required: false, log: &log) else {
            return Site.defaultMaxNoteSize
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingSpaces()
        if let number = Int(digits), let scale = sizeUnits[unit.isEmpty ? "B" : unit] {
            let (size, overflow) = number.multipliedReportingOverflow(by: scale)
            if !overflow, (1...Site.largestMaxNoteSize).contains(size) { return size }
        }
        site.error(
            "max_note_size '\(text)' is not a size from 1 byte to 16 MiB; write a number of "
                + "bytes, or a number and one of the units B, KB, KiB, MB, MiB, such as 2 MiB",
            at: site["max_note_size"], log: &log)
        return Site.defaultMaxNoteSize
    }

    /// The site's title in every language: each listed language needs one, and no other.
    private static func readTitles(
        _ site: YAMLFields, languages: [Language]?, log: inout ProblemLog
    )
        -> [String: String]
    {
        guard let node = site.required("title", log: &log) else { return [:] }
        guard case .mapping(let mapping) = node else {
            site.error(
                "'title' must give the title in each language, one `code: title` a line", at: node,
                log: &log)
            return [:]
        }
        var titles: [String: String] = [:]
        for (key, value) in mapping {
            let code = key.string ?? ""
            guard languages?.contains(where: { $0.code == code }) != false else {
                site.error(
                    "a title in '\(code)', which 'languages' does not list; add the language or remove the title",
                    at: key, log: &log)
                continue
            }
            if let title = site.text(of: value, field: "title", log: &log) { titles[code] = title }
        }
        for language in languages ?? [] where titles[language.code] == nil {
            site.error("'title' has no title in '\(language.code)'; add one", at: node, log: &log)
        }
        return titles
    }
}

extension Site {
    /// The settings `site.yml` holds, read and checked as loading the content does.
    ///
    /// - Throws: ``ContentError`` with every problem found.
    public static func read(_ text: String, file: String) throws(ContentError) -> Site {
        var log = ProblemLog()
        guard let site = SiteFile.read(text, file: file, log: &log), log.errorCount == 0 else {
            throw ContentError(problems: log.problems)
        }
        return site
    }
}
