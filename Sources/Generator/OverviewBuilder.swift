import Content
import Foundation
import Timeline

/// The overviews of a large timeline: on the index, the events per year (or per month)
/// as bars leading to the year pages, over a graphic that labels the key events; on a
/// crowded year page, its events per month as bars leading down its list; and the year
/// grid's count and key event of each year. Reads the routes (for the parts), the
/// language's context and the events the overview covers.
struct OverviewBuilder: Sendable {
    let context: LanguageContext
    let routes: SiteRoutes
    /// The events the overview covers: the whole timeline's on the index, a part's on its
    /// page.
    let events: [Event]
    let graphics: GraphicBuilder

    /// How many events a year page must list to get an overview of its months.
    static let eventsForAMonthOverview = 30

    /// How many of the timeline's key events the index's overview labels at most.
    static let keyEventsOnTheIndex = 12

    /// The index's overview: bars per year (per month when the timeline spans fewer than
    /// three calendar years), each leading to the page that lists the period's first
    /// event, over a graphic of the key events on the same scale.
    func indexOverview() -> String {
        let years = Set(events.map(\.date.year))
        let byMonth = (years.max() ?? 0) - (years.min() ?? 0) < 2
        let scale = TimeScale(eventYears: years)
        let firstPart = routes.parts.first?.fileName ?? ""
        let bars = bars(
            events, byMonth: byMonth, scale: scale,
            href: { "years/\(routes.part(listing: $0)?.fileName ?? firstPart)" })
        return bars + keyEventsGraphic(scale: scale)
    }

    /// A year page's overview of its months, when it lists enough events to need one; each
    /// bar leads to the month's first event in the list.
    func monthOverview(of part: TimelinePart) -> String? {
        guard part.events.count >= Self.eventsForAMonthOverview else { return nil }
        return bars(
            part.events, byMonth: true, scale: TimeScale(eventYears: [part.year]),
            href: { "#" + SiteRoutes.listAnchor(of: $0) })
    }

    /// The bars of events per period, each linking where `href` says for its first event.
    private func bars(
        _ events: [Event], byMonth: Bool, scale: TimeScale, href: (Event) -> String
    ) -> String {
        let strings = context.strings
        let localizer = context.localizer
        let items = OverviewLayout.buckets(of: events, byMonth: byMonth).map { bucket in
            let period =
                byMonth
                ? localizer.text(forMonth: bucket.first.month, of: bucket.first.year)
                : localizer.text(forYear: bucket.first.year)
            return OverviewGraphic.Item(
                bucket: bucket,
                title: "\(period): \(localizer.text(forEventCount: bucket.count))",
                countText: localizer.text(forCount: bucket.count),
                href: href(events[bucket.firstEvent]),
                caption: byMonth
                    ? localizer.shortName(ofMonth: bucket.first.month, in: bucket.first.year) : nil)
        }
        return OverviewGraphic(
            items: items, scale: scale,
            isRightToLeft: context.language.direction == .rightToLeft,
            title: strings[byMonth ? .eventsPerMonth : .eventsPerYear],
            description: strings[.overviewDescription], idPrefix: "overview"
        ).svg()
    }

    /// The timeline's key events (featured first, then the largest amounts, then the
    /// earliest) on the overview's scale, each linking to its page.
    private func keyEventsGraphic(scale: TimeScale) -> String {
        let entries = events.map { TimelineLayout.Entry($0, labelWidth: 0) }
        let chosen = TimelineLayout.priorityOrder(entries).prefix(Self.keyEventsOnTheIndex).sorted()
        return graphics.svg(
            chosen.map { events[$0] }, linkPrefix: "", scale: scale, clustersLinkToTheList: false)
    }

    /// A part's link in the year grid, with its count of events and its key event.
    func yearLink(_ part: TimelinePart, text: String) -> TimelinePage.YearLink {
        let entries = part.events.map { TimelineLayout.Entry($0, labelWidth: 0) }
        let highlight = TimelineLayout.priorityOrder(entries).first.map { first in
            let event = part.events[first]
            let shown = ShownNote(
                of: event, in: context.language, defaultLanguage: routes.defaultLanguage)
            return TimelinePage.YearLink.Highlight(
                href: SiteRoutes.fileName(of: event), title: shown.note.title,
                lang: shown.fallback?.code ?? "", dir: shown.fallback?.direction.rawValue ?? "")
        }
        return TimelinePage.YearLink(
            href: "years/\(part.fileName)", text: text,
            count: context.localizer.text(forEventCount: part.events.count), highlight: highlight)
    }
}
