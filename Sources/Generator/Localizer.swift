import Content
import Foundation
import Timeline

/// Dates and amounts written the way one language writes them, through ICU. One localizer
/// per language and build: its formatters are made once.
struct Localizer: Sendable {
    let language: Language
    let strings: InterfaceStrings
    private let locale: Locale
    private let calendar: Calendar
    private let yearStyle: Date.VerbatimFormatStyle
    private let monthStyle: Date.VerbatimFormatStyle
    private let monthInPhraseStyle: Date.VerbatimFormatStyle
    private let dayStyle: Date.VerbatimFormatStyle
    private var dateTexts: [EventDate: String] = [:]
    private var amountTexts: [Amount: String] = [:]

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
        monthStyle = style("\(standaloneMonth: .wide) \(year: .defaultDigits)")
        monthInPhraseStyle = style("\(month: .wide) \(year: .defaultDigits)")
        dayStyle = style("\(day: .defaultDigits) \(month: .wide) \(year: .defaultDigits)")
    }

    /// A date in the language's grammatical form for its precision: "2025", "травень 2025"
    /// (a month stands alone), "15 травня 2025"; with a qualifier, the month takes the form it
    /// has inside a phrase ("наприкінці травня 2025").
    func text(for date: EventDate) -> String {
        dateTexts[date] ?? formatted(date)
    }

    /// Every date of a timeline (its events' and their sources'), written once: many events
    /// share a date, and ICU's formatting costs more than the page that shows it.
    mutating func remember(_ dates: some Sequence<EventDate>) {
        for date in dates where dateTexts[date] == nil { dateTexts[date] = formatted(date) }
    }

    /// Every amount of a timeline, written once, for the same reason as its dates.
    mutating func remember(_ amounts: some Sequence<Amount>) {
        for amount in amounts where amountTexts[amount] == nil {
            amountTexts[amount] = formatted(amount)
        }
    }

    private func formatted(_ date: EventDate) -> String {
        let instant = calendar.date(
            from: DateComponents(year: date.year, month: date.month ?? 1, day: date.day ?? 1))!
        let style: Date.VerbatimFormatStyle
        switch date.precision {
        case .year: style = yearStyle
        case .month: style = date.qualifier == nil ? monthStyle : monthInPhraseStyle
        case .day: style = dayStyle
        }
        let text = instant.formatted(style)
        guard let qualifier = date.qualifier else { return text }
        let key: InterfaceStrings.Key
        switch qualifier {
        case .early: key = .dateEarly
        case .mid: key = .dateMid
        case .late: key = .dateLate
        case .about: key = .dateAbout
        }
        return strings.string(key, filling: ["date": text])
    }

    /// An amount with its currency, in the language's short form ("10 δισ. $",
    /// "10 млрд USD"; in right-to-left languages the currency in words, "10 مليار دولار
    /// أمريكي"), with "more than", "up to" or "about" when it has one.
    func text(for amount: Amount) -> String {
        amountTexts[amount] ?? formatted(amount)
    }

    private func formatted(_ amount: Amount) -> String {
        // In right-to-left text a symbol such as US$ is split by the bidirectional
        // algorithm ("$US"), so right-to-left languages name the currency in words.
        var style = Decimal.FormatStyle.Currency(code: amount.currency, locale: locale).notation(
            .compactName)
        if language.direction == .rightToLeft { style = style.presentation(.fullName) }
        let figure = amount.value.formatted(style)
        guard let qualifier = amount.qualifier else { return figure }
        let key: InterfaceStrings.Key
        switch qualifier {
        case .moreThan: key = .amountMoreThan
        case .upTo: key = .amountUpTo
        case .about: key = .amountAbout
        }
        return strings.string(key, filling: ["amount": figure])
    }

    /// A count in the language's digits and grouping, such as "1.234" in Greek.
    func text(forCount count: Int) -> String {
        count.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// The label of an amount's role, such as "Valuation".
    func label(for role: Amount.Role) -> String {
        switch role {
        case .investment: strings[.roleInvestment]
        case .valuation: strings[.roleValuation]
        case .revenue: strings[.roleRevenue]
        case .revenueForecast: strings[.roleRevenueForecast]
        case .spendingPledge: strings[.roleSpendingPledge]
        }
    }
}
