import Content
import Foundation
import Timeline

/// One page of a large timeline: a year, or a numbered part of a year that has more events
/// than fit on a page.
struct TimelinePart: Sendable {
    /// The year the part covers.
    let year: Int
    /// 1 for a year's first part, 2 for its second, and so on.
    let number: Int
    /// How many parts the year has.
    let count: Int
    /// The part's events, in timeline order.
    let events: [Event]

    /// The part's file name in a language's `years/` folder: `2019.html`, `2019-2.html`.
    var fileName: String { number == 1 ? "\(year).html" : "\(year)-\(number).html" }

    /// A language's page for the part.
    func path(_ language: Language) -> String { "\(language.code)/years/\(fileName)" }

    /// The most events a timeline page lists. A timeline with more is split: the index
    /// links to a page per year, and a year with more is split into numbered parts, so no
    /// page grows past a few hundred kilobytes.
    static let eventsPerPage = 200

    /// The parts a timeline is split into; none when it fits on its index.
    static func parts(of timeline: Timeline) -> [TimelinePart] {
        guard timeline.events.count > eventsPerPage else { return [] }
        return timeline.eventsByYear.flatMap { group in
            let chunks = stride(from: 0, to: group.events.count, by: eventsPerPage).map {
                Array(group.events[$0..<min($0 + eventsPerPage, group.events.count)])
            }
            return chunks.enumerated().map { index, events in
                TimelinePart(
                    year: group.year, number: index + 1, count: chunks.count, events: events)
            }
        }
    }
}
