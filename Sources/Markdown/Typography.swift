/// A pair of quotation marks: the one that opens a quotation and the one that closes it.
public struct QuotationMarks: Sendable, Hashable {
    /// The mark that opens a quotation, such as `“` or `«`.
    public var opening: Character

    /// The mark that closes a quotation, such as `”` or `»`.
    public var closing: Character

    /// Creates a pair of quotation marks.
    public init(opening: Character, closing: Character) {
        self.opening = opening
        self.closing = closing
    }
}

extension QuotationMarks {
    /// « and ».
    public static let guillemets = QuotationMarks(opening: "\u{00AB}", closing: "\u{00BB}")

    /// “ and ”.
    public static let doubleCurly = QuotationMarks(opening: "\u{201C}", closing: "\u{201D}")

    /// ‘ and ’.
    public static let singleCurly = QuotationMarks(opening: "\u{2018}", closing: "\u{2019}")
}

/// The typographic conventions of a language, applied to the straight punctuation an author
/// types: `"…"` becomes the language's quotation marks, `'…'` its inner quotation marks,
/// a lone `'` an apostrophe, `--` an en dash, `---` an em dash and `...` an ellipsis.
///
/// Only straight ASCII punctuation is changed: marks the author typed as `«`, `“` or `’`
/// stay as they are, and so does everything inside code spans and code blocks.
public struct Typography: Sendable, Hashable {
    /// The marks that replace `"…"`.
    public var quotationMarks: QuotationMarks

    /// The marks that replace `'…'`, used for a quotation inside a quotation.
    public var innerQuotationMarks: QuotationMarks

    /// The character that replaces a `'` that does not close a quotation, as in `don't`.
    public var apostrophe: Character

    /// Creates typographic conventions.
    public init(
        quotationMarks: QuotationMarks,
        innerQuotationMarks: QuotationMarks,
        apostrophe: Character = "\u{2019}"
    ) {
        self.quotationMarks = quotationMarks
        self.innerQuotationMarks = innerQuotationMarks
        self.apostrophe = apostrophe
    }

    /// English: “double” and ‘single’ curly quotes.
    public static let english = Typography(
        quotationMarks: .doubleCurly, innerQuotationMarks: .singleCurly)

    /// Greek: «εισαγωγικά» outside, “διπλά” inside.
    public static let greek = Typography(
        quotationMarks: .guillemets, innerQuotationMarks: .doubleCurly)

    /// Ukrainian: «лапки-ялинки» outside, „лапки-лапки“ inside.
    public static let ukrainian = Typography(
        quotationMarks: .guillemets,
        innerQuotationMarks: QuotationMarks(opening: "\u{201E}", closing: "\u{201C}"))

    /// Italian: «caporali» outside, “alte doppie” inside.
    public static let italian = Typography(
        quotationMarks: .guillemets, innerQuotationMarks: .doubleCurly)

    /// Arabic: «مزدوجتان» outside, “مزدوجتان” inside. Both pairs are mirrored by the
    /// bidirectional algorithm, so they face the right way in right-to-left text.
    public static let arabic = Typography(
        quotationMarks: .guillemets, innerQuotationMarks: .doubleCurly)

    /// The conventions for a BCP 47 language tag such as `el` or `en-GB`, or `nil` when the
    /// language is not one the renderer knows: its punctuation is then left as typed rather
    /// than given another language's quotation marks.
    public init?(languageCode: String) {
        let primary = languageCode.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .first.map { $0.lowercased() }
        switch primary {
        case "en": self = .english
        case "el": self = .greek
        case "uk": self = .ukrainian
        case "it": self = .italian
        case "ar": self = .arabic
        default: return nil
        }
    }
}
