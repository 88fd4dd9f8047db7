import Foundation
import Testing

@testable import Generator

/// The overview of a large timeline: bars per year (or month) on the index and on crowded
/// year pages, tested on the layout's numbers and on the pages built.
@Suite("Timeline overview")
struct OverviewTests {
    static func buckets(_ counts: [Int]) -> [OverviewLayout.Bucket] {
        counts.enumerated().map { index, count in
            OverviewLayout.Bucket(
                first: (2000 + index, 1, 1), last: (2000 + index, 12, 31), count: count,
                firstEvent: 0)
        }
    }

    @Test func barsAreScaledToTheirCountsAndStayInsideTheGraphic() {
        let counts = [3, 56, 0, 12, 200]
        let scale = TimeScale(eventYears: Set(2000...2004))
        let layout = OverviewLayout(
            buckets: Self.buckets(counts), scale: scale, isRightToLeft: false)
        #expect(layout.bars.count == 5)
        #expect(layout.bars[4].height == OverviewLayout.barAreaHeight, "the largest is full")
        #expect(abs(layout.bars[1].height - 56.0 / 200 * OverviewLayout.barAreaHeight) < 1e-9)
        #expect(layout.bars[2].height == 2, "an empty-looking bar is still visible")
        for (bar, next) in zip(layout.bars, layout.bars.dropFirst()) {
            #expect(bar.x + bar.width <= next.x, "bars do not overlap")
        }
        #expect(layout.bars.allSatisfy { $0.x >= 0 && $0.x + $0.width <= TimelineLayout.width })
    }

    @Test func rightToLeftBarsAreTheMirrorImage() {
        let scale = TimeScale(eventYears: Set(2000...2004))
        let buckets = Self.buckets([1, 2, 3, 4, 5])
        let ltr = OverviewLayout(buckets: buckets, scale: scale, isRightToLeft: false)
        let rtl = OverviewLayout(buckets: buckets, scale: scale, isRightToLeft: true)
        for (left, right) in zip(ltr.bars, rtl.bars) {
            #expect(abs(right.x - (TimelineLayout.width - left.x - left.width)) < 1e-9)
            #expect(right.height == left.height)
        }
    }

    @Test func aLargeTimelineOpensWithBarsPerYearAndAGridOfCounts() throws {
        let content = try LargeTimelineTests.site([2018: 40, 2019: 450, 2020: 30])
        let (folder, _) = try SiteBuildTests.build(content: content)
        for language in ["en", "el"] {
            let index = try SiteBuildTests.page("\(language)/index.html", in: folder)
            #expect(index.components(separatedBy: "class=\"ov-bar\"").count - 1 == 3)
            for year in ["2018", "2019", "2020"] {
                #expect(index.contains("<a href=\"years/\(year).html\" tabindex=\"-1\">"))
            }
            #expect(index.contains("class=\"timeline-overview\""))
            #expect(index.contains("role=\"img\""))
        }
        let english = try SiteBuildTests.page("en/index.html", in: folder)
        #expect(english.contains("<span class=\"year-count\">40\u{A0}events</span>"))
        #expect(english.contains("<title>2019: 450\u{A0}events</title>"))
        let greek = try SiteBuildTests.page("el/index.html", in: folder)
        #expect(greek.contains("<span class=\"year-count\">30\u{A0}γεγονότα</span>"))
    }

    @Test func onlyACrowdedYearPageGetsAMonthOverview() throws {
        let content = try LargeTimelineTests.site([2018: 20, 2019: 250])
        let (folder, _) = try SiteBuildTests.build(content: content)
        let quiet = try SiteBuildTests.page("en/years/2018.html", in: folder)
        #expect(!quiet.contains("class=\"timeline-overview\""))
        let crowded = try SiteBuildTests.page("en/years/2019.html", in: folder)
        // A bar for each month the page lists (this part of 2019 runs from January to October).
        let months = Set(crowded.matches(of: /datetime="2019-(\d\d)"/).map { String($0.1) })
        #expect(months.count == 10)
        #expect(crowded.components(separatedBy: "class=\"ov-bar\"").count - 1 == months.count)
        #expect(crowded.contains("<text class=\"ov-caption\""))
        // Each bar leads to its month's first event in the list on the same page.
        let targets = crowded.matches(of: /<a href="#(event-[^"]+)" tabindex="-1">/).map {
            String($0.1)
        }
        #expect(!targets.isEmpty)
        for target in targets { #expect(crowded.contains("id=\"\(target)\"")) }
    }
}
