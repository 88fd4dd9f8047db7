/// How a language writes a date of one precision with one qualifier, a pattern under
/// `dates:` in `i18n/<code>.yml`, such as `late_month: "наприкінці {month_of} {year} року"`.
public enum DateForm: String, Sendable, Hashable, CaseIterable {
    /// A year: "2016".
    case year
    /// A month: "травень 2025".
    case month
    /// A day: "8 червня 2025 року".
    case day
    /// Early in a year: "на початку 2025 року".
    case earlyYear = "early_year"
    /// In the middle of a year.
    case midYear = "mid_year"
    /// Late in a year.
    case lateYear = "late_year"
    /// About a year.
    case aboutYear = "about_year"
    /// Early in a month: "αρχές Ιουνίου 2025".
    case earlyMonth = "early_month"
    /// In the middle of a month.
    case midMonth = "mid_month"
    /// Late in a month: "τέλη Μαΐου 2025".
    case lateMonth = "late_month"
    /// About a month.
    case aboutMonth = "about_month"
    /// About a day.
    case aboutDay = "about_day"

    /// The placeholders every pattern of this form must contain once: `{year}`, and for a
    /// day `{day}`; a month or a day also needs one of ``monthPlaceholders``.
    public var requiredPlaceholders: [String] {
        switch self {
        case .year, .earlyYear, .midYear, .lateYear, .aboutYear: ["year"]
        case .month, .earlyMonth, .midMonth, .lateMonth, .aboutMonth: ["year"]
        case .day, .aboutDay: ["day", "year"]
        }
    }

    /// Whether the pattern names a month, as `{month}` (the name standing alone:
    /// "травень", "Μάιος") or `{month_of}` (the form inside a date: "травня", "Μαΐου").
    public var hasMonth: Bool {
        ![.year, .earlyYear, .midYear, .lateYear, .aboutYear].contains(self)
    }

    /// The two ways a pattern may name the month.
    public static let monthPlaceholders = ["month", "month_of"]
}

/// A pattern in each plural form a language needs, such as Arabic's
/// `few: "{number} مليارات دولار"` and `many: "{number} مليار دولار"`.
public struct PluralForms: Sendable, Hashable {
    /// The pattern of each category; every category of the language has one.
    public let patterns: [PluralCategory: String]

    /// Creates plural forms.
    public init(_ patterns: [PluralCategory: String]) {
        self.patterns = patterns
    }

    /// The pattern for a category, or the `other` one.
    public func pattern(for category: PluralCategory) -> String {
        patterns[category] ?? patterns[.other] ?? "{number}"
    }
}

/// How a language writes sums in one currency, in words: a pattern with `{number}` for each
/// scale, in each plural form.
public struct AmountWords: Sendable, Hashable {
    /// The size a figure is written in.
    public enum Scale: String, Sendable, Hashable, CaseIterable {
        /// Below a million, written in full: "9,000 dollars".
        case units
        /// Millions: "870 million dollars".
        case millions
        /// Billions (thousands of millions): "10 miliardi di dollari".
        case billions
        /// Millions in a few characters, for the timeline graphic: "870 εκατ. $".
        case shortMillions = "short_millions"
        /// Billions in a few characters, for the timeline graphic: "10 mld di $".
        case shortBillions = "short_billions"
    }

    /// The forms of each scale.
    public let scales: [Scale: PluralForms]

    /// Creates the words of a currency; every scale must have its forms.
    public init(_ scales: [Scale: PluralForms]) {
        precondition(Set(scales.keys) == Set(Scale.allCases), "every scale is needed")
        self.scales = scales
    }
}
