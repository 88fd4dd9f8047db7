/// The events in timeline order, with ways to move through them.
public struct Timeline: Sendable, Hashable {
    /// The events, earliest first (see ``Event/precedes(_:)``).
    public let events: [Event]

    private let indexBySlug: [String: Int]

    /// Creates a timeline from events in any order. Slugs must be unique.
    public init(events: [Event]) {
        self.events = events.sorted { $0.precedes($1) }
        self.indexBySlug = Dictionary(
            self.events.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The event with a slug, if there is one.
    public func event(withSlug slug: String) -> Event? {
        indexBySlug[slug].map { events[$0] }
    }

    /// The events just before and just after the event with a slug.
    public func neighbours(ofEventWithSlug slug: String) -> (previous: Event?, next: Event?) {
        guard let index = indexBySlug[slug] else { return (nil, nil) }
        return (
            index > events.startIndex ? events[index - 1] : nil,
            index + 1 < events.endIndex ? events[index + 1] : nil
        )
    }

    /// The events grouped by year, years in order, events in timeline order within each.
    /// O(n).
    public var eventsByYear: [(year: Int, events: [Event])] {
        Self.groupedByYear(events)
    }

    /// Events already in timeline order grouped by year, in the same order. O(n).
    public static func groupedByYear(_ events: [Event]) -> [(year: Int, events: [Event])] {
        var groups: [(year: Int, events: [Event])] = []
        for event in events {
            if groups.last?.year == event.date.year {
                groups[groups.count - 1].events.append(event)
            } else {
                groups.append((event.date.year, [event]))
            }
        }
        return groups
    }
}
