import Testing
import Timeline

@Suite("Event dates")
struct EventDateTests {
    @Test(arguments: [
        ("2016", EventDate.Precision.year), ("2025-01", .month), ("2025-06-10", .day),
        ("2024-02-29", .day), ("0001-01-01", .day),
    ])
    func parsesEachPrecision(text: String, precision: EventDate.Precision) throws {
        let date = try EventDate(text)
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test func partsAreKept() throws {
        let date = try EventDate("2025-06-10")
        #expect((date.year, date.month, date.day) == (2025, 6, 10))
        let year = try EventDate("2016")
        #expect(year.month == nil && year.day == nil)
    }

    @Test(arguments: [
        ("2025-6-10", EventDateError.Reason.malformed), ("25", .malformed),
        ("June 2025", .malformed),
        ("2025-06-10T00:00", .malformed), ("", .malformed), ("２０２５", .malformed),
        ("2025--10", .malformed), ("0000", .yearOutOfRange), ("2025-13", .monthOutOfRange),
        ("2025-00", .monthOutOfRange), ("2025-02-29", .dayOutOfRange(daysInMonth: 28)),
        ("2025-04-31", .dayOutOfRange(daysInMonth: 30)),
        ("1900-02-29", .dayOutOfRange(daysInMonth: 28)),
        ("2025-01-00", .dayOutOfRange(daysInMonth: 31)),
    ])
    func rejectsInvalidDates(text: String, reason: EventDateError.Reason) {
        #expect(throws: EventDateError(text: text, reason: reason)) { try EventDate(text) }
    }

    @Test func dayWithoutMonthIsRejected() {
        #expect(throws: EventDateError(text: "2025-10", reason: .dayWithoutMonth)) {
            try EventDate(year: 2025, day: 10)
        }
    }

    @Test func errorNamesTheDateAndTheFix() {
        let error = EventDateError(text: "2025-6-1", reason: .malformed)
        #expect(
            error.description
                == "'2025-6-1' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, as in 2025-06-10")
    }

    @Test func mixedPrecisionDatesSortByStartThenCoarserFirst() throws {
        let texts = [
            "2025-06", "2016", "2025-01-02", "2025", "2024", "2025-01", "2025-01-01", "2025-06-10",
        ]
        let sorted = try texts.map { try EventDate($0) }.sorted().map(\.description)
        #expect(
            sorted == [
                "2016", "2024", "2025", "2025-01", "2025-01-01", "2025-01-02", "2025-06",
                "2025-06-10",
            ])
    }

    @Test func equalityNeedsTheSamePrecision() throws {
        #expect(try EventDate("2025") != EventDate("2025-01"))
        #expect(try EventDate("2025-01") == EventDate(year: 2025, month: 1))
    }
}
