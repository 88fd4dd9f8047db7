import Content
import Escaping
import Foundation
import Timeline

/// The timeline drawn as SVG at build time from a ``TimelineLayout``: a time axis scaled to
/// the events' dates with the years labelled, a bar for the span of days each date can
/// mean, a marker per event (or a cluster with a count where markers crowd), and short
/// labels with their key figure. Right-to-left languages get the mirror image.
///
/// Every colour and font comes from the site's stylesheet through classes, so the graphic
/// follows dark mode; it needs no script. The image holds no link (an image's content is
/// not interactive); a second, transparent layer laid over it holds the links, for pointers
/// only: hidden from screen readers and out of the tab order, since the list below the
/// graphic carries the same links for them.
struct TimelineGraphic {
    /// One event as the graphic shows it.
    struct Item {
        let event: Event
        /// The short label, in the page's language or the fallback's.
        let label: String
        /// The label's language when it is not the page's.
        let labelLanguage: String?
        /// The second line: the key figure, or the date when there is none.
        let detail: String
        /// Whether the second line is a figure.
        let detailIsFigure: Bool
        /// The full title, shown as a tooltip.
        let title: String
        /// The event's page, relative to the index.
        let href: String
        /// The id of the event's entry in the list below the graphic.
        let listAnchor: String
    }

    let items: [Item]
    let language: Language
    /// The year labels' text, by year.
    let yearText: (Int) -> String
    /// A cluster's count as the language writes it.
    let countText: (Int) -> String
    /// The graphic's accessible name and description.
    let title: String
    let description: String
    /// A prefix for the ids of the title and description, unique in the page.
    let idPrefix: String
    /// The time scale, when the graphic shares one with an overview drawn above it.
    var scale: TimeScale? = nil
    /// Whether a cluster links to its first event in the list below the graphic; without
    /// a list, it links to that event's page.
    var clustersLinkToTheList = true

    /// The labels' font size; the detail line's is the same.
    static let labelFontSize = 13.0

    /// The SVG elements: the image, and over it the layer of links.
    func svg() -> String {
        guard
            let layout = TimelineLayout(
                entries: items.map(Self.entry), isRightToLeft: language.direction == .rightToLeft,
                scale: scale)
        else { return "" }
        var svg = header(
            layout, kind: "timeline-graphic",
            attributes: """
                 direction="\(language.direction.rawValue)" role="img" \
                aria-labelledby="\(idPrefix)-title \(idPrefix)-desc">
                <title id="\(idPrefix)-title">\(Escaping.xml(title))</title>
                <desc id="\(idPrefix)-desc">\(Escaping.xml(description))</desc>

                """)
        svg += axis(layout)
        var links = header(layout, kind: "timeline-links", attributes: " aria-hidden=\"true\">\n")
        for (index, mark) in layout.marks.enumerated() {
            switch mark {
            case .labelled(let label):
                svg += labelled(items[index], label)
                links += link(to: items[index], label: label)
            case .marker(let x):
                svg += "<g class=\"tg-event\">\n" + marker(at: x) + "</g>\n"
                links += link(to: items[index].href, titled: items[index].title, at: x)
            case .clustered:
                continue
            }
        }
        for cluster in layout.clusters {
            svg += self.cluster(cluster)
            let titles = cluster.members.prefix(5).map { items[$0].title }
            let first = items[cluster.members[0]]
            links += link(
                to: clustersLinkToTheList ? "#" + first.listAnchor : first.href,
                titled: titles.joined(separator: " · ") + (cluster.members.count > 5 ? " …" : ""),
                at: cluster.x)
        }
        return "<div class=\"tg-stack\">\n" + svg + "</svg>\n" + links + "</svg>\n</div>"
    }

    /// What the layout needs to know of an item.
    private static func entry(_ item: Item) -> TimelineLayout.Entry {
        TimelineLayout.Entry(
            item.event,
            labelWidth: max(
                estimatedWidth(item.label, fontSize: labelFontSize, bold: true),
                estimatedWidth(item.detail, fontSize: labelFontSize, bold: item.detailIsFigure)))
    }

    private func header(_ layout: TimelineLayout, kind: String, attributes: String) -> String {
        let (width, height) = (Self.number(TimelineLayout.width), Self.number(layout.height))
        return """
            <svg class="\(kind)" xmlns="http://www.w3.org/2000/svg" \
            viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)"\(attributes)
            """
    }

    /// The axis broken where quiet years were left out, a tick at each new year, the
    /// years' labels, and the span each coarse date can mean.
    private func axis(_ layout: TimelineLayout) -> String {
        let y = TimelineLayout.axisY
        var svg = ""
        for (index, segment) in layout.axis.enumerated() {
            svg += line("tg-axis", segment.from, y, segment.to, y)
            for mark in layout.breakStrokes.dropFirst(2 * index).prefix(2) {
                svg += line("tg-break", mark - 3, y + 6, mark + 3, y - 6)
            }
        }
        for tick in layout.ticks {
            svg += line("tg-tick", tick.x, y - 6, tick.x, y + 6)
            if let year = layout.years.first(where: { $0.year == tick.year }) {
                svg +=
                    "<text class=\"tg-year\" x=\"\(Self.number(year.x))\" y=\"\(Self.number(y - 12))\" "
                    + "text-anchor=\"middle\">\(Escaping.xml(yearText(year.year)))</text>\n"
            }
        }
        for span in layout.spans {
            svg +=
                "<rect class=\"tg-span\" x=\"\(Self.number(span.from))\" y=\"\(Self.number(y - 4))\" "
                + "width=\"\(Self.number(span.to - span.from))\" height=\"8\" rx=\"4\"/>\n"
        }
        return svg
    }

