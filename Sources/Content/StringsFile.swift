import Timeline
import Yams

/// Reading `i18n/<code>.yml`: the flat interface strings, then `dates:` (a pattern per
/// precision and qualifier), `amounts:` (per currency, per scale, a form per plural
/// category), `event_count:` (a form per plural category), `tag_labels:`, and the optional `language_names:` and `publisher_names:`.
enum StringsFile {
    static let sections = [
        "dates", "amounts", "event_count", "language_names", "tag_labels", "publisher_names",
    ]

    /// The interface strings of one language; `nil` when the file has errors, which are
    /// logged.
    static func read(_ text: String, language: String, file: String, log: inout ProblemLog)
        -> InterfaceStrings?
    {
        let errorsBefore = log.errorCount
        let keys = InterfaceStrings.Key.allCases.map(\.rawValue) + sections
        guard let root = YAMLDocument.parse(text, file: file, log: &log),
            let fields = YAMLFields(
                root, known: keys, describedAs: "an interface strings file", file: file, log: &log)
        else { return nil }
        var strings: [InterfaceStrings.Key: String] = [:]
        for key in InterfaceStrings.Key.allCases {
            guard let value = fields.text(key.rawValue, log: &log) else { continue }
            if check(
                value, named: key.rawValue, needs: key.placeholders, at: fields[key.rawValue],
                in: fields, log: &log)
            {
                strings[key] = value
            }
        }
        let rules = PluralRules(languageCode: language)
        let dates = readDates(fields, log: &log)
        let amounts = readAmounts(fields, rules: rules, log: &log)
        let eventCount = fields.required("event_count", log: &log).flatMap {
            readForms($0, named: "event_count", rules: rules, in: fields, log: &log)
        }
        let languageNames = readNames(fields, section: "language_names", log: &log)
        let tagLabels = readNames(fields, section: "tag_labels", log: &log)
        let publisherNames = readNames(fields, section: "publisher_names", log: &log)
        guard log.errorCount == errorsBefore, let eventCount else { return nil }
        return InterfaceStrings(
            strings, dates: dates, amounts: amounts, eventCount: eventCount,
            languageNames: languageNames,
            tagLabels: tagLabels, publisherNames: publisherNames, pluralRules: rules)
    }

    /// Whether a string has exactly the placeholders it needs, each once; logs an error
    /// naming them when not. `oneOf` lists placeholders of which exactly one must be there.
    private static func check(
        _ value: String, named name: String, needs wanted: [String], oneOf choices: [String] = [],
        at node: Node?, in fields: YAMLFields, log: inout ProblemLog
    ) -> Bool {
        let found = InterfaceStrings.placeholders(in: value)
        let chosen = found.filter { choices.contains($0) }
        let rest = found.filter { !choices.contains($0) }
        if rest.sorted() == wanted.sorted(), chosen.count == (choices.isEmpty ? 0 : 1) {
            return true
        }
        var needed = wanted.map { "{\($0)}" }
        if !choices.isEmpty { needed.append(choices.map { "{\($0)}" }.joined(separator: " or ")) }
        fields.error(
            "'\(name)' must contain "
                + (needed.isEmpty
                    ? "no {placeholder}" : needed.joined(separator: " and ") + " once")
                + "; it has "
                + (found.isEmpty ? "none" : found.map { "{\($0)}" }.joined(separator: ", ")),
            at: node, log: &log)
        return false
    }

    /// `dates:`: a pattern for every ``DateForm``.
    private static func readDates(_ fields: YAMLFields, log: inout ProblemLog) -> [DateForm: String]
    {
        guard let node = fields.required("dates", log: &log),
            let dates = YAMLFields(
                node, known: DateForm.allCases.map(\.rawValue), describedAs: "'dates'",
                file: fields.file, lineOffset: fields.lineOffset, log: &log)
        else { return [:] }
        var patterns: [DateForm: String] = [:]
        for form in DateForm.allCases {
            guard let value = dates.text(form.rawValue, log: &log) else { continue }
            if check(
                value, named: "dates." + form.rawValue, needs: form.requiredPlaceholders,
                oneOf: form.hasMonth ? DateForm.monthPlaceholders : [], at: dates[form.rawValue],
                in: dates, log: &log)
            {
                patterns[form] = value
            }
        }
        return patterns
    }

