/// A CLDR plural category: which grammatical form a number takes in a language.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Arabic 0.
    case zero
    /// 1 in most languages.
    case one
    /// Arabic 2.
    case two
    /// Ukrainian 2–4, 22–24…; Arabic 3–10, 103–110…
    case few
    /// Ukrainian 5–20, 25–30…; Arabic 11–99…; Italian whole millions.
    case many
    /// Everything else, fractions included in most languages.
    case other

    /// Categories order as CLDR lists them.
    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The CLDR plural rules of a language (cardinal numbers), for the languages the site is
/// written in. Foundation on Linux exposes no plural rules (no `PluralRules`, no automatic
/// grammar agreement), so the rules of CLDR 44's `plurals.xml` are written out here.
///
/// A number is read as CLDR's operands from its decimal digits as written: `n` its
/// absolute value, `i` its integer digits, `v` how many fraction digits are shown ("2.50"
/// has `v` = 2). The compact exponent `e` is always 0: figures are written in full.
public struct PluralRules: Sendable, Hashable {
    /// The language's primary subtag, such as `uk`.
    public let language: String

    /// The rules of a language, by its BCP 47 code's primary subtag; languages without
    /// rules here use `other` for every number.
    public init(languageCode: String) {
        language = String(languageCode.split(separator: "-").first ?? "").lowercased()
    }

    /// Whether the rules of the language are known; otherwise every number is `other`.
    public var isKnown: Bool { ["en", "el", "uk", "it", "ar"].contains(language) }

    /// The categories the language uses, in CLDR's order: a translation needs a form for
    /// each.
    public var categories: [PluralCategory] {
        switch language {
        case "en", "el": [.one, .other]
        case "it": [.one, .many, .other]
        case "uk": [.one, .few, .many, .other]
        case "ar": PluralCategory.allCases
        default: [.other]
        }
    }

    /// The category of a whole number.
    public func category(of number: Int) -> PluralCategory {
        category(ofDecimal: String(number))
    }

    /// The category of a number written with ASCII digits and an optional `.` and fraction
    /// digits, such as `"870"` or `"2.5"`; a leading `-` is ignored.
    public func category(ofDecimal text: String) -> PluralCategory {
        let operands = Operands(text)
        switch language {
        case "en": return english(operands)
        case "it": return italian(operands)
        case "el": return greek(operands)
        case "uk": return ukrainian(operands)
        case "ar": return arabic(operands)
        default: return .other
        }
    }

    // MARK: The rules, as CLDR writes them

    /// English — one: `i = 1 and v = 0`.
    private func english(_ o: Operands) -> PluralCategory {
        o.i == 1 && o.v == 0 ? .one : .other
    }

    /// Italian — one: `i = 1 and v = 0`; many: `e = 0 and i != 0 and i % 1000000 = 0 and
    /// v = 0 or e != 0..5`.
    private func italian(_ o: Operands) -> PluralCategory {
        if o.i == 1 && o.v == 0 { return .one }
        if o.i != 0 && o.i % 1_000_000 == 0 && o.v == 0 { return .many }
        return .other
    }

    /// Greek — one: `n = 1`.
    private func greek(_ o: Operands) -> PluralCategory {
        o.isInteger && o.i == 1 ? .one : .other
    }

    /// Ukrainian — one: `v = 0 and i % 10 = 1 and i % 100 != 11`; few: `v = 0 and
    /// i % 10 = 2..4 and i % 100 != 12..14`; many: `v = 0 and i % 10 = 0 or v = 0 and
    /// i % 10 = 5..9 or v = 0 and i % 100 = 11..14`.
    private func ukrainian(_ o: Operands) -> PluralCategory {
        guard o.v == 0 else { return .other }
        let (ten, hundred) = (o.i % 10, o.i % 100)
        if ten == 1 && hundred != 11 { return .one }
        if (2...4).contains(ten) && !(12...14).contains(hundred) { return .few }
        return .many
    }

    /// Arabic — zero: `n = 0`; one: `n = 1`; two: `n = 2`; few: `n % 100 = 3..10`; many:
    /// `n % 100 = 11..99`. A range matches whole values only, so 3.5 is `other`.
    private func arabic(_ o: Operands) -> PluralCategory {
        guard o.isInteger else { return .other }
        switch o.i {
        case 0: return .zero
        case 1: return .one
        case 2: return .two
        default: break
        }
        if (3...10).contains(o.i % 100) { return .few }
        if (11...99).contains(o.i % 100) { return .many }
        return .other
    }

    /// CLDR's operands of a number as written.
    private struct Operands {
        /// The integer digits' value (`i`); saturates for numbers too large for `Int`.
        var i = 0
        /// How many fraction digits are shown (`v`).
        var v = 0
        /// Whether every fraction digit shown is 0, so that `n` is a whole number.
        var isInteger = true

        init(_ text: String) {
            var inFraction = false
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "."): inFraction = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let digit = Int(byte - UInt8(ascii: "0"))
                    if inFraction {
                        v += 1
                        if digit != 0 { isInteger = false }
                    } else {
                        // Only the last six digits matter to every rule above (i % 1000000),
                        // and whether the number is 0, 1 or 2.
                        let (product, overflow) = i.multipliedReportingOverflow(by: 10)
                        i = overflow ? (i % 1_000_000) * 10 + digit + 1_000_000 : product + digit
                    }
                default: continue
                }
            }
        }
    }
}
