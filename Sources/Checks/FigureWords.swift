import Foundation

/// How a language writes amounts of money: the words for a thousand, a million and a
/// billion (in every form and abbreviation a note may use), the words for currencies, and
/// the little words that may stand between them ("10 miliardi di dollari").
///
/// Scale words are matched whole and without case; currency words by their start, so
/// that "доларів", "долари" and "долара" all match "долар".
struct FigureWords: Sendable {
    /// Scale words and their factors.
    var scales: [String: Decimal]
    /// The starts of currency words, and the ISO 4217 code each names.
    var currencyStems: [String: String]
    /// Words that may stand between a scale word and a currency word.
    var connectors: Set<String>
    /// Words that are a figure on their own, such as Arabic's dual "ملياري" (two billion).
    var numberWords: [String: Decimal] = [:]
    /// Letters that may be written onto the start of a word, such as Arabic's "بـ" (by).
    var wordPrefixes: [String] = []

    /// Currency symbols, in any language, and the code each stands for.
    static let symbols: [String: String] = ["$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"]

    private static let thousand = Decimal(1_000)
    private static let million = Decimal(1_000_000)
    private static let billion = Decimal(1_000_000_000)
    private static let trillion = Decimal(1_000_000_000_000)

    /// The words of each language sitegen knows, by primary language subtag.
    static let byLanguage: [String: FigureWords] = [
        "en": FigureWords(
            scales: [
                "thousand": thousand, "k": thousand, "million": million, "millions": million,
                "m": million, "mn": million, "billion": billion, "billions": billion,
                "b": billion, "bn": billion, "trillion": trillion, "tn": trillion,
            ],
            currencyStems: ["dollar": "USD", "usd": "USD", "euro": "EUR", "eur": "EUR"],
            connectors: ["of", "us"]),
        "el": FigureWords(
            scales: [
                "χιλ.": thousand, "χιλιάδες": thousand, "εκατ.": million,
                "εκατομμύριο": million, "εκατομμύρια": million, "εκατομμυρίων": million,
                "δισ.": billion, "δις": billion, "δισ": billion, "δισεκατομμύριο": billion,
                "δισεκατομμύρια": billion, "δισεκατομμυρίων": billion, "τρισ.": trillion,
            ],
            currencyStems: ["δολάρ": "USD", "δολαρ": "USD", "ευρώ": "EUR"],
            connectors: ["αμερικανικά", "ηπα"]),
        "uk": FigureWords(
            scales: [
                "тис.": thousand, "тисяч": thousand, "млн": million, "млн.": million,
                "мільйон": million, "мільйона": million, "мільйони": million,
                "мільйонів": million, "млрд": billion, "млрд.": billion, "мільярд": billion,
                "мільярда": billion, "мільярди": billion, "мільярдів": billion,
                "трлн": trillion,
            ],
            currencyStems: ["долар": "USD", "дол.": "USD", "євро": "EUR"],
            connectors: ["сша", "американських"]),
        "it": FigureWords(
            scales: [
                "mila": thousand, "milione": million, "milioni": million, "mln": million,
                "miliardo": billion, "miliardi": billion, "mld": billion, "mld.": billion,
            ],
            currencyStems: ["dollar": "USD", "euro": "EUR"],
            connectors: ["di", "d’", "d'"]),
        "ar": FigureWords(
            scales: [
                "ألف": thousand, "آلاف": thousand, "مليون": million, "ملايين": million,
                "مليار": billion, "مليارات": billion, "بليون": billion, "تريليون": trillion,
            ],
            currencyStems: ["دولار": "USD", "يورو": "EUR"],
            connectors: ["من"],
            numberWords: [
                "ملياري": 2 * billion, "مليارا": 2 * billion, "مليوني": 2 * million,
                "مليونا": 2 * million,
            ],
            wordPrefixes: ["بـ", "ب", "و", "ف", "ل", "ك"]),
    ]

    /// The words for a language, by its primary subtag; for a language sitegen does not
    /// know, every known language's words together.
    static func forLanguage(_ code: String) -> FigureWords {
        let primary = String(code.prefix { $0 != "-" })
        if let words = byLanguage[primary] { return words }
        var all = FigureWords(scales: [:], currencyStems: [:], connectors: [])
        for words in byLanguage.values {
            all.scales.merge(words.scales) { first, _ in first }
            all.currencyStems.merge(words.currencyStems) { first, _ in first }
            all.connectors.formUnion(words.connectors)
        }
        return all
    }

    /// The currency a word names, if it starts with one of the language's currency stems.
    func currency(named word: String) -> String? {
        let lowered = word.lowercased()
        if let code = Self.symbols[word] { return code }
        return currencyStems.first { lowered.hasPrefix($0.key) }?.value
    }
}
