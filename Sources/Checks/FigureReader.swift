import Foundation

/// A figure a note states: an amount of money or a year, and where.
struct StatedFigure: Hashable {
    /// What the figure is.
    enum Value: Hashable, Comparable {
        /// A sum of money, in whole units of an ISO 4217 currency.
        case money(Decimal, currency: String)
        /// A calendar year.
        case year(Int)

        static func < (lhs: Value, rhs: Value) -> Bool { lhs.sortKey < rhs.sortKey }

        private var sortKey: String {
            switch self {
            case .money(let value, let currency): "m \(currency) \(value)"
            case .year(let year): "y \(year)"
            }
        }
    }

    /// What the figure is.
    var value: Value
    /// The 1-based line of the file.
    var line: Int
    /// The 1-based column, in characters.
    var column: Int
}

/// Reads the figures of a note's text the way its language writes them: numbers parsed
/// with ICU for the note's locale (Arabic-Indic digits with the `arab` numbering system),
/// then a scale word ("δισ.", "млрд", "miliardi", "مليارات", "B") and a currency word or
/// symbol around them. A number with a currency is money; a four-digit number from 1900 to
/// 2100 with neither a scale nor a currency is a year; any other number is left alone.
struct FigureReader {
    private let words: FigureWords
    private let latinFormatter: NumberFormatter
    private let arabicFormatter: NumberFormatter

    /// Creates a reader for a language, by its BCP 47 code.
    init(language: String) {
        words = FigureWords.forLanguage(language)
        latinFormatter = NumberFormatter()
        latinFormatter.locale = Locale(identifier: language)
        latinFormatter.numberStyle = .decimal
        arabicFormatter = NumberFormatter()
        arabicFormatter.locale = Locale(identifier: "\(language)@numbers=arab")
        arabicFormatter.numberStyle = .decimal
    }

    /// Characters that may stand between the digits of one number.
    private static let separators: Set<Character> = [
        ".", ",", "\u{066B}", "\u{066C}", "\u{00A0}", "\u{202F}", "'", "’",
    ]

    /// Whether a line may hold a figure: it has a digit of any script, or the language has
    /// words that are figures on their own. Most lines have none, and are skipped cheaply.
    func mayHoldFigures(_ line: some StringProtocol) -> Bool {
        !words.numberWords.isEmpty
            || line.unicodeScalars.contains {
                $0.isASCII
                    ? (0x30...0x39).contains($0.value) : $0.properties.numericType == .decimal
            }
    }

    /// The figures of one line (already masked: links, code and comments blanked out),
    /// which is line `lineNumber` of its file.
    func figures(in line: String, lineNumber: Int) -> [StatedFigure] {
        let characters = Array(line)
        var figures: [StatedFigure] = []
        var index = 0
        while index < characters.count {
            if characters[index].isLetter, index == 0 || !characters[index - 1].isLetter,
                let (value, end) = numberWord(characters, at: index)
            {
                figures.append(StatedFigure(value: value, line: lineNumber, column: index + 1))
                index = end
                continue
            }
            guard Self.digitValue(characters[index]) != nil,
                index == 0 || !Self.isWordCharacter(characters[index - 1])
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count {
                if Self.digitValue(characters[end]) != nil {
                    end += 1
                } else if Self.separators.contains(characters[end]), end + 1 < characters.count,
                    Self.digitValue(characters[end + 1]) != nil
                {
                    end += 1
                } else {
                    break
                }
            }
            if let figure = figure(characters, start: index, end: end) {
                figures.append(StatedFigure(value: figure, line: lineNumber, column: index + 1))
            }
            index = end
        }
        return figures
    }

    /// The figure a number at `start..<end` makes with the words around it.
    private func figure(_ characters: [Character], start: Int, end: Int) -> StatedFigure.Value? {
        let token = String(characters[start..<end])
        // Letters written straight after the digits: a scale ("870M", "10bn") or nothing
        // this reader knows ("4o", "10th"), which makes the number no figure.
        var cursor = end
        while cursor < characters.count, characters[cursor].isLetter { cursor += 1 }
        var scale: Decimal?
        if cursor > end {
            let suffix = String(characters[end..<cursor]).lowercased()
            guard let factor = words.scales[suffix] else { return nil }
            scale = factor
        } else if let (factor, after) = scaleWord(characters, from: end) {
            scale = factor
            cursor = after
        }
        let currency = currencyBefore(characters, start) ?? currencyAfter(characters, cursor)
        guard let number = parse(token) else { return nil }
        if let currency {
            return .money(number * (scale ?? 1), currency: currency)
        }
        let digits = token.compactMap(Self.digitValue)
        guard scale == nil, digits.count == token.count, digits.count == 4 else { return nil }
        let year = digits.reduce(0) { $0 * 10 + $1 }
        return (1900...2100).contains(year) ? .year(year) : nil
    }

