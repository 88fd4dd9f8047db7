import Content
import Foundation
import Timeline

/// The overviews of a large timeline: on the index, the events per year (or per month)
/// as bars leading to the year pages, over a graphic that labels the key events; on a
/// crowded year page, its events per month as bars leading down its list; and the year
/// grid's count and key event of each year.
extension SitePlan {
    /// How many events a year page must list to get an overview of its months.
    static let eventsForAMonthOverview = 30

    /// How many of the timeline's key events the index's overview labels at most.
    static let keyEventsOnTheIndex = 12

    /// The index's overview: bars per year (per month when the timeline spans fewer than
    /// three calendar years), each leading to the page that lists the period's first
    /// event, over a graphic of the key events on the same scale.
    func indexOverview(_ language: Language) -> String {
        let events = timeline.events
        let years = Set(events.map(\.date.year))
        let byMonth = years.max()! - years.min()! < 2
        let scale = TimeScale(eventYears: years)
        var partOfEvent: [String: Int] = [:]
        for (index, part) in parts.enumerated() {
            for event in part.events { partOfEvent[event.slug] = index }
        }
        let bars = bars(
            language, events: events, byMonth: byMonth, scale: scale,
            href: { "years/\(parts[partOfEvent[$0.slug] ?? 0].fileName)" })
        return bars + keyEventsGraphic(language, scale: scale)
    }

    /// A year page's overview of its months, when it lists enough events to need one; each
    /// bar leads to the month's first event in the list.
    func monthOverview(_ language: Language, part: TimelinePart) -> String? {
        guard part.events.count >= Self.eventsForAMonthOverview else { return nil }
        return bars(
            language, events: part.events, byMonth: true,
            scale: TimeScale(eventYears: [part.year]),
            href: { "#" + Self.listAnchor(of: $0) })
    }

    /// The bars of events per period, each linking where `href` says for its first event.
    private func bars(
        _ language: Language, events: [Event], byMonth: Bool, scale: TimeScale,
        href: (Event) -> String
    ) -> String {
        let strings = self.strings[language.code]!
        let localizer = localizers[language.code]!
        let items = OverviewLayout.buckets(of: events, byMonth: byMonth).map { bucket in
            let period =
                byMonth
                ? try! EventDate(year: bucket.first.year, month: bucket.first.month)
                : try! EventDate(year: bucket.first.year)
            return OverviewGraphic.Item(
                bucket: bucket,
                title:
                    "\(localizer.text(for: period)): \(localizer.text(forEventCount: bucket.count))",
                countText: localizer.text(forCount: bucket.count),
                href: href(events[bucket.firstEvent]),
                caption: byMonth
                    ? localizer.shortName(ofMonth: bucket.first.month, in: bucket.first.year) : nil)
        }
        return OverviewGraphic(
            items: items, scale: scale, isRightToLeft: language.direction == .rightToLeft,
            title: strings[byMonth ? .eventsPerMonth : .eventsPerYear],
            description: strings[.overviewDescription], idPrefix: "overview"
        ).svg()
    }

    /// The timeline's key events (featured first, then the largest amounts, then the
    /// earliest) on the overview's scale, each linking to its page.
    private func keyEventsGraphic(_ language: Language, scale: TimeScale) -> String {
        let events = timeline.events
        let entries = events.map { TimelineLayout.Entry($0, labelWidth: 0) }
        let chosen = TimelineLayout.priorityOrder(entries).prefix(Self.keyEventsOnTheIndex).sorted()
        return graphic(
            language, events: chosen.map { events[$0] }, linkPrefix: "", scale: scale,
            clustersLinkToTheList: false)
    }

    /// Each part's count of events and its key event, for the year grid.
    func yearSummary(_ part: TimelinePart, _ language: Language) -> [String: Any] {
        let localizer = localizers[language.code]!
        var summary: [String: Any] = [
            "count": localizer.text(forEventCount: part.events.count)
        ]
        let entries = part.events.map { TimelineLayout.Entry($0, labelWidth: 0) }
        if let first = TimelineLayout.priorityOrder(entries).first {
            let event = part.events[first]
            let shown = note(of: event, in: language)
            summary["highlight"] = [
                "href": Self.fileName(of: event), "title": shown.note.title,
                "lang": shown.fallback?.code ?? "", "dir": shown.fallback?.direction.rawValue ?? "",
            ]
        }
        return summary
    }
}
