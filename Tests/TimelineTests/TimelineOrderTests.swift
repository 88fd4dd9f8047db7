import Testing
import Timeline

@Suite("Timeline order")
struct TimelineOrderTests {
    @Test func qualifiersMoveTheEarliestDay() throws {
        #expect(try EventDate("2025", qualifier: .mid).earliestDay == (2025, 5, 1))
        #expect(try EventDate("2025", qualifier: .late).earliestDay == (2025, 9, 1))
        #expect(try EventDate("2025-05", qualifier: .mid).earliestDay == (2025, 5, 11))
        #expect(try EventDate("2025-05", qualifier: .late).earliestDay == (2025, 5, 21))
        #expect(try EventDate("2025-05", qualifier: .early).earliestDay == (2025, 5, 1))
        #expect(try EventDate("2025-05-07", qualifier: .about).earliestDay == (2025, 5, 7))
    }

    @Test func qualifiersMoveTheLatestDay() throws {
        #expect(try EventDate("2025").latestDay == (2025, 12, 31))
        #expect(try EventDate("2025", qualifier: .early).latestDay == (2025, 4, 30))
        #expect(try EventDate("2025", qualifier: .mid).latestDay == (2025, 8, 31))
        #expect(try EventDate("2025", qualifier: .about).latestDay == (2025, 12, 31))
        #expect(try EventDate("2024-02").latestDay == (2024, 2, 29))
        #expect(try EventDate("2025-02", qualifier: .late).latestDay == (2025, 2, 28))
        #expect(try EventDate("2025-05", qualifier: .early).latestDay == (2025, 5, 10))
        #expect(try EventDate("2025-05", qualifier: .mid).latestDay == (2025, 5, 20))
        #expect(try EventDate("2025-05-07", qualifier: .about).latestDay == (2025, 5, 7))
    }

    @Test func datesOfEveryPrecisionAndQualifierSortTogether() throws {
        let dates = try [
            EventDate("2025-05-21"), EventDate("2025-05", qualifier: .late),
            EventDate("2025-05-20"),
            EventDate("2025"), EventDate("2025", qualifier: .early),
            EventDate("2025", qualifier: .about),
            EventDate("2025-01"), EventDate("2025", qualifier: .late), EventDate("2024-12-31"),
        ]
        #expect(
            dates.sorted().map(\.description) == [
                "2024-12-31", "2025", "early 2025", "about 2025", "2025-01", "2025-05-20",
                "late 2025-05",
                "2025-05-21", "late 2025",
            ])
    }

    @Test func qualifiersOtherThanAboutNeedACoarseDate() {
        #expect(
            throws: EventDateError(text: "2025-05-29", reason: .qualifierNeedsCoarseDate(.early))
        ) {
            try EventDate("2025-05-29", qualifier: .early)
        }
        #expect((try? EventDate("2025-05-29", qualifier: .about)) != nil)
    }

    @Test func tiesAreBrokenByOrderThenSlug() throws {
        let date = try EventDate("2024")
        let events = [
            Event(slug: "zeta", date: date), Event(slug: "alpha", date: date),
            Event(slug: "second", date: date, order: 2), Event(slug: "first", date: date, order: 1),
            Event(slug: "earlier", date: try EventDate("2023-12")),
        ]
        let expected = ["earlier", "first", "second", "alpha", "zeta"]
        #expect(Timeline(events: events).events.map(\.slug) == expected)
        #expect(Timeline(events: events.reversed()).events.map(\.slug) == expected)
        #expect(Timeline(events: events.shuffled()).events.map(\.slug) == expected)
    }

    @Test func orderPutsAPreciseDateBeforeAVaguerOneOnTheSameFirstDay() throws {
        let events = [
            Event(slug: "contract", date: try EventDate("2025", qualifier: .early), order: 2),
            Event(slug: "pledge", date: try EventDate("2025-01"), order: 1),
            Event(slug: "talks", date: try EventDate("2025"), order: 3),
            Event(slug: "unordered-year", date: try EventDate("2025")),
            Event(slug: "unordered-month", date: try EventDate("2025-01")),
            Event(slug: "next-day", date: try EventDate("2025-01-02"), order: 0),
        ]
        let expected = [
            "pledge", "contract", "talks", "unordered-year", "unordered-month", "next-day",
        ]
        for _ in 0..<20 {
            #expect(Timeline(events: events.shuffled()).events.map(\.slug) == expected)
        }
    }

    @Test func lookupAndNeighbours() throws {
        let timeline = Timeline(events: [
            Event(slug: "b", date: try EventDate("2020")),
            Event(slug: "a", date: try EventDate("2019")),
        ])
        #expect(timeline.event(withSlug: "b")?.date.year == 2020)
        #expect(timeline.event(withSlug: "c") == nil)
        #expect(timeline.neighbours(ofEventWithSlug: "a").next?.slug == "b")
        #expect(timeline.neighbours(ofEventWithSlug: "c").previous == nil)
    }
}
