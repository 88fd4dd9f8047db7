import Content
import Dispatch
import Foundation
import Synchronization
import Timeline

/// Everything a page needs about the language it is written in, made once per build: the
/// language, its interface strings, its localizer (with the timeline's dates, amounts and
/// language names already written), its Open Graph locale and the site's title in it.
///
/// A class, never changed once made, so that the many values naming a language (each
/// page's ``SitePlan/PageKind`` among them) share one context instead of each holding a
/// copy of its strings and forms.
final class LanguageContext: Sendable {
    /// The language.
    let language: Language
    /// Its interface strings.
    let strings: InterfaceStrings
    /// Dates, amounts and language names as it writes them.
    let localizer: Localizer
    /// The language as Open Graph writes a locale (`el_GR`).
    let openGraphLocale: String
    /// The site's title in the language.
    let siteTitle: String

    /// A language's context.
    init(
        language: Language, strings: InterfaceStrings, localizer: Localizer,
        openGraphLocale: String, siteTitle: String
    ) {
        self.language = language
        self.strings = strings
        self.localizer = localizer
        self.openGraphLocale = openGraphLocale
        self.siteTitle = siteTitle
    }

    /// A language as Open Graph writes a locale: `el_GR`, `ar_EG` (its likeliest region).
    static func openGraphLocale(_ language: Language) -> String {
        let likeliest = Locale.Language(
            identifier: Locale.Language(identifier: language.code).maximalIdentifier)
        let code = likeliest.languageCode?.identifier ?? language.code
        guard let region = likeliest.region?.identifier else { return code }
        return "\(code)_\(region)"
    }
}

/// The context of every language of a site, in the site's order, made on every core.
struct LanguageContexts: Sendable {
    /// One per language, in the order `site.yml` gives them.
    let all: [LanguageContext]
    private let indexByCode: [String: Int]

    /// Makes each language's context, writing every date, amount and language name of the
    /// timeline once.
    ///
    /// - Throws: ``BuildError`` when a language has no interface strings (the loader
    ///   refuses such content, so this guards a caller that skipped it).
    init(site: Site, strings: [String: InterfaceStrings], timeline: Timeline) throws(BuildError) {
        let missing = site.languages.filter { strings[$0.code] == nil }
        guard missing.isEmpty else {
            throw BuildError(
                step: .content,
                problems: missing.map {
                    "i18n/\($0.code).yml: error: missing; every language needs one"
                })
        }
        let dates = Set(timeline.events.flatMap { [$0.date] + $0.sources.map(\.date) })
        let amounts = Set(timeline.events.flatMap(\.amounts))
        let languageCodes = Set(
            site.languages.map(\.code) + timeline.events.flatMap { $0.sources.map(\.language) })
        let languages = site.languages.compactMap { language in
            strings[language.code].map { (language, $0) }
        }
        let made = Mutex([Int: LanguageContext]())
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            let (language, languageStrings) = languages[index]
            var localizer = Localizer(language: language, strings: languageStrings)
            localizer.remember(dates)
            localizer.remember(amounts)
            localizer.remember(languages: languageCodes)
            let context = LanguageContext(
                language: language, strings: languageStrings, localizer: localizer,
                openGraphLocale: LanguageContext.openGraphLocale(language),
                siteTitle: site.titles[language.code] ?? "")
            made.withLock { $0[index] = context }
        }
        self.all = made.withLock { made in languages.indices.compactMap { made[$0] } }
        self.indexByCode = Dictionary(
            site.languages.enumerated().map { ($1.code, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The context of a language of the site.
    func context(ofCode code: String) -> LanguageContext? {
        indexByCode[code].map { all[$0] }
    }
}
