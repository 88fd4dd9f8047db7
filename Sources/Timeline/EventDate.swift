/// A calendar date known to the precision of a year, a month or a day, such as `2016`,
/// `2025-01` or `2025-06-10`, optionally refined by a ``Qualifier`` such as "late".
///
/// Dates order by the earliest day they can mean; on a tie the coarser date comes first,
/// then the unqualified one, so `2025` < `2025-01` < `2025-01-01` < `2025-01-02` < `2025-02`,
/// and "late May 2025" (from 21 May) comes after `2025-05-20`.
public struct EventDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of a date is known.
    public enum Precision: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Only the year is known.
        case year
        /// The year and the month are known.
        case month
        /// The year, the month and the day are known.
        case day

        /// Orders precisions from coarse to fine.
        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    /// A word that refines a date: which part of its year or month, or that it is
    /// approximate.
    public enum Qualifier: String, Sendable, Hashable, CaseIterable {
        /// The first third of the year (January to April) or month (days 1 to 10).
        case early
        /// The middle third of the year (May to August) or month (days 11 to 20).
        case mid
        /// The last third of the year (September to December) or month (days 21 on).
        case late
        /// Approximately: the date may be a little off, at any precision.
        case about
    }

    /// The year, from 1 to 9999.
    public let year: Int

    /// The month, from 1 to 12, when known.
    public let month: Int?

    /// The day of the month, when known; known only when the month is.
    public let day: Int?

    /// What refines the date, if anything.
    public let qualifier: Qualifier?

    /// Creates a date from its parts, checking that they name a real day of the
    /// proleptic Gregorian calendar and that a qualifier fits the precision (early, mid and
    /// late refine a year or a month, not a day).
    public init(
        year: Int, month: Int? = nil, day: Int? = nil, qualifier: Qualifier? = nil
    ) throws(EventDateError) {
        let text = Self.isoText(year: year, month: month, day: day)
        guard (1...9999).contains(year) else {
            throw EventDateError(text: text, reason: .yearOutOfRange)
        }
        if let month, !(1...12).contains(month) {
            throw EventDateError(text: text, reason: .monthOutOfRange)
        }
        if let day {
            guard let month else { throw EventDateError(text: text, reason: .dayWithoutMonth) }
            let days = Self.numberOfDays(inMonth: month, year: year)
            guard (1...days).contains(day) else {
                throw EventDateError(text: text, reason: .dayOutOfRange(daysInMonth: days))
            }
        }
        if day != nil, let qualifier, qualifier != .about {
            throw EventDateError(text: text, reason: .qualifierNeedsCoarseDate(qualifier))
        }
        self.year = year
        self.month = month
        self.day = day
        self.qualifier = qualifier
    }

    /// Parses an ISO 8601 calendar date in extended form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(_ text: String, qualifier: Qualifier? = nil) throws(EventDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ part, width in
                part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber }
            })
        else { throw EventDateError(text: text, reason: .malformed) }
        let numbers = parts.map { Int($0)! }
        try self.init(
            year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil, qualifier: qualifier)
    }

    /// How much of the date is known.
    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// The date in ISO 8601 extended form, to its precision: `2016`, `2025-01`, `2025-06-10`.
    /// The qualifier is not part of it.
    public var isoText: String {
        Self.isoText(year: year, month: month, day: day)
    }

    /// The date as written in content: its ISO text, after its qualifier if any
    /// (`late 2025-05`).
    public var description: String {
        qualifier.map { "\($0.rawValue) \(isoText)" } ?? isoText
    }

    /// The earliest day the date can mean, as (year, month, day): the first day of its
    /// period, or of the third of it that its qualifier names.
    public var earliestDay: (year: Int, month: Int, day: Int) {
        let third: Int
        switch qualifier {
        case .mid: third = 1
        case .late: third = 2
        case .early, .about, nil: third = 0
        }
        if let month {
            return (year, month, day ?? [1, 11, 21][third])
        }
        return (year, [1, 5, 9][third], 1)
    }

    /// The latest day the date can mean, as (year, month, day): the last day of its period,
    /// or of the third of it that its qualifier names. With ``earliestDay``, the span a
    /// timeline drawing gives the date.
    public var latestDay: (year: Int, month: Int, day: Int) {
        let third: Int?
        switch qualifier {
        case .early: third = 0
        case .mid: third = 1
        case .late: third = 2
        case .about, nil: third = nil
        }
        if let month {
            if let day { return (year, month, day) }
            let lastDay = Self.numberOfDays(inMonth: month, year: year)
            return (year, month, third.map { [10, 20, lastDay][$0] } ?? lastDay)
        }
        let lastMonth = third.map { [4, 8, 12][$0] } ?? 12
        return (year, lastMonth, Self.numberOfDays(inMonth: lastMonth, year: year))
    }

    /// Orders dates by the earliest day they can mean, then coarser precision first, then
    /// no qualifier before early, mid, late and about.
    public static func < (lhs: EventDate, rhs: EventDate) -> Bool {
        let (left, right) = (lhs.earliestDay, rhs.earliestDay)
        if (left.year, left.month, left.day) != (right.year, right.month, right.day) {
            return (left.year, left.month, left.day) < (right.year, right.month, right.day)
        }
        if lhs.precision != rhs.precision { return lhs.precision < rhs.precision }
        return lhs.qualifierRank < rhs.qualifierRank
    }

    private var qualifierRank: Int {
        qualifier.map { Qualifier.allCases.firstIndex(of: $0)! + 1 } ?? 0
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeapYear ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Days since 1 January of year 0 in the proleptic Gregorian calendar, for distances
    /// between days.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        var days = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
        for earlier in 1..<month { days += numberOfDays(inMonth: earlier, year: year) }
        return days + day - 1
    }

    /// A date in ISO 8601 extended form from its parts: `2016`, `2025-01`, `2025-06-10`.
    public static func isoText(year: Int, month: Int?, day: Int?) -> String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = padded(year, 4)
        if let month { text += "-" + padded(month, 2) }
        if let day { text += "-" + padded(day, 2) }
        return text
    }
}

/// Why a text is not a valid ``EventDate``.
public struct EventDateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the date.
    public enum Reason: Sendable, Hashable {
        /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case malformed
        /// The year is not between 1 and 9999.
        case yearOutOfRange
        /// The month is not between 1 and 12.
        case monthOutOfRange
        /// The day does not exist in its month.
        case dayOutOfRange(daysInMonth: Int)
        /// A day was given without a month.
        case dayWithoutMonth
        /// Early, mid or late was given for a date that has a day.
        case qualifierNeedsCoarseDate(EventDate.Qualifier)
    }

    /// The date as written.
    public var text: String

    /// What is wrong with it.
    public var reason: Reason

    /// Creates an error for a date.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// A sentence that names the date, says what is wrong and how to write it.
    public var description: String {
        switch reason {
        case .malformed:
            return "'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, as in 2025-06-10"
        case .yearOutOfRange:
            return "'\(text)' has a year outside 0001 to 9999"
        case .monthOutOfRange:
            return "'\(text)' has a month outside 01 to 12"
        case .dayOutOfRange(let days):
            return "'\(text)' has a day outside 01 to \(days), the days of its month"
        case .dayWithoutMonth:
            return "'\(text)' has a day but no month"
        case .qualifierNeedsCoarseDate(let qualifier):
            return "'\(qualifier.rawValue)' refines a year or a month, but '\(text)' has a day; "
                + "remove the qualifier or the day"
        }
    }
}
