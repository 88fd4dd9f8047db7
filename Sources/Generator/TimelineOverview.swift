import Escaping
import Foundation
import Timeline

/// Where the bars of an overview go: one bar per year (or per month) with events, its
/// height scaled to its count, on the same time scale as the timeline graphic drawn under
/// it. A pure function of the counts, so it is tested on numbers.
struct OverviewLayout: Sendable {
    /// A period and how many events it has.
    struct Bucket: Sendable {
        /// The period's first and last day.
        var first: TimelineLayout.Day
        var last: TimelineLayout.Day
        /// Its number of events.
        var count: Int
        /// The index of its first event in the events it was made from.
        var firstEvent: Int
    }

    /// A bar: its extent along the axis and its height.
    struct Bar: Sendable, Equatable {
        /// The bucket it draws.
        var bucket: Int
        /// Where it starts and how wide it is (already mirrored for right-to-left pages).
        var x: Double
        var width: Double
        /// How tall it is.
        var height: Double
    }

    /// The tallest bar.
    static let barAreaHeight = 72.0
    /// Room above the tallest bar for its count.
    static let top = 18.0
    /// The graphic's height: the bars stand on its bottom edge.
    static let height = top + barAreaHeight + 2

    /// The bars, in time order.
    var bars: [Bar]

    /// Lays out buckets (in time order, each within the scale's years) on a time scale.
    init(buckets: [Bucket], scale: TimeScale, isRightToLeft: Bool) {
        let largest = Double(buckets.map(\.count).max() ?? 1)
        bars = buckets.enumerated().map { index, bucket in
            let start = scale.x(bucket.first)
            let end = scale.x(bucket.last, end: true)
            // A gap between neighbours, but never thinner than 2 units.
            let gap = min(1, (end - start) / 4)
            let x = isRightToLeft ? TimelineLayout.width - end + gap : start + gap
            return Bar(
                bucket: index, x: x, width: max(2, end - start - 2 * gap),
                height: max(2, Double(bucket.count) / largest * Self.barAreaHeight))
        }
    }

    /// The buckets of events: one per year, or per month when they span fewer than three
    /// calendar years; empty periods are left out.
    static func buckets(of events: [Event], byMonth: Bool) -> [Bucket] {
        var buckets: [Bucket] = []
        for (index, event) in events.enumerated() {
            let day = event.date.earliestDay
            let first: TimelineLayout.Day = byMonth ? (day.year, day.month, 1) : (day.year, 1, 1)
            if let last = buckets.last, last.first == first {
                buckets[buckets.count - 1].count += 1
                continue
            }
            let lastDay: TimelineLayout.Day =
                byMonth
                ? (day.year, day.month, EventDate.numberOfDays(inMonth: day.month, year: day.year))
                : (day.year, 12, 31)
            buckets.append(Bucket(first: first, last: lastDay, count: 1, firstEvent: index))
        }
        return buckets
    }
}

/// The overview drawn as SVG: a bar per period with its count above it, and over it a
/// transparent layer of links, one per bar, for pointers only (the list below carries the
/// same links for keyboards and screen readers).
struct OverviewGraphic {
    /// One bar as the page shows it.
    struct Item {
        /// The bucket.
        let bucket: OverviewLayout.Bucket
        /// What the bar says when pointed at, such as "2019: 56 events".
        let title: String
        /// The count as the language writes its numbers.
        let countText: String
        /// Where the bar leads.
        let href: String
        /// A short name written under the bar, such as a month's.
        var caption: String? = nil
    }

    let items: [Item]
    let scale: TimeScale
    let isRightToLeft: Bool
    /// The accessible name, such as "Events per year", and description.
    let title: String
    let description: String
    /// A prefix for the ids of the title and description, unique in the page.
    let idPrefix: String

    /// The image and its layer of links.
    func svg() -> String {
        let layout = OverviewLayout(
            buckets: items.map(\.bucket), scale: scale, isRightToLeft: isRightToLeft)
        // Room under the bars for their captions, when they have any.
        let captionRoom = items.contains { $0.caption != nil } ? 16.0 : 0
        let (width, height) = (
            TimelineGraphic.number(TimelineLayout.width),
            TimelineGraphic.number(OverviewLayout.height + captionRoom)
        )
        let frame = "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        var image = """
            <svg class="timeline-overview" xmlns="http://www.w3.org/2000/svg" \(frame) \
            role="img" aria-labelledby="\(idPrefix)-title \(idPrefix)-desc">
            <title id="\(idPrefix)-title">\(Escaping.xml(title))</title>
            <desc id="\(idPrefix)-desc">\(Escaping.xml(description))</desc>

            """
        var links = """
            <svg class="timeline-links" xmlns="http://www.w3.org/2000/svg" \(frame) aria-hidden="true">

            """
        let baseline = OverviewLayout.height - 1
        for bar in layout.bars {
            let item = items[bar.bucket]
            let rect =
                "x=\"\(TimelineGraphic.number(bar.x))\" y=\"\(TimelineGraphic.number(baseline - bar.height))\" "
                + "width=\"\(TimelineGraphic.number(bar.width))\" height=\"\(TimelineGraphic.number(bar.height))\""
            image += "<rect class=\"ov-bar\" \(rect)/>\n"
            // A count is written only where the bar is wide enough to carry it.
            if bar.width >= Double(item.countText.count) * 7 + 4 {
                image +=
                    "<text class=\"ov-count\" x=\"\(TimelineGraphic.number(bar.x + bar.width / 2))\" "
                    + "y=\"\(TimelineGraphic.number(baseline - bar.height - 5))\" text-anchor=\"middle\">"
                    + "\(Escaping.xml(item.countText))</text>\n"
            }
            if let caption = item.caption, bar.width >= Double(caption.count) * 6 + 2 {
                image +=
                    "<text class=\"ov-caption\" x=\"\(TimelineGraphic.number(bar.x + bar.width / 2))\" "
                    + "y=\"\(TimelineGraphic.number(baseline + 14))\" text-anchor=\"middle\">"
                    + "\(Escaping.xml(caption))</text>\n"
            }
            let hit =
                "x=\"\(TimelineGraphic.number(bar.x))\" y=\"0\" width=\"\(TimelineGraphic.number(bar.width))\" "
                + "height=\"\(height)\""
            links += """
                <a href="\(Escaping.xml(item.href))" tabindex="-1">
                <title>\(Escaping.xml(item.title))</title>
                <rect class="tg-hit" \(hit)/>
                </a>

                """
        }
        return "<div class=\"tg-stack\">\n" + image + "</svg>\n" + links + "</svg>\n</div>\n"
    }
}
