import Content
import Foundation
import Timeline

/// What the `index` template reads: a language's timeline, one year (or part) of a large
/// timeline, or a topic's events. Each kind fills in its own fields; the rest stay out.
struct TimelinePage: Codable, Sendable {
    /// A link to a year (or part) of a large timeline, with its count and key event.
    struct YearLink: Codable, Sendable {
        /// The year's key event.
        struct Highlight: Codable, Sendable {
            let href: String
            let title: String
            let lang: String
            let dir: String
        }

        let href: String
        let text: String
        let count: String
        let highlight: Highlight?
    }

    /// A link to the part before or after a year page.
    struct PagerLink: Codable, Sendable {
        let href: String
        let label: String
    }

    var backToTimeline: String? = nil
    var intro: String? = nil
    var overview: String? = nil
    var graphic: String? = nil
    var years: [YearGroup]? = nil
    var yearLinks: [YearLink]? = nil
    var hasYearLinks: Bool? = nil
    var pagerLabel: String? = nil
    var earlier: PagerLink? = nil
    var later: PagerLink? = nil
    var hasPager: Bool? = nil
}
