import Foundation
import Timeline
import Yams

/// Reading one event's folder: `event.yml` and its notes, `<code>.md`.
enum EventFolder {
    static let fields = [
        "date", "qualifier", "order", "draft", "featured", "tags", "amounts", "sources",
    ]
    static let amountFields = ["role", "value", "currency", "qualifier"]
    static let sourceFields = ["publisher", "title", "date", "language", "url"]
    static let noteFields = [
        "title", "summary", "label", "translated_from", "translated_paragraphs",
    ]

    /// The record of an event, without notes; `nil` when `event.yml` has errors, which are
    /// logged.
    static func readRecord(_ text: String, slug: String, file: String, log: inout ProblemLog)
        -> Event?
    {
        let errorsBefore = log.errorCount
        guard let root = YAMLDocument.parse(text, file: file, log: &log),
            let record = YAMLFields(
                root, known: fields, describedAs: "event.yml", file: file, log: &log)
        else { return nil }

        let qualifier: EventDate.Qualifier? = record.choice("qualifier", log: &log)
        let date = record.text("date", log: &log).flatMap {
            eventDate($0, qualifier: qualifier, at: record["date"], in: record, log: &log)
        }

        var order: Int?
        if let text = record.text("order", required: false, log: &log) {
            order = Int(text)
            if order == nil {
                record.error(
                    "order '\(text)' is not a whole number", at: record["order"], log: &log)
            }
        }

        let isDraft = flag("draft", in: record, log: &log)
        let isFeatured = flag("featured", in: record, log: &log)

        let tags = record.list("tags", log: &log).compactMap { node -> String? in
            guard let tag = record.text(of: node, field: "tags", log: &log) else { return nil }
            guard ContentLoader.isSafeSlug(tag), tag == tag.lowercased() else {
                record.error(
                    "the tag '\(ContentLoader.visible(tag))' cannot name a page: use lowercase "
                        + "letters, digits, - and _ only, such as 'scale-ai'",
                    at: node, log: &log)
                return nil
            }
            return tag
        }
        let amounts = record.list("amounts", log: &log).compactMap {
            amount($0, in: record, log: &log)
        }

        var sources: [Source] = []
        if record.required("sources", log: &log) != nil {
            let items = record.list("sources", log: &log)
            sources = items.compactMap { source($0, in: record, log: &log) }
            if items.isEmpty, case .sequence = record["sources"] {
                record.error(
                    "'sources' is empty; name at least one source", at: record["sources"], log: &log
                )
            }
        }

        guard log.errorCount == errorsBefore, let date else { return nil }
        return Event(
            slug: slug, date: date, order: order, isDraft: isDraft, isFeatured: isFeatured,
            tags: tags, amounts: amounts, sources: sources)
    }

