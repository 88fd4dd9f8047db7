public import Foundation

/// Which way a language's text runs.
public enum TextDirection: String, Sendable, Hashable {
    /// Left to right, as in English, Greek, Ukrainian and Italian.
    case leftToRight = "ltr"
    /// Right to left, as in Arabic.
    case rightToLeft = "rtl"
}

/// A language the site is published in.
public struct Language: Sendable, Hashable, Identifiable {
    /// Its BCP 47 code, such as `el`; also the name of its folder in the site.
    public var code: String

    /// Its name in its own script, such as `Ελληνικά`.
    public var name: String

    /// Which way its text runs.
    public var direction: TextDirection

    /// Creates a language.
    public init(code: String, name: String, direction: TextDirection) {
        self.code = code
        self.name = name
        self.direction = direction
    }

    /// The code identifies a language.
    public var id: String { code }

    /// Whether a code is a BCP 47 tag whose language is in ISO 639, such as `el`, `pt-BR` or
    /// `sr-Latn`: letters and digits in subtags joined by `-`.
    /// ISO 639 codes, read from ICU once.
    private static let isoLanguageCodes = Set(
        Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

    public static func isValidCode(_ code: String) -> Bool {
        let subtags = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLowercase }),
            isoLanguageCodes.contains(String(primary))
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (2...8).contains(subtag.count)
                && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

/// The site's settings, from `site.yml`.
public struct Site: Sendable, Hashable {
    /// The site's title, by language code.
    public var titles: [String: String]

    /// Where the site is published, ending with `/`, when known.
    public var baseURL: URL?

    /// The languages, in the order `site.yml` lists them.
    public var languages: [Language]

    /// The language every event must have a note in, and the one others fall back to.
    public var defaultLanguage: Language

    /// The largest note, in UTF-8 bytes, that the build accepts (`max_note_size`).
    public var maxNoteSize: Int

    /// The default ``maxNoteSize``: 1 MiB, plenty for a timeline note.
    public static let defaultMaxNoteSize = 1024 * 1024

    /// The largest ``maxNoteSize`` that `site.yml` may set: 16 MiB.
    public static let largestMaxNoteSize = 16 * 1024 * 1024

    /// Creates site settings.
    public init(
        titles: [String: String], baseURL: URL?, languages: [Language], defaultLanguage: Language,
        maxNoteSize: Int = Site.defaultMaxNoteSize
    ) {
        self.titles = titles
        self.baseURL = baseURL
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.maxNoteSize = maxNoteSize
    }

    /// The language with a code, if the site has it.
    public func language(withCode code: String) -> Language? {
        languages.first { $0.code == code }
    }
}

extension Site {
    /// What a base URL must be, for messages: said the same way for `site.yml` and
    /// `--base-url`.
    public static let baseURLRequirement =
        "an absolute http or https address with a host and no user, query or fragment, "
        + "such as https://example.org/timeline/"

    /// The base URL a text names, with a `/` added at the end when missing; `nil` when it is
    /// not an http or https address with a host, or has a user, a query, a fragment, white
    /// space or a control character, any of which would end up in every canonical link and
    /// feed.
    public static func baseURL(from text: String) -> URL? {
        guard
            !text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control || $0.properties.isWhitespace
            })
        else { return nil }
        let withSlash = text.hasSuffix("/") ? text : text + "/"
        guard let components = URLComponents(string: withSlash),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            components.host?.isEmpty == false, components.user == nil,
            components.password == nil, components.query == nil, components.fragment == nil,
            !text.contains("?"), !text.contains("#")
        else { return nil }
        return components.url
    }
}
