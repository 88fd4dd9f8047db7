import Timeline

/// Where everything in the timeline graphic goes, in SVG user units, already mirrored for
/// right-to-left pages: a pure function of the events' dates, their labels' widths and the
/// page's direction, so the graphic's promises are tested on numbers.
///
/// The promises: the height never passes ``maximumHeight``, whatever the number of events;
/// no two labels overlap; no leader line crosses a label; and every event is exactly one of
/// labelled, a marker of its own, or counted in one cluster.
///
/// When every event's label fits in ``maximumRows`` rows, every event is labelled. Else
/// labels are given in this order, each where it fits without breaking a promise:
/// 1. featured events (`featured: true`), 2. the largest amounts, 3. the earliest; and the
/// other events keep a marker, or merge into a cluster where markers crowd.
struct TimelineLayout: Sendable {
    /// A day as the graphic places it.
    typealias Day = (year: Int, month: Int, day: Int)

    /// One event as the layout sees it.
    struct Entry: Sendable {
        /// The first and last day its date can mean.
        var earliest: Day
        var latest: Day
        /// Whether its date is coarser than a day, so the span it can mean is drawn.
        var showsSpan: Bool
        /// How wide its label is drawn.
        var labelWidth: Double
        /// Whether it is one of the timeline's key moments.
        var isFeatured: Bool
        /// Its largest amount, for choosing which events get a label; 0 without one.
        var largestAmount: Double
    }

    /// A label placed below the axis, joined to its marker by a leader line.
    struct Label: Sendable, Equatable {
        /// The marker's position.
        var x: Double
        /// The row, 0 nearest the axis.
        var row: Int
        /// Whether the text ends at the marker (it runs against the reading direction).
        var endsAtMarker: Bool
        /// The extent the label covers, `start < end`.
        var start: Double
        var end: Double
    }

    /// How one event is shown.
    enum Mark: Sendable, Equatable {
        /// With a label.
        case labelled(Label)
        /// As a marker of its own at a position.
        case marker(Double)
        /// Counted in the cluster with this index in ``clusters``.
        case clustered(Int)
    }

    /// Markers that crowd, merged: drawn at a position with their count.
    struct Cluster: Sendable, Equatable {
        /// The position.
        var x: Double
        /// The events it counts, in timeline order.
        var members: [Int]
    }

    // Geometry, in SVG user units (the graphic is drawn at 1:1 in a 43.5rem column).
    static let width = 696.0
    static let margin = 16.0
    static let axisY = 34.0
    static let firstRowY = 74.0
    static let rowHeight = 46.0
    /// The most rows of labels a graphic has.
    static let maximumRows = 7
    /// The tallest a graphic is.
    static let maximumHeight = firstRowY + Double(maximumRows) * rowHeight - 10
    /// The least distance between two markers of the fully labelled graphic, so that events
    /// on the same day stay apart.
    static let markerGap = 7.0
    /// Markers closer than this to the first of a run merge into a cluster.
    static let clusterReach = 18.0
    /// The width of a break in the axis, where quiet years are left out.
    static let breakWidth = 26.0

    /// The graphic's height.
    var height: Double
    /// The axis, as segments between breaks.
    var axis: [(from: Double, to: Double)] = []
    /// Where the two strokes of each break in the axis are drawn.
    var breakStrokes: [Double] = []
    /// A tick at the start of each drawn year and after the last, with its year.
    var ticks: [(year: Int, x: Double)] = []
    /// The years labelled on the axis, with the middle of each.
    var years: [(year: Int, x: Double)] = []
    /// The span each coarse date can mean, by event.
    var spans: [(index: Int, from: Double, to: Double)] = []
    /// How each event is shown, in timeline order.
    var marks: [Mark] = []
    /// The clusters.
    var clusters: [Cluster] = []

    /// Lays out events in timeline order, on a scale of their own or a given one (which
    /// must cover their years); `nil` when there are none.
    init?(entries: [Entry], isRightToLeft: Bool, scale given: TimeScale? = nil) {
        guard !entries.isEmpty else { return nil }
        let scale = given ?? TimeScale(entries: entries)
        let positions = entries.map { scale.x($0.earliest) }
        let labels =
            Self.labelEveryEvent(entries, positions: positions)
            ?? Self.labelWhatFits(entries, positions: positions)
        let rowCount = max(1, (labels.compactMap { $0?.row }.max() ?? -1) + 1)
        height = Self.firstRowY + Double(rowCount) * Self.rowHeight - 10
        let shown = { (x: Double) in isRightToLeft ? Self.width - x : x }
        (marks, clusters) = Self.marks(labels: labels, positions: positions, shown: shown)
        axis = scale.segments.map { (shown($0.from), shown($0.to)) }
        breakStrokes = scale.breakStarts.flatMap { [shown($0 + 10), shown($0 + 16)] }
        ticks = scale.tickPositions.map { ($0.year, shown($0.x)) }
        years = scale.labelledYears.map { ($0.year, shown($0.x)) }
        spans = entries.indices.filter { entries[$0].showsSpan }.map {
            let (from, to) = (
                shown(scale.x(entries[$0].earliest)), shown(scale.x(entries[$0].latest, end: true))
            )
            return ($0, min(from, to), max(from, to))
        }
    }

