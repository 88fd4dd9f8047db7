import Testing

@testable import Generator

/// The graphic's layout, tested on its numbers: bounded height at any density, no label
/// over another, no leader line through a label, and every event accounted for once.
@Suite("Timeline layout")
struct TimelineLayoutTests {
    /// A deterministic generator, so every run tests the same timelines.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `count` events over `years` years from 2000, in timeline order, with mixed
    /// precision, label widths, amounts and a few featured ones.
    static func entries(_ count: Int, years: Int, seed: UInt64) -> [TimelineLayout.Entry] {
        var random = SplitMix(state: seed)
        var days: [(TimelineLayout.Day, TimelineLayout.Day, Bool)] = []
        for _ in 0..<count {
            let year = 2000 + Int.random(in: 0..<years, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0: days.append(((year, 1, 1), (year, 12, 31), true))
            case 1, 2: days.append(((year, month, 1), (year, month, 28), true))
            default:
                let day = Int.random(in: 1...28, using: &random)
                days.append(((year, month, day), (year, month, day), false))
            }
        }
        days.sort { ($0.0.year, $0.0.month, $0.0.day) < ($1.0.year, $1.0.month, $1.0.day) }
        return days.map { earliest, latest, coarse in
            TimelineLayout.Entry(
                earliest: earliest, latest: latest, showsSpan: coarse,
                labelWidth: Double.random(in: 60...220, using: &random),
                isFeatured: Int.random(in: 0..<40, using: &random) == 0,
                largestAmount: Int.random(in: 0..<3, using: &random) == 0
                    ? Double(Int.random(in: 1...100, using: &random)) * 1e8 : 0)
        }
    }

    static func labels(_ layout: TimelineLayout) -> [(index: Int, label: TimelineLayout.Label)] {
        layout.marks.enumerated().compactMap { index, mark in
            if case .labelled(let label) = mark { return (index, label) }
            return nil
        }
    }

    /// Checks every promise of a layout of `count` events.
    static func expectPromises(_ layout: TimelineLayout, count: Int) {
        #expect(layout.height <= TimelineLayout.maximumHeight)
        #expect(TimelineLayout.maximumHeight <= 420)
        #expect(layout.marks.count == count)
        let labels = Self.labels(layout).map(\.label)
        for (i, a) in labels.enumerated() {
            #expect(a.start >= 0 && a.end <= TimelineLayout.width, "inside the graphic")
            for b in labels[(i + 1)...] where a.row == b.row {
                #expect(!(a.start < b.end && b.start < a.end), "labels overlap")
            }
            for b in labels where b.row > a.row {
                #expect(!(a.start < b.x && b.x < a.end), "a leader crosses a label")
            }
        }
        var counted = [Int](repeating: 0, count: count)
        for (index, mark) in layout.marks.enumerated() {
            switch mark {
            case .labelled, .marker: counted[index] += 1
            case .clustered(let cluster):
                #expect(layout.clusters[cluster].members.contains(index))
            }
        }
        for cluster in layout.clusters {
            #expect(cluster.members.count >= 2)
            for member in cluster.members { counted[member] += 1 }
        }
        #expect(counted.allSatisfy { $0 == 1 }, "every event shown exactly once")
        #expect(
            layout.clusters.reduce(0) { $0 + $1.members.count }
                + layout.marks.filter { if case .clustered = $0 { false } else { true } }.count
                == count)
    }

    @Test(arguments: [1, 8, 50, 200, 2000])
    func boundedAtAnyDensityOverOneYear(count: Int) throws {
        let layout = try #require(
            TimelineLayout(
                entries: Self.entries(count, years: 1, seed: UInt64(count)), isRightToLeft: false))
        Self.expectPromises(layout, count: count)
    }

    @Test(arguments: [1, 8, 50, 200, 2000])
    func boundedAtAnyDensityOverThirtySixYears(count: Int) throws {
        let layout = try #require(
            TimelineLayout(
                entries: Self.entries(count, years: 36, seed: 7 &* UInt64(count)),
                isRightToLeft: false))
        Self.expectPromises(layout, count: count)
        if count >= 200 {
            #expect(!layout.clusters.isEmpty, "crowded markers merge")
            #expect(Self.labels(layout).count >= 8, "the graphic still labels what fits")
        }
    }

    @Test func aFewEventsAreAllLabelledEvenOnTheSameDay() throws {
        let entries = (0..<8).map { index in
            TimelineLayout.Entry(
                earliest: (2016 + index / 2, 6, 1), latest: (2016 + index / 2, 6, 1),
                showsSpan: false, labelWidth: 140, isFeatured: false, largestAmount: 0)
        }
        let layout = try #require(TimelineLayout(entries: entries, isRightToLeft: false))
        #expect(Self.labels(layout).count == 8)
        #expect(layout.clusters.isEmpty)
        Self.expectPromises(layout, count: 8)
    }

    @Test func rightToLeftIsTheMirrorImage() throws {
        let entries = Self.entries(300, years: 5, seed: 11)
        let ltr = try #require(TimelineLayout(entries: entries, isRightToLeft: false))
        let rtl = try #require(TimelineLayout(entries: entries, isRightToLeft: true))
        let mirror = { (x: Double) in TimelineLayout.width - x }
        #expect(rtl.height == ltr.height)
        #expect(rtl.ticks.map(\.x) == ltr.ticks.map { mirror($0.x) })
        #expect(rtl.clusters.map(\.x) == ltr.clusters.map { mirror($0.x) })
        #expect(rtl.clusters.map(\.members) == ltr.clusters.map(\.members))
        for (left, right) in zip(Self.labels(ltr), Self.labels(rtl)) {
            #expect(left.index == right.index)
            #expect(right.label.x == mirror(left.label.x))
            #expect(right.label.start == mirror(left.label.end))
            #expect(right.label.row == left.label.row)
        }
    }

    @Test func featuredEventsThenTheLargestAmountsThenTheEarliestAreLabelledFirst() throws {
        var entries = Self.entries(400, years: 1, seed: 5).map {
            var entry = $0
            entry.isFeatured = false
            entry.largestAmount = 0
            return entry
        }
        entries[399].isFeatured = true
        entries[200].largestAmount = 5e9
        let order = TimelineLayout.priorityOrder(entries)
        #expect(Array(order.prefix(4)) == [399, 200, 0, 1])
        let layout = try #require(TimelineLayout(entries: entries, isRightToLeft: false))
        let labelled = Set(Self.labels(layout).map(\.index))
        #expect(labelled.contains(399) && labelled.contains(200) && labelled.contains(0))
    }
}
