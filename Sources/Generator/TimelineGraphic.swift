import Content
import Foundation
import Timeline

/// The timeline drawn as SVG at build time: a time axis scaled to the events' dates with
/// the years labelled, a bar for the span of days each date can mean, a marker per event
/// linking to its page, and a short label with its key figure, placed in rows so that no
/// two labels overlap and no leader line crosses a label. Right-to-left languages get the
/// mirror image: time runs from right to left.
///
/// Every colour and font comes from the site's stylesheet through classes, so the graphic
/// follows dark mode; it needs no script.
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
    }

    let items: [Item]
    let language: Language
    /// The year labels' text, by year.
    let yearText: (Int) -> String
    /// The graphic's accessible name and description.
    let title: String
    let description: String
    /// A prefix for the ids of the title and description, unique in the page.
    let idPrefix: String

    // Geometry, in SVG user units (the graphic is drawn at 1:1 in a 43.5rem column).
    static let width = 696.0
    static let margin = 16.0
    static let axisY = 34.0
    static let firstRowY = 74.0
    static let rowHeight = 46.0
    static let labelFontSize = 13.0
    static let detailFontSize = 13.0
    /// The least distance between two markers, so that events on the same day stay apart.
    static let markerGap = 7.0
    /// The width of a break in the axis, where quiet years are left out.
    static let breakWidth = 26.0

    /// The SVG element.
    func svg() -> String {
        guard let first = items.first, let last = items.last else { return "" }
        let firstYear = first.event.date.year
        let lastYear = last.event.date.year  // items are in timeline order
        // Years with an event get equal shares of the axis; a run of two or more years
        // without one shrinks to a break, so a decade of quiet does not squeeze the years
        // that matter into a corner.
        let eventYears = Set(items.map(\.event.date.year))
        var breaks: [ClosedRange<Int>] = []
        var quietStart: Int?
        for year in firstYear...(lastYear + 1) {
            if year <= lastYear, !eventYears.contains(year) {
                quietStart = quietStart ?? year
            } else if let start = quietStart {
                if year - start >= 2 { breaks.append(start...(year - 1)) }
                quietStart = nil
            }
        }
        let brokenYears = breaks.reduce(0) { $0 + $1.count }
        let drawnYears = lastYear - firstYear + 1 - brokenYears
        let yearWidth =
            (Self.width - 2 * Self.margin - Double(breaks.count) * Self.breakWidth)
            / Double(drawnYears)
        /// Where each year starts on the axis (a broken run's first year: where the break
        /// starts), before mirroring.
        var yearStart: [Int: Double] = [:]
        var cursor = Self.margin
        for year in firstYear...(lastYear + 1) {
            yearStart[year] = cursor
            if let broken = breaks.first(where: { $0.contains(year) }) {
                if year == broken.lowerBound { cursor += Self.breakWidth }
            } else {
                cursor += yearWidth
            }
        }
        /// The position of the start (or end) of a day, before mirroring.
        func x(_ day: (year: Int, month: Int, day: Int), end: Bool = false) -> Double {
            let january = Self.dayNumber(year: day.year, month: 1, day: 1)
            let days = Double(Self.dayNumber(year: day.year + 1, month: 1, day: 1) - january)
            let offset = Double(
                Self.dayNumber(year: day.year, month: day.month, day: day.day) - january)
            return yearStart[day.year]! + yearWidth * (offset + (end ? 1 : 0)) / days
        }
        let isRightToLeft = language.direction == .rightToLeft
        /// Mirrors a position for right-to-left languages.
        func shown(_ position: Double) -> Double {
            isRightToLeft ? Self.width - position : position
        }

        // Markers at the earliest day each date can mean (the day the timeline orders by),
        // kept apart when they fall on the same day.
        var markers: [Double] = []
        for item in items {
            let earliest = item.event.date.earliestDay
            var position = x(earliest)
            if let previous = markers.last { position = max(position, previous + Self.markerGap) }
            markers.append(position)
        }

        // Labels in rows. A label that spans another event's marker goes in a lower row than
        // that event's label, so no leader line crosses a label: rows are given in an order
        // where the events a label spans come first (a depth-first topological order),
        // then a label moves down while it overlaps a label already in its row.
        // Labels run in reading direction from their marker; one that would pass the far
        // edge, or span the marker of a label that does, ends at its marker instead. Spans
        // then point one way only, so the order below always exists.
        var labels = [(start: Double, end: Double)](repeating: (0, 0), count: items.count)
        var endsAtMarker = [Bool](repeating: false, count: items.count)
        for index in items.indices.reversed() {
            let marker = markers[index]
            let item = items[index]
            let textWidth = max(
                Self.estimatedWidth(item.label, fontSize: Self.labelFontSize, bold: true),
                Self.estimatedWidth(
                    item.detail, fontSize: Self.detailFontSize, bold: item.detailIsFigure))
            let forward = (start: marker - 4, end: marker + textWidth + 8)
            endsAtMarker[index] =
                forward.end > Self.width - Self.margin / 2
                || markers.indices.contains {
                    $0 > index && endsAtMarker[$0] && markers[$0] < forward.end
                }
            labels[index] = endsAtMarker[index] ? (marker - textWidth - 8, marker + 4) : forward
        }
        let spanned = labels.enumerated().map { index, label in
            markers.indices.filter {
                $0 != index && label.start < markers[$0] && markers[$0] < label.end
            }
        }
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: items.count)  // 0 new, 1 visiting, 2 done
        for root in items.indices where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < spanned[top.node].count {
                    stack[stack.count - 1].next += 1
                    let child = spanned[top.node][top.next]
                    if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    state[top.node] = 2
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var rows = [Int](repeating: -1, count: items.count)
        var rowContents: [[(start: Double, end: Double)]] = []
        for index in order {
            var row = spanned[index].map { rows[$0] + 1 }.max() ?? 0
            while row < rowContents.count,
                rowContents[row].contains(where: {
                    $0.start < labels[index].end && labels[index].start < $0.end
                })
            {
                row += 1
            }
            while rowContents.count <= row { rowContents.append([]) }
            rowContents[row].append(labels[index])
            rows[index] = row
        }
        let rowCount = (rows.max() ?? 0) + 1
        let height = Self.firstRowY + Double(rowCount) * Self.rowHeight - 10

        var svg = """
            <svg class="timeline-graphic" xmlns="http://www.w3.org/2000/svg" \
            viewBox="0 0 \(Self.number(Self.width)) \(Self.number(height))" \
            width="\(Self.number(Self.width))" height="\(Self.number(height))" \
            direction="\(language.direction.rawValue)" role="img" \
            aria-labelledby="\(idPrefix)-title \(idPrefix)-desc">
            <title id="\(idPrefix)-title">\(XML.escaped(title))</title>
            <desc id="\(idPrefix)-desc">\(XML.escaped(description))</desc>

            """
        // The axis and the years: the axis broken where quiet years were left out, a tick
        // at each new year, the label in the middle of it, every year when they fit, else
        // every second, fifth or tenth.
        var axisStart = Self.margin
        for broken in breaks + [(lastYear + 1)...(lastYear + 1)] {
            let axisEnd = yearStart[broken.lowerBound]!
            svg +=
                "<line class=\"tg-axis\" x1=\"\(Self.number(shown(axisStart)))\" y1=\"\(Self.number(Self.axisY))\" "
                + "x2=\"\(Self.number(shown(axisEnd)))\" y2=\"\(Self.number(Self.axisY))\"/>\n"
            axisStart = axisEnd + Self.breakWidth
            guard broken.lowerBound <= lastYear else { continue }
            for offset in [10.0, 16.0] {
                let mark = shown(axisEnd + offset)
                svg +=
                    "<line class=\"tg-break\" x1=\"\(Self.number(mark - 3))\" y1=\"\(Self.number(Self.axisY + 6))\" "
                    + "x2=\"\(Self.number(mark + 3))\" y2=\"\(Self.number(Self.axisY - 6))\"/>\n"
            }
        }
        let labelEvery = [1, 2, 5, 10, 20, 50, 100].first { Double($0) * yearWidth >= 44 } ?? 100
        var labelled = 0
        for year in firstYear...(lastYear + 1) where !breaks.contains(where: { $0.contains(year) })
        {
            let tick = shown(yearStart[year]!)
            svg +=
                "<line class=\"tg-tick\" x1=\"\(Self.number(tick))\" y1=\"\(Self.number(Self.axisY - 6))\" "
                + "x2=\"\(Self.number(tick))\" y2=\"\(Self.number(Self.axisY + 6))\"/>\n"
            guard year <= lastYear else { continue }
            defer { labelled += 1 }
            guard labelled % labelEvery == 0 else { continue }
            let middle = shown(yearStart[year]! + yearWidth / 2)
            svg +=
                "<text class=\"tg-year\" x=\"\(Self.number(middle))\" y=\"\(Self.number(Self.axisY - 12))\" "
                + "text-anchor=\"middle\">\(XML.escaped(yearText(year)))</text>\n"
        }
        // The span each date can mean, under the markers.
        for item in items where item.event.date.precision != .day {
            let (from, to) = (item.event.date.earliestDay, item.event.date.latestDay)
            let left = shown(x(from))
            let right = shown(x(to, end: true))
            svg +=
                "<rect class=\"tg-span\" x=\"\(Self.number(min(left, right)))\" "
                + "y=\"\(Self.number(Self.axisY - 4))\" width=\"\(Self.number(abs(right - left)))\" height=\"8\" rx=\"4\"/>\n"
        }
        // The events: leader, marker and label. The image itself holds no link (an image's
        // content is not interactive); a second, transparent layer laid over it holds one
        // link per event, for pointers only: hidden from screen readers and out of the tab
        // order, since the list below the graphic carries the same links for them.
        var links = """
            <svg class="timeline-links" xmlns="http://www.w3.org/2000/svg" \
            viewBox="0 0 \(Self.number(Self.width)) \(Self.number(height))" \
            width="\(Self.number(Self.width))" height="\(Self.number(height))" aria-hidden="true">

            """
        for (index, item) in items.enumerated() {
            let marker = shown(markers[index])
            let rowY = Self.firstRowY + Double(rows[index]) * Self.rowHeight
            let anchor = endsAtMarker[index] ? "end" : "start"
            let language = item.labelLanguage.map { " xml:lang=\"\($0)\"" } ?? ""
            svg += """
                <g class="tg-event">
                <line class="tg-leader" x1="\(Self.number(marker))" y1="\(Self.number(Self.axisY + 7))" \
                x2="\(Self.number(marker))" y2="\(Self.number(rowY - Self.labelFontSize))"/>
                <circle class="tg-marker" cx="\(Self.number(marker))" cy="\(Self.number(Self.axisY))" r="5"/>
                <text class="tg-label" x="\(Self.number(marker))" y="\(Self.number(rowY))" text-anchor="\(anchor)"\(language)>\
                \(XML.escaped(item.label))</text>
                <text class="\(item.detailIsFigure ? "tg-figure" : "tg-date")" x="\(Self.number(marker))" \
                y="\(Self.number(rowY + 17))" text-anchor="\(anchor)">\(XML.escaped(item.detail))</text>
                </g>

                """
            let extent = labels[index]
            let left = isRightToLeft ? Self.width - extent.end : extent.start
            links += """
                <a href="\(XML.escaped(item.href))" tabindex="-1">
                <title\(language)>\(XML.escaped(item.title))</title>
                <rect class="tg-hit" x="\(Self.number(left))" y="\(Self.number(rowY - 16))" \
                width="\(Self.number(extent.end - extent.start))" height="40"/>
                <circle class="tg-hit" cx="\(Self.number(marker))" cy="\(Self.number(Self.axisY))" r="9"/>
                </a>

                """
        }
        return "<div class=\"tg-stack\">\n" + svg + "</svg>\n" + links + "</svg>\n</div>"
    }

    /// Days since 1 January of year 0 in the proleptic Gregorian calendar.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        var days = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
        for earlier in 1..<month { days += EventDate.numberOfDays(inMonth: earlier, year: year) }
        return days + day - 1
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
