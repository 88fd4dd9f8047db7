public import Foundation

/// A publication that an event's facts come from.
public struct Source: Sendable, Hashable {
    /// Who published it, such as `Bloomberg`; `nil` when it is not named, and the source
    /// is described by its language.
    public var publisher: String?

    /// Its title, in its own language; `nil` when it is not known.
    public var title: String?

    /// When it was published, to the precision known.
    public var date: EventDate

    /// The BCP 47 code of the language it is written in, such as `el`.
    public var language: String

    /// Where to read it, when it is online.
    public var url: URL?

    /// Creates a source.
    public init(publisher: String?, title: String?, date: EventDate, language: String, url: URL?) {
        self.publisher = publisher
        self.title = title
        self.date = date
        self.language = language
        self.url = url
    }
}