    private func line(_ kind: String, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double)
        -> String
    {
        "<line class=\"\(kind)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" "
            + "x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>\n"
    }

    private func marker(at x: Double) -> String {
        "<circle class=\"tg-marker\" cx=\"\(Self.number(x))\" "
            + "cy=\"\(Self.number(TimelineLayout.axisY))\" r=\"5\"/>\n"
    }

    /// An event with its leader, marker and two lines of label.
    private func labelled(_ item: Item, _ label: TimelineLayout.Label) -> String {
        let rowY = Self.rowY(label.row)
        let anchor = label.endsAtMarker ? "end" : "start"
        let language = item.labelLanguage.map { " xml:lang=\"\($0)\"" } ?? ""
        let x = Self.number(label.x)
        return """
            <g class="tg-event">
            <line class="tg-leader" x1="\(x)" y1="\(Self.number(TimelineLayout.axisY + 7))" \
            x2="\(x)" y2="\(Self.number(rowY - Self.labelFontSize))"/>
            \(marker(at: label.x))<text class="tg-label" x="\(x)" y="\(Self.number(rowY))" \
            text-anchor="\(anchor)"\(language)>\(Escaping.xml(item.label))</text>
            <text class="\(item.detailIsFigure ? "tg-figure" : "tg-date")" x="\(x)" \
            y="\(Self.number(rowY + 17))" text-anchor="\(anchor)">\(Escaping.xml(item.detail))</text>
            </g>

            """
    }

    /// Markers merged where they crowd: a larger circle with their count.
    private func cluster(_ cluster: TimelineLayout.Cluster) -> String {
        let x = Self.number(cluster.x)
        return """
            <g class="tg-cluster">
            <circle class="tg-cluster-mark" cx="\(x)" cy="\(Self.number(TimelineLayout.axisY))" r="9"/>
            <text class="tg-count" x="\(x)" y="\(Self.number(TimelineLayout.axisY + 4))" \
            text-anchor="middle">\(Escaping.xml(countText(cluster.members.count)))</text>
            </g>

            """
    }

    /// A labelled event's link, over its label and its marker.
    private func link(to item: Item, label: TimelineLayout.Label) -> String {
        let language = item.labelLanguage.map { " xml:lang=\"\($0)\"" } ?? ""
        return """
            <a href="\(Escaping.xml(item.href))" tabindex="-1">
            <title\(language)>\(Escaping.xml(item.title))</title>
            <rect class="tg-hit" x="\(Self.number(label.start))" y="\(Self.number(Self.rowY(label.row) - 16))" \
            width="\(Self.number(label.end - label.start))" height="40"/>
            <circle class="tg-hit" cx="\(Self.number(label.x))" cy="\(Self.number(TimelineLayout.axisY))" r="9"/>
            </a>

            """
    }

    /// A link over a marker or a cluster.
    private func link(to href: String, titled title: String, at x: Double) -> String {
        """
        <a href="\(Escaping.xml(href))" tabindex="-1">
        <title>\(Escaping.xml(title))</title>
        <circle class="tg-hit" cx="\(Self.number(x))" cy="\(Self.number(TimelineLayout.axisY))" r="9"/>
        </a>

        """
    }

    private static func rowY(_ row: Int) -> Double {
        TimelineLayout.firstRowY + Double(row) * TimelineLayout.rowHeight
    }

    /// A generous guess at how wide a line of text is drawn, from the average advance of
    /// the scripts' letters in the system sans-serif fonts.
    static func estimatedWidth(_ text: String, fontSize: Double, bold: Bool) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20: ems += 0.28
            case 0x0600...0x06FF: ems += 0.5
            case 0x41...0x5A, 0x0391...0x03A9, 0x0410...0x042F: ems += 0.68
            default: ems += 0.57
            }
        }
        return ems * fontSize * (bold ? 1.06 : 1)
    }

    /// A coordinate with at most one decimal, so two builds write the same text.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}

extension TimelineLayout.Entry {
    /// An event as the layout sees it, with a label of the given width.
    init(_ event: Event, labelWidth: Double) {
        self.init(
            earliest: event.date.earliestDay, latest: event.date.latestDay,
            showsSpan: event.date.precision != .day, labelWidth: labelWidth,
            isFeatured: event.isFeatured,
            largestAmount: event.amounts.map { NSDecimalNumber(decimal: $0.value).doubleValue }
                .max() ?? 0)
    }
}
