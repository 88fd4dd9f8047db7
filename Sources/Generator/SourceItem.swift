import Content
import Foundation
import Timeline

/// One source as an event page lists it, its parts joined by the language's list mark: the
/// publisher (or, when none is named, "news article in Greek"), the title in its own
/// language, the date, and the language it is written in; the template isolates every run
/// of text in another script so that right-to-left pages keep it whole.
struct SourceItem: Codable, Sendable {
    let language: String
    let datetime: String
    let date: String
    let separator: String
    let sourcePublisher: String?
    let languageNote: String?
    let sourceDescription: String?
    let sourceTitle: String?
    let sourceURL: String?

    /// A source as a page in the language of `context` lists it.
    init(_ source: Source, in context: LanguageContext) {
        let strings = context.strings
        let localizer = context.localizer
        let languageName = localizer.name(ofLanguage: source.language)
        language = source.language
        datetime = source.date.isoText
        date = localizer.text(for: source.date)
        separator = strings[.listSeparator] + " "
        sourcePublisher = source.publisher.map { strings.publisherNames[$0] ?? $0 }
        languageNote =
            source.publisher == nil
            ? nil : strings.string(.sourceInLanguage, filling: ["language": languageName])
        sourceDescription =
            source.publisher == nil
            ? strings.string(.sourceNewsArticle, filling: ["language": languageName]) : nil
        sourceTitle = source.title
        sourceURL = source.url?.absoluteString
    }
}