    /// A word that is a figure on its own followed by a currency, such as "ملياري دولار"
    /// (two billion dollars), and the index after them.
    private func numberWord(_ characters: [Character], at start: Int) -> (
        StatedFigure.Value, Int
    )? {
        guard !words.numberWords.isEmpty, let (word, after) = Self.word(characters, from: start)
        else { return nil }
        let candidates =
            [word]
            + words.wordPrefixes.filter(word.hasPrefix).map {
                String(word.dropFirst($0.count))
            }
        guard let value = candidates.lazy.compactMap({ self.words.numberWords[$0] }).first,
            let currency = currencyAfter(characters, after)
        else { return nil }
        return (.money(value, currency: currency), after)
    }

    /// A scale word after the number (past spaces), and the index after it.
    private func scaleWord(_ characters: [Character], from start: Int) -> (Decimal, Int)? {
        guard let (word, after) = Self.word(characters, from: start) else { return nil }
        let lowered = word.lowercased()
        if let factor = words.scales[lowered] { return (factor, after) }
        if lowered.hasSuffix("."), let factor = words.scales[String(lowered.dropLast())] {
            return (factor, after)
        }
        return nil
    }

    /// A currency symbol just before the number ("$10", "US$ 10", "€ 10").
    private func currencyBefore(_ characters: [Character], _ start: Int) -> String? {
        var index = start
        if index > 0, characters[index - 1] == " " { index -= 1 }
        for (symbol, code) in FigureWords.symbols where index >= symbol.count {
            if String(characters[(index - symbol.count)..<index]) == symbol { return code }
        }
        return nil
    }

    /// A currency symbol or word after the number and its scale, past at most one
    /// connecting word ("di dollari").
    private func currencyAfter(_ characters: [Character], _ start: Int) -> String? {
        var cursor = start
        for _ in 0..<2 {
            guard let (word, after) = Self.word(characters, from: cursor) else { return nil }
            let bare = String(word.reversed().drop { $0.isPunctuation }.reversed())
            if let code = words.currency(named: word) ?? words.currency(named: bare) {
                return code
            }
            guard words.connectors.contains(bare.lowercased()) else { return nil }
            cursor = after
        }
        return nil
    }

    /// The word (letters, or a run of symbols such as `$`, with a trailing `.` kept) that
    /// starts after spaces at `start`, and the index after it.
    private static func word(_ characters: [Character], from start: Int) -> (String, Int)? {
        var index = start
        while index < characters.count, characters[index] == " " || characters[index] == "\u{00A0}"
        {
            index += 1
        }
        guard index - start <= 2, index < characters.count else { return nil }
        var end = index
        if characters[index].isLetter {
            while end < characters.count,
                characters[end].isLetter || characters[end] == "’" || characters[end] == "'"
            {
                end += 1
            }
            if end < characters.count, characters[end] == "." { end += 1 }
        } else if characters[index] == "$" || characters[index] == "€" || characters[index] == "£" {
            end += 1
        } else {
            return nil
        }
        return (String(characters[index..<end]), end)
    }

    /// A number parsed with ICU for the note's locale; Arabic-Indic digits with the `arab`
    /// numbering system. Plain digits that ICU cannot read are added up by their values.
    private func parse(_ token: String) -> Decimal? {
        let isArabic = token.unicodeScalars.contains { (0x0660...0x0669).contains($0.value) }
        let formatter = isArabic ? arabicFormatter : latinFormatter
        if let number = formatter.number(from: token) { return number.decimalValue }
        let digits = token.compactMap(Self.digitValue)
        guard digits.count == token.count, digits.count <= 18 else { return nil }
        return Decimal(digits.reduce(0) { $0 * 10 + $1 })
    }

    /// The value of a decimal digit of any script, such as `٤` (4).
    static func digitValue(_ character: Character) -> Int? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
            scalar.properties.numericType == .decimal,
            let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// Whether a character joins a number into a word ("Llama3", "A1"). Arabic letters do
    /// not: Arabic writes prepositions straight onto numbers ("بـ10").
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let scalar = character.unicodeScalars.first, (0x0600...0x06FF).contains(scalar.value) {
            return digitValue(character) != nil
        }
        return character.isLetter || digitValue(character) != nil || character == "_"
    }
}
