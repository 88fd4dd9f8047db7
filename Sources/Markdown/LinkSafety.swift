import Foundation

/// Decides which link and image destinations may reach a page.
///
/// Destinations are judged by an allow-list of schemes, after the same clean-up a browser
/// does (it ignores tabs and newlines anywhere in a URL, and control characters and spaces
/// around it), so `JaVaScRiPt:`, `java&#9;script:` and ` javascript:` are all caught.
/// A destination with no scheme (`#section`, `page.html`, `/path`, `//host/path`) is
/// relative and always safe.
enum LinkSafety {
    /// Schemes a link may use.
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Schemes an image may use.
    static let imageSchemes: Set<String> = ["http", "https"]

    /// Whether a link destination is safe to keep.
    static func isSafeLink(_ destination: String) -> Bool {
        scheme(of: destination).map(linkSchemes.contains) ?? true
    }

    /// Whether an image source is safe to keep.
    static func isSafeImage(_ source: String) -> Bool {
        scheme(of: source).map(imageSchemes.contains) ?? true
    }

    /// The lowercased scheme of a destination; `nil` when it is relative. A destination
    /// whose text before the first `:` is not a well-formed scheme yields that text, which
    /// is on no allow-list.
    static func scheme(of destination: String) -> String? {
        var scalars = destination.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[
            ...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "/", "?", "#":
                return nil
            case ":":
                return String(String.UnicodeScalarView(scalars.prefix(offset))).lowercased()
            default:
                continue
            }
        }
        return nil
    }

    /// The slug and `#fragment` (empty when there is none) of an `event:SLUG` link; `nil`
    /// for any other destination.
    static func eventSlug(in destination: String) -> (slug: String, fragment: String)? {
        guard scheme(of: destination) == "event" else { return nil }
        let rest = destination.drop { $0 != ":" }.dropFirst()
        let slug = rest.prefix { $0 != "#" }
        // cmark-gfm percent-encodes what a URL may not hold, such as letters outside ASCII.
        let decoded = String(slug).removingPercentEncoding ?? String(slug)
        return (decoded, String(rest.dropFirst(slug.count)))
    }
}
