/// The words of the site's interface in one language ("Timeline", "Sources", …), from
/// `i18n/<code>.yml`. Every language has every key.
public struct InterfaceStrings: Sendable, Hashable {
    /// A string of the interface. The raw value is its key in `i18n/<code>.yml`.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// A short introduction on the language chooser.
        case siteIntro = "site_intro"
        /// The chooser's heading.
        case chooseLanguage = "choose_language"
        /// The link that skips to the main content.
        case skipToContent = "skip_to_content"
        /// The name of the timeline.
        case timeline
        /// A sentence under the timeline's heading.
        case timelineIntro = "timeline_intro"
        /// The heading of an event's amounts.
        case keyFigures = "key_figures"
        /// The heading of an event's sources.
        case sources
        /// A source's language: `{language}`.
        case sourceInLanguage = "source_in_language"
        /// The heading of an event's tags.
        case tags
        /// The link to the previous event.
        case previousEvent = "previous_event"
        /// The link to the next event.
        case nextEvent = "next_event"
        /// The link back to the timeline.
        case backToTimeline = "back_to_timeline"
        /// On a large timeline split into parts, the link to the part before.
        case earlierEvents = "earlier_events"
        /// On a large timeline split into parts, the link to the part after.
        case laterEvents = "later_events"
        /// The heading of the links to the event in other languages.
        case otherLanguages = "other_languages"
        /// Shown above a note that falls back to another language: `{language}`.
        case fallbackNotice = "fallback_notice"
        /// The 404 page's heading.
        case notFoundTitle = "not_found_title"
        /// The 404 page's text.
        case notFoundMessage = "not_found_message"
        /// The label of the links from footnotes back to the text.
        case footnoteBacklink = "footnote_backlink"
        /// An amount that is exceeded: `{amount}`.
        case amountMoreThan = "amount_more_than"
        /// An amount that is a ceiling: `{amount}`.
        case amountUpTo = "amount_up_to"
        /// An approximate amount: `{amount}`.
        case amountAbout = "amount_about"
        /// The label of an investment.
        case roleInvestment = "role_investment"
        /// The label of a valuation.
        case roleValuation = "role_valuation"
        /// The label of a valuation under discussion.
        case roleProposedValuation = "role_proposed_valuation"
        /// The label of revenue.
        case roleRevenue = "role_revenue"
        /// The label of expected revenue.
        case roleRevenueForecast = "role_revenue_forecast"
        /// The label of a spending pledge.
        case roleSpendingPledge = "role_spending_pledge"
        /// The mark between the parts of a source in the list of sources ("," or "،"),
        /// followed by a space.
        case listSeparator = "list_separator"
        /// A source with no publisher named, described by its language: `{language}`.
        case sourceNewsArticle = "source_news_article"
        /// The heading of a topic's page: `{tag}`.
        case tagHeading = "tag_heading"
        /// A sentence under a topic's heading.
        case tagIntro = "tag_intro"
        /// The name of the overview of a large timeline's events by year.
        case eventsPerYear = "events_per_year"
        /// The name of the overview of a year's (or a short timeline's) events by month.
        case eventsPerMonth = "events_per_month"
        /// A sentence describing the overview: what the bars show and where they lead.
        case overviewDescription = "overview_description"

        /// The `{placeholders}` the string must contain, each exactly once.
        public var placeholders: [String] {
            switch self {
            case .sourceInLanguage, .fallbackNotice, .sourceNewsArticle: return ["language"]
            case .tagHeading: return ["tag"]
            case .amountMoreThan, .amountUpTo, .amountAbout: return ["amount"]
            default: return []
            }
        }
    }

    private let strings: [Key: String]

    /// How dates are written, one pattern for each precision and qualifier.
    public let dates: [DateForm: String]

    /// How amounts are written, by ISO 4217 currency code.
    public let amounts: [String: AmountWords]

    /// How a number of events is written ("1 event", "56 events"), a form per plural
    /// category, each with `{number}`.
    public let eventCount: PluralForms

    /// Language names as the strings with `{language}` use them, by BCP 47 code, where
    /// ICU's display name does not fit the grammar ("αγγλικά" in "στα {language}").
    public let languageNames: [String: String]

    /// The topics' names, by tag.
    public let tagLabels: [String: String]

    /// Publishers' names as this language writes them ("بلومبرغ" for Bloomberg), by the
    /// name `event.yml` gives; a publisher not listed keeps its own name.
    public let publisherNames: [String: String]

    /// The language's plural rules, which pick a form of ``amounts``.
    public let pluralRules: PluralRules

    /// Creates interface strings; every key and every date form must have a string.
    public init(
        _ strings: [Key: String], dates: [DateForm: String], amounts: [String: AmountWords],
        eventCount: PluralForms, languageNames: [String: String] = [:],
        tagLabels: [String: String] = [:],
        publisherNames: [String: String] = [:], pluralRules: PluralRules
    ) {
        precondition(Set(strings.keys) == Set(Key.allCases), "every interface string is needed")
        precondition(Set(dates.keys) == Set(DateForm.allCases), "every date form is needed")
        self.strings = strings
        self.dates = dates
        self.amounts = amounts
        self.eventCount = eventCount
        self.languageNames = languageNames
        self.tagLabels = tagLabels
        self.publisherNames = publisherNames
        self.pluralRules = pluralRules
    }

    /// The string for a key.
    public subscript(key: Key) -> String {
        strings[key]!
    }

    /// The string for a key with its placeholders filled: `["date": "2025"]` turns
    /// `early {date}` into `early 2025`.
    public func string(_ key: Key, filling values: [String: String]) -> String {
        Self.fill(self[key], with: values)
    }

    /// A pattern with its `{placeholders}` filled; a `{name}` without a value stays as it is.
    public static func fill(_ text: String, with values: [String: String]) -> String {
        // One pass over the text's bytes: each `{name}` with a value is replaced, anything
        // else is kept as it is.
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        var rest = Substring(text)
        while let (open, close) = nextPlaceholder(in: rest) {
            result += rest[..<open]
            if let value = values[String(rest[rest.utf8.index(after: open)..<close])] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.utf8.index(after: close)...]
        }
        result += rest
        return result
    }
}

extension InterfaceStrings {
    /// The placeholders that occur in a text, in order.
    public static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let (open, close) = nextPlaceholder(in: rest) {
            found.append(String(rest[rest.utf8.index(after: open)..<close]))
            rest = rest[rest.utf8.index(after: close)...]
        }
        return found
    }

    /// Where the next `{`, and the first `}` after it, are; found by bytes, since both are
    /// ASCII (a `{` is a `{` even when a combining mark follows it).
    static func nextPlaceholder(in text: Substring) -> (open: String.Index, close: String.Index)? {
        guard let open = text.utf8.firstIndex(of: UInt8(ascii: "{")),
            let close = text.utf8[open...].firstIndex(of: UInt8(ascii: "}"))
        else { return nil }
        return (open, close)
    }
}