    // MARK: Labels

    /// Every event labelled, markers kept apart; `nil` when that takes more than
    /// ``maximumRows`` rows, pushes markers off the axis, or runs a label past an edge.
    private static func labelEveryEvent(_ entries: [Entry], positions: [Double]) -> [Label?]? {
        var markers: [Double] = []
        for position in positions {
            markers.append(max(position, (markers.last ?? -.infinity) + markerGap))
        }
        guard let last = markers.last, last <= width - margin else { return nil }
        return arrange(markers, widths: entries.map(\.labelWidth))
    }

    /// Labels at markers (in order), in rows given in an order where the markers a label
    /// spans come first, so no leader line crosses a label; `nil` when that takes more than
    /// ``maximumRows`` rows or runs a label past an edge.
    ///
    /// A label runs in reading direction from its marker; one that would pass the far edge,
    /// or span the marker of a label that does, ends at its marker instead. Spans then
    /// point one way only, so the order always exists.
    private static func arrange(_ markers: [Double], widths: [Double]) -> [Label]? {
        var extents = [(start: Double, end: Double)](repeating: (0, 0), count: markers.count)
        var endsAtMarker = [Bool](repeating: false, count: markers.count)
        for index in markers.indices.reversed() {
            let forward = extent(at: markers[index], width: widths[index], ending: false)
            endsAtMarker[index] =
                forward.end > width - margin / 2
                || markers.indices.contains {
                    $0 > index && endsAtMarker[$0] && markers[$0] < forward.end
                }
            extents[index] =
                endsAtMarker[index]
                ? extent(at: markers[index], width: widths[index], ending: true) : forward
        }
        // A label that ends at its marker near the start would be cut off by the edge.
        guard extents.allSatisfy({ $0.start >= 0 }) else { return nil }
        let spanned = extents.enumerated().map { index, label in
            markers.indices.filter {
                $0 != index && label.start < markers[$0] && markers[$0] < label.end
            }
        }
        var rows = [Int](repeating: -1, count: markers.count)
        var rowContents: [[(start: Double, end: Double)]] = []
        for index in spannedFirst(spanned) {
            var row = spanned[index].map { rows[$0] + 1 }.max() ?? 0
            while row < rowContents.count,
                rowContents[row].contains(where: { overlaps($0, extents[index]) })
            {
                row += 1
            }
            guard row < maximumRows else { return nil }
            while rowContents.count <= row { rowContents.append([]) }
            rowContents[row].append(extents[index])
            rows[index] = row
        }
        return markers.indices.map {
            Label(
                x: markers[$0], row: rows[$0], endsAtMarker: endsAtMarker[$0],
                start: extents[$0].start, end: extents[$0].end)
        }
    }

    /// A depth-first topological order of events: each after the events its label spans.
    private static func spannedFirst(_ spanned: [[Int]]) -> [Int] {
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: spanned.count)  // 0 new, 1 visiting, 2 done
        for root in spanned.indices where state[root] == 0 {
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
        return order
    }

    /// Labels for as many events as fit, in priority order: each event is labelled when
    /// the labels chosen so far and its own can still be arranged in ``maximumRows`` rows,
    /// and its marker is at least ``markerGap`` from every labelled one.
    private static func labelWhatFits(_ entries: [Entry], positions: [Double]) -> [Label?] {
        var chosen: [Int] = []
        var labels = [Label?](repeating: nil, count: entries.count)
        for candidate in priorityOrder(entries) {
            guard chosen.allSatisfy({ abs(positions[$0] - positions[candidate]) >= markerGap })
            else { continue }
            let trial = (chosen + [candidate]).sorted()
            guard
                let arranged = arrange(
                    trial.map { positions[$0] }, widths: trial.map { entries[$0].labelWidth })
            else { continue }
            chosen = trial
            labels = [Label?](repeating: nil, count: entries.count)
            for (index, label) in zip(trial, arranged) { labels[index] = label }
        }
        return labels
    }

    /// Featured events first, then the largest amounts, then the earliest.
    static func priorityOrder(_ entries: [Entry]) -> [Int] {
        entries.indices.sorted { a, b in
            let (left, right) = (entries[a], entries[b])
            if left.isFeatured != right.isFeatured { return left.isFeatured }
            if left.largestAmount != right.largestAmount {
                return left.largestAmount > right.largestAmount
            }
            return a < b
        }
    }

    // MARK: Markers and clusters