    /// An optional `true` or `false` field; false when missing.
    private static func flag(_ name: String, in record: YAMLFields, log: inout ProblemLog) -> Bool {
        guard let text = record.text(name, required: false, log: &log) else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default:
            record.error("\(name) '\(text)' is neither true nor false", at: record[name], log: &log)
            return false
        }
    }

    private static func eventDate(
        _ text: String, qualifier: EventDate.Qualifier?, at node: Node?, in fields: YAMLFields,
        log: inout ProblemLog
    ) -> EventDate? {
        do {
            return try EventDate(text, qualifier: qualifier)
        } catch {
            fields.error(error.description, at: node, log: &log)
            return nil
        }
    }

    private static func amount(_ node: Node, in record: YAMLFields, log: inout ProblemLog)
        -> Amount?
    {
        let errorsBefore = log.errorCount
        guard
            let fields = YAMLFields(
                node, known: amountFields, describedAs: "an amount", file: record.file, log: &log)
        else { return nil }
        let role: Amount.Role? = fields.choice("role", required: true, log: &log)
        var value: Decimal?
        if let text = fields.text("value", log: &log) {
            let isNumber =
                text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
                && text.filter { $0 == "." }.count <= 1 && text.first != "." && text.last != "."
            value =
                isNumber ? Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) : nil
            if value == nil || value == 0 {
                fields.error(
                    "value '\(text)' is not a positive number; write digits only, in whole units, "
                        + "such as 10000000000 for ten billion",
                    at: fields["value"], log: &log)
            }
        }
        var currency: String?
        if let text = fields.text("currency", log: &log) {
            if Locale.Currency.isoCurrencies.contains(Locale.Currency(text)),
                text == text.uppercased()
            {
                currency = text
            } else {
                fields.error(
                    "unknown currency code '\(text)'; use an ISO 4217 code such as USD or EUR",
                    at: fields["currency"], log: &log)
            }
        }
        let qualifier: Amount.Qualifier? = fields.choice("qualifier", log: &log)
        guard log.errorCount == errorsBefore, let role, let value, let currency else { return nil }
        return Amount(role: role, value: value, currency: currency, qualifier: qualifier)
    }

    private static func source(_ node: Node, in record: YAMLFields, log: inout ProblemLog)
        -> Source?
    {
        let errorsBefore = log.errorCount
        guard
            let fields = YAMLFields(
                node, known: sourceFields, describedAs: "a source", file: record.file, log: &log)
        else { return nil }
        let publisher = fields.text("publisher", required: false, log: &log)
        let title = fields.text("title", required: false, log: &log)
        let date = fields.text("date", log: &log).flatMap {
            eventDate($0, qualifier: nil, at: fields["date"], in: fields, log: &log)
        }
        let language = fields.text("language", log: &log)
        if let language, !Language.isValidCode(language) {
            fields.error(
                "'\(language)' is not a language code; use a BCP 47 code such as en or el",
                at: fields["language"], log: &log)
        }
        var url: URL?
        if let text = fields.text("url", required: false, log: &log) {
            url = URL(string: text)
            if url == nil || !["http", "https"].contains(url?.scheme) || url?.host?.isEmpty != false
            {
                fields.error(
                    "'\(text)' is not an absolute http or https address", at: fields["url"],
                    log: &log)
            }
        }
        guard log.errorCount == errorsBefore, let date, let language else {
            return nil
        }
        return Source(publisher: publisher, title: title, date: date, language: language, url: url)
    }

    // MARK: Notes

    /// A note: front matter between two `---` lines with `title`, `summary` and optionally
    /// `label`, then
    /// Markdown. `nil` when it has errors, which are logged.
    static func readNote(_ text: String, file: String, log: inout ProblemLog) -> Note? {
        guard let (lines, closing, lineStart) = frontMatter(of: text) else {
            log.error(
                "a note starts with front matter: a line `---`, then `title:` and `summary:` lines, "
                    + "then another `---`",
                in: file, line: 1)
            return nil
        }
        let body = String(text[lineStart...])
        let errorsBefore = log.errorCount
        let translatedFromLine = lines[1..<closing].firstIndex {
            $0.hasPrefix("translated_from:")
        }.map { $0 + 1 }
        let frontMatter = lines[1..<closing].joined(separator: "\n")
        let root = YAMLDocument.parse(frontMatter, file: file, lineOffset: 1, log: &log)
        guard log.errorCount == errorsBefore else { return nil }
        guard
            let fields = YAMLFields(
                root ?? Node.mapping(.init([])), known: noteFields,
                describedAs: "a note's front matter", file: file, lineOffset: 1, log: &log)
        else { return nil }
        let title = fields.text("title", log: &log)
        let summary = fields.text("summary", log: &log)
        let label = fields.text("label", required: false, log: &log)
        let translatedFrom = fields.text("translated_from", required: false, log: &log)
        if let translatedFrom, !isTranslationHash(translatedFrom) {
            fields.error(
                "translated_from '\(translatedFrom)' is not a hash written by sitegen: 8 hex "
                    + "digits; run `sitegen check --mark-translated SLUG LANGUAGE` to set it",
                at: fields["translated_from"], log: &log)
        }
        let paragraphs = fields.text("translated_paragraphs", required: false, log: &log)
        if body.allSatisfy(\.isWhitespace) {
            log.warning(
                "the note has a title and a summary but no text", in: file, line: closing + 2)
        }
        guard log.errorCount == errorsBefore, let title, let summary else { return nil }
        return Note(
            title: title, summary: summary, label: label, body: body, bodyLine: closing + 2,
            file: file, translatedFrom: translatedFrom,
            translatedParagraphs: paragraphHashes(paragraphs),
            translatedFromLine: translatedFromLine)
    }

    /// A note's front matter cut into lines, from the opening `---` to the closing one (its
    /// index), and where the text after it starts; `nil` when the note does not open with
    /// front matter. Only the front matter is cut into lines (by bytes, which is fast).
    private static func frontMatter(of text: String) -> (
        lines: [Substring], closing: Int, bodyStart: String.Index
    )? {
        var lines: [Substring] = []
        var lineStart = text.startIndex
        var closing: Int?
        for index in text.utf8.indices where text.utf8[index] == 0x0A {
            lines.append(text[lineStart..<index])
            lineStart = text.utf8.index(after: index)
            let fence = lines.last!.trimmingSpaces()
            if lines.count == 1, fence != "---" { break }
            if lines.count > 1, fence == "---" || fence == "..." {
                closing = lines.count - 1
                break
            }
        }
        if closing == nil, lines.count >= 1, lineStart < text.endIndex,
            ["---", "..."].contains(text[lineStart...].trimmingSpaces())
        {
            lines.append(text[lineStart...])
            lineStart = text.endIndex
            closing = lines.count - 1
        }
        guard lines.first?.trimmingSpaces() == "---", let closing else {
            return nil
        }
        return (lines, closing, lineStart)
    }

    /// Whether a `translated_from` value has the form sitegen writes: 8 lowercase hex digits.
    static func isTranslationHash(_ text: String) -> Bool {
        text.count == 8 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The paragraph hashes of `translated_paragraphs`, which are separated by spaces.
    private static func paragraphHashes(_ text: String?) -> [String] {
        text.map { $0.split(separator: " ").map(String.init) } ?? []
    }
}
