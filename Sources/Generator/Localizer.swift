import Content
import Foundation
import Timeline

/// Dates, amounts and language names written the way one language writes them: the
/// phrasing from the language's `i18n/<code>.yml`, month names and digits from ICU, the
/// grammatical number from CLDR's plural rules. One localizer per language and build: its
/// formatters are made once.
struct Localizer: Sendable {
    /// How long an amount may be.
    enum AmountStyle: Sendable, Hashable {
        /// As a newspaper writes it in running text: "870 εκατ. δολάρια".
        case full
        /// A few characters, for the timeline graphic's labels: "870 εκατ. $".
        case short
    }

    let language: Language
    let strings: InterfaceStrings
    private let locale: Locale
    private let calendar: Calendar
    private let yearStyle: Date.VerbatimFormatStyle
    private let monthStyle: Date.VerbatimFormatStyle
    private let monthOfStyle: Date.VerbatimFormatStyle
    private let dayStyle: Date.VerbatimFormatStyle
    private let shortMonthStyle: Date.VerbatimFormatStyle
    private var dateTexts: [EventDate: String] = [:]
    private var amountTexts: [AmountKey: String] = [:]
    private var languageNames: [String: String] = [:]

    private struct AmountKey: Hashable {
        let amount: Amount
        let style: AmountStyle
    }

    init(language: Language, strings: InterfaceStrings) {
        self.language = language
        self.strings = strings
        let locale = Locale(identifier: language.code)
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        calendar.locale = locale
        self.locale = locale
        self.calendar = calendar
        func style(_ format: Date.FormatString) -> Date.VerbatimFormatStyle {
            Date.VerbatimFormatStyle(
                format: format, locale: locale, timeZone: utc, calendar: calendar)
        }
        yearStyle = style("\(year: .defaultDigits)")
        monthStyle = style("\(standaloneMonth: .wide)")
        monthOfStyle = style("\(month: .wide)")
        dayStyle = style("\(day: .defaultDigits)")
        shortMonthStyle = style("\(standaloneMonth: .abbreviated)")
    }

    /// A month's short name standing alone, as under a bar of the overview ("Jan", "янв.").
    func shortName(ofMonth month: Int, in year: Int) -> String {
        calendar.date(from: DateComponents(year: year, month: month, day: 1))!
            .formatted(shortMonthStyle)
    }

    // MARK: Dates

    /// A date as the language's `dates:` patterns write it for its precision and qualifier:
    /// "2016", "травень 2025", "наприкінці травня 2025 року", with no-break spaces on both
    /// sides of every number so that "8 يونيو 2025" never breaks apart.
    func text(for date: EventDate) -> String {
        dateTexts[date] ?? formatted(date)
    }

    /// A year as the language's `year` pattern writes it: "2025", "2025 р.". Every year a
    /// timeline shows is one of its events' years, which ``EventDate`` accepts.
    func text(forYear year: Int) -> String {
        (try? EventDate(year: year)).map { text(for: $0) } ?? String(year)
    }

    /// A month of a year as the language's `month` pattern writes it: "травень 2025".
    func text(forMonth month: Int, of year: Int) -> String {
        (try? EventDate(year: year, month: month)).map { text(for: $0) } ?? "\(year)-\(month)"
    }

    /// Every date of a timeline (its events' and their sources'), written once: many events
    /// share a date, and ICU's formatting costs more than the page that shows it.
    mutating func remember(_ dates: some Sequence<EventDate>) {
        for date in dates where dateTexts[date] == nil { dateTexts[date] = formatted(date) }
    }

    private func formatted(_ date: EventDate) -> String {
        let instant = calendar.date(
            from: DateComponents(year: date.year, month: date.month ?? 1, day: date.day ?? 1))!
        let form = Self.form(of: date)
        var values = ["year": instant.formatted(yearStyle)]
        if form.hasMonth {
            values["month"] = instant.formatted(monthStyle)
            values["month_of"] = instant.formatted(monthOfStyle)
        }
        if date.day != nil { values["day"] = instant.formatted(dayStyle) }
        let text = InterfaceStrings.fill(strings.dates[form]!, with: values)
        return Self.joiningNumbers(text, onBothSides: true)
    }

    /// The `dates:` pattern that writes a date.
    static func form(of date: EventDate) -> DateForm {
        switch (date.precision, date.qualifier) {
        case (.year, nil): .year
        case (.year, .early?): .earlyYear
        case (.year, .mid?): .midYear
        case (.year, .late?): .lateYear
        case (.year, .about?): .aboutYear
        case (.month, nil): .month
        case (.month, .early?): .earlyMonth
        case (.month, .mid?): .midMonth
        case (.month, .late?): .lateMonth
        case (.month, .about?): .aboutMonth
        case (.day, .about?): .aboutDay
        // EventDate allows no other qualifier on a day.
        case (.day, _): .day
        }
    }