    /// `amounts:`: for each currency, every scale in every plural form the language needs.
    private static func readAmounts(
        _ fields: YAMLFields, rules: PluralRules, log: inout ProblemLog
    ) -> [String: AmountWords] {
        guard let node = fields.required("amounts", log: &log) else { return [:] }
        guard case .mapping(let currencies) = node else {
            fields.error(
                "'amounts' must give the words of each currency, such as `USD:`", at: node,
                log: &log)
            return [:]
        }
        var words: [String: AmountWords] = [:]
        for (key, value) in currencies {
            let code = key.string ?? ""
            guard
                let scales = YAMLFields(
                    value, known: AmountWords.Scale.allCases.map(\.rawValue),
                    describedAs: "the words of \(code)", file: fields.file,
                    lineOffset: fields.lineOffset, log: &log)
            else { continue }
            var forms: [AmountWords.Scale: PluralForms] = [:]
            for scale in AmountWords.Scale.allCases {
                guard let node = scales.required(scale.rawValue, log: &log) else { continue }
                let name = "amounts.\(code).\(scale.rawValue)"
                if let plural = readForms(node, named: name, rules: rules, in: scales, log: &log) {
                    forms[scale] = plural
                }
            }
            if forms.count == AmountWords.Scale.allCases.count { words[code] = AmountWords(forms) }
        }
        return words
    }

    /// A pattern in each plural category of the language, each with `{number}` once.
    private static func readForms(
        _ node: Node, named name: String, rules: PluralRules, in parent: YAMLFields,
        log: inout ProblemLog
    ) -> PluralForms? {
        let categories = rules.categories.map(\.rawValue)
        let described = "'\(name)' (a pattern per plural form of the language)"
        guard
            let fields = YAMLFields(
                node, known: categories, describedAs: described, file: parent.file,
                lineOffset: parent.lineOffset, log: &log)
        else { return nil }
        var patterns: [PluralCategory: String] = [:]
        for category in rules.categories {
            guard fields[category.rawValue] != nil else {
                fields.error(
                    "'\(name)' has no '\(category.rawValue)' form; the language needs "
                        + categories.joined(separator: ", "),
                    at: node, log: &log)
                continue
            }
            guard let value = fields.text(category.rawValue, log: &log) else { continue }
            // `{number}` may be left out where the word says the number (Arabic "ملياري
            // دولار", two billion dollars).
            let found = InterfaceStrings.placeholders(in: value)
            guard found.allSatisfy({ $0 == "number" }), found.count <= 1 else {
                fields.error(
                    "'\(name).\(category.rawValue)' may contain {number} once and no other "
                        + "{placeholder}; it has "
                        + found.map { "{\($0)}" }.joined(separator: ", "),
                    at: fields[category.rawValue], log: &log)
                continue
            }
            patterns[category] = value
        }
        return patterns.count == categories.count ? PluralForms(patterns) : nil
    }

    /// An optional mapping of names to texts, such as `tag_labels:`.
    private static func readNames(_ fields: YAMLFields, section: String, log: inout ProblemLog)
        -> [String: String]
    {
        guard let node = fields[section] else { return [:] }
        guard case .mapping(let mapping) = node else {
            fields.error("'\(section)' must be a set of `name: text` lines", at: node, log: &log)
            return [:]
        }
        var names: [String: String] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if names[name] != nil {
                fields.error(
                    "'\(name)' appears twice in '\(section)'; keep one", at: key, log: &log)
            } else if let text = fields.text(of: value, field: "\(section).\(name)", log: &log) {
                names[name] = text
            }
        }
        return names
    }
}
