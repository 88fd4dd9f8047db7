public import Foundation

/// A sum of money that an event is about: typed data, so every language shows the same
/// figure.
public struct Amount: Sendable, Hashable {
    /// What the money is.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// Money put into a company.
        case investment
        /// What a company is judged to be worth.
        case valuation
        /// A valuation under discussion, not (yet) reached, such as the price of a tender
        /// offer that is still being negotiated.
        case proposedValuation = "proposed_valuation"
        /// Money a company took in over a period.
        case revenue
        /// Revenue a company expects.
        case revenueForecast = "revenue_forecast"
        /// Money a company says it will spend.
        case spendingPledge = "spending_pledge"
    }

    /// How exact the figure is.
    public enum Qualifier: String, Sendable, Hashable, CaseIterable {
        /// The sum is above the figure ("more than $10 billion").
        case moreThan = "more_than"
        /// The sum is at most the figure ("up to $65 billion").
        case upTo = "up_to"
        /// The figure is approximate ("about $14 billion").
        case about
    }

    /// What the money is.
    public var role: Role

    /// The figure, in whole units of ``currency`` (10000000000 for ten billion).
    public var value: Decimal

    /// The ISO 4217 code of the currency, such as `USD`.
    public var currency: String

    /// How exact the figure is; `nil` when it is exact.
    public var qualifier: Qualifier?

    /// Creates an amount.
    public init(role: Role, value: Decimal, currency: String, qualifier: Qualifier? = nil) {
        self.role = role
        self.value = value
        self.currency = currency
        self.qualifier = qualifier
    }
}