    // MARK: Amounts

    /// An amount in words as the language's `amounts:` patterns write it, in the plural
    /// form its number takes ("10 مليارات دولار", "ملياري دولار", "870 мільйонів"),
    /// with "more than", "up to" or "about" when it has one. The number and the word after
    /// it are joined by a no-break space.
    func text(for amount: Amount, style: AmountStyle = .full) -> String {
        amountTexts[AmountKey(amount: amount, style: style)] ?? formatted(amount, style: style)
    }

    /// Every amount of a timeline, written once in both styles, for the same reason as its
    /// dates.
    mutating func remember(_ amounts: some Sequence<Amount>) {
        for amount in amounts {
            for style in [AmountStyle.full, .short] {
                let key = AmountKey(amount: amount, style: style)
                if amountTexts[key] == nil { amountTexts[key] = formatted(amount, style: style) }
            }
        }
    }

    private func formatted(_ amount: Amount, style: AmountStyle) -> String {
        // The loader checked that every language has words for every currency in use.
        guard let words = strings.amounts[amount.currency] else {
            return "\(amount.value) \(amount.currency)"
        }
        let (scale, divisor): (AmountWords.Scale, Decimal) =
            switch amount.value {
            case 1_000_000_000...: (style == .short ? .shortBillions : .billions, 1_000_000_000)
            case 1_000_000...: (style == .short ? .shortMillions : .millions, 1_000_000)
            default: (.units, 1)
            }
        var exact = amount.value / divisor
        var number = Decimal()
        NSDecimalRound(&number, &exact, 2, .plain)
        // Decimal's description is always ASCII digits with a "." : CLDR's operands.
        let category = strings.pluralRules.category(ofDecimal: number.description)
        let pattern = words.scales[scale]!.pattern(for: category)
        let figure = InterfaceStrings.fill(
            pattern, with: ["number": number.formatted(.number.locale(locale))])
        let text: String
        switch amount.qualifier {
        case nil: text = figure
        case .moreThan?: text = strings.string(.amountMoreThan, filling: ["amount": figure])
        case .upTo?: text = strings.string(.amountUpTo, filling: ["amount": figure])
        case .about?: text = strings.string(.amountAbout, filling: ["amount": figure])
        }
        return Self.joiningNumbers(text, onBothSides: false)
    }

    /// A count in the language's digits and grouping, such as "1.234" in Greek.
    func text(forCount count: Int) -> String {
        count.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// A number of events in the plural form it takes ("1 event", "56 events", "3
    /// أحداث"), the number joined to its word by a no-break space.
    func text(forEventCount count: Int) -> String {
        let pattern = strings.eventCount.pattern(for: strings.pluralRules.category(of: count))
        return Self.joiningNumbers(
            InterfaceStrings.fill(pattern, with: ["number": text(forCount: count)]),
            onBothSides: true)
    }

    /// The label of an amount's role, such as "Valuation".
    func label(for role: Amount.Role) -> String {
        switch role {
        case .investment: strings[.roleInvestment]
        case .valuation: strings[.roleValuation]
        case .proposedValuation: strings[.roleProposedValuation]
        case .revenue: strings[.roleRevenue]
        case .revenueForecast: strings[.roleRevenueForecast]
        case .spendingPledge: strings[.roleSpendingPledge]
        }
    }

    // MARK: Languages

    /// A language's name as this language's strings use it: the i18n file's
    /// `language_names` entry, else ICU's display name in this language ("الإنجليزية",
    /// "inglese").
    func name(ofLanguage code: String) -> String {
        languageNames[code] ?? Self.name(ofLanguage: code, in: locale, strings: strings)
    }

    /// The names of languages, looked up once.
    mutating func remember(languages codes: some Sequence<String>) {
        for code in codes where languageNames[code] == nil {
            languageNames[code] = Self.name(ofLanguage: code, in: locale, strings: strings)
        }
    }

    private static func name(ofLanguage code: String, in locale: Locale, strings: InterfaceStrings)
        -> String
    {
        strings.languageNames[code] ?? locale.localizedString(forLanguageCode: code) ?? code
    }

    // MARK: Spaces

    /// Text with the spaces after each number (and, `onBothSides`, before it) made
    /// no-break, so that a number never leaves its unit or month.
    static func joiningNumbers(_ text: String, onBothSides: Bool) -> String {
        var scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == " " {
            let after = index > 0 && scalars[index - 1].properties.numericType != nil
            let before =
                onBothSides && index + 1 < scalars.count
                && scalars[index + 1].properties.numericType != nil
            if after || before { scalars[index] = "\u{A0}" }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