    /// Labelled events keep their marker; the others are markers of their own, or, where
    /// two or more lie within ``clusterReach`` of the first of their run with no labelled
    /// event between them, one cluster.
    private static func marks(
        labels: [Label?], positions: [Double], shown: (Double) -> Double
    ) -> ([Mark], [Cluster]) {
        var marks = [Mark](repeating: .marker(0), count: labels.count)
        var clusters: [Cluster] = []
        var run: [Int] = []
        func flush() {
            if run.count == 1 {
                marks[run[0]] = .marker(shown(positions[run[0]]))
            } else if run.count > 1 {
                let middle = (positions[run.first!] + positions[run.last!]) / 2
                for member in run { marks[member] = .clustered(clusters.count) }
                clusters.append(Cluster(x: shown(middle), members: run))
            }
            run = []
        }
        for index in labels.indices {
            if let label = labels[index] {
                flush()
                marks[index] = .labelled(
                    Label(
                        x: shown(label.x), row: label.row, endsAtMarker: label.endsAtMarker,
                        start: min(shown(label.start), shown(label.end)),
                        end: max(shown(label.start), shown(label.end))))
                continue
            }
            if let first = run.first, positions[index] - positions[first] >= clusterReach {
                flush()
            }
            run.append(index)
        }
        flush()
        return (marks, clusters)
    }

    // MARK: Geometry

    /// The extent of a label of a width at a marker, running forward from it or ending at it.
    private static func extent(at x: Double, width: Double, ending: Bool) -> (
        start: Double, end: Double
    ) {
        ending ? (x - width - 8, x + 4) : (x - 4, x + width + 8)
    }

    private static func overlaps(
        _ a: (start: Double, end: Double), _ b: (start: Double, end: Double)
    ) -> Bool {
        a.start < b.end && b.start < a.end
    }
}

/// The time axis: years with an event get equal shares of the width; a run of two or more
/// years without one shrinks to a break, so a decade of quiet does not squeeze the years
/// that matter into a corner.
struct TimeScale: Sendable {
    let firstYear: Int
    let lastYear: Int
    let breaks: [ClosedRange<Int>]
    let yearWidth: Double
    /// Where each year starts on the axis (a broken run's first year: where the break
    /// starts), left to right.
    let yearStart: [Int: Double]

    /// The scale of a graphic of these entries.
    init(entries: [TimelineLayout.Entry]) {
        self.init(eventYears: Set(entries.map(\.earliest.year)))
    }

    /// A scale over the years that have events; there must be at least one.
    init(eventYears: Set<Int>) {
        firstYear = eventYears.min()!
        lastYear = eventYears.max()!
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
        self.breaks = breaks
        let drawnYears = lastYear - firstYear + 1 - breaks.reduce(0) { $0 + $1.count }
        let margin = TimelineLayout.margin
        yearWidth =
            (TimelineLayout.width - 2 * margin - Double(breaks.count) * TimelineLayout.breakWidth)
            / Double(drawnYears)
        var starts: [Int: Double] = [:]
        var cursor = margin
        for year in firstYear...(lastYear + 1) {
            starts[year] = cursor
            if let broken = breaks.first(where: { $0.contains(year) }) {
                if year == broken.lowerBound { cursor += TimelineLayout.breakWidth }
            } else {
                cursor += yearWidth
            }
        }
        yearStart = starts
    }

    /// The position of the start (or end) of a day. A day past the last year (a span that
    /// runs on) is placed at the axis's end.
    func x(_ day: TimelineLayout.Day, end: Bool = false) -> Double {
        guard let start = yearStart[day.year] else { return yearStart[lastYear + 1]! }
        let january = EventDate.dayNumber(year: day.year, month: 1, day: 1)
        let days = Double(EventDate.dayNumber(year: day.year + 1, month: 1, day: 1) - january)
        let offset = Double(
            EventDate.dayNumber(year: day.year, month: day.month, day: day.day) - january)
        return start + yearWidth * (offset + (end ? 1 : 0)) / days
    }

    /// The axis between breaks.
    var segments: [(from: Double, to: Double)] {
        var start = TimelineLayout.margin
        var result: [(Double, Double)] = []
        for broken in breaks + [(lastYear + 1)...(lastYear + 1)] {
            let end = yearStart[broken.lowerBound]!
            result.append((start, end))
            start = end + TimelineLayout.breakWidth
        }
        return result
    }

    /// Where each break starts.
    var breakStarts: [Double] { breaks.map { yearStart[$0.lowerBound]! } }

    private var drawnYears: [Int] {
        (firstYear...(lastYear + 1)).filter { year in !breaks.contains { $0.contains(year) } }
    }

    /// A tick at the start of each drawn year, and after the last.
    var tickPositions: [(year: Int, x: Double)] { drawnYears.map { ($0, yearStart[$0]!) } }

    /// The years labelled, in the middle of each: every year when the labels fit, else
    /// every second, fifth or tenth.
    var labelledYears: [(year: Int, x: Double)] {
        let every = [1, 2, 5, 10, 20, 50, 100].first { Double($0) * yearWidth >= 44 } ?? 100
        return drawnYears.filter { $0 <= lastYear }.enumerated()
            .filter { $0.offset % every == 0 }
            .map { ($0.element, yearStart[$0.element]! + yearWidth / 2) }
    }
}
