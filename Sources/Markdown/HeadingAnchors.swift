import Foundation

/// Gives a note's headings `id` attributes that read well in any script, depend only on
/// the note's text, and are unique within the note.
///
/// An id keeps the heading's letters, marks and digits in lowercase, turns white space
/// into `-`, and drops other punctuation: `Ίδρυση της Scale AI` becomes
/// `ίδρυση-της-scale-ai`. A second heading with the same id gets `-1`, a third `-2`.
/// Ids that would look like cmark-gfm's footnote ids (`fn-…`, `fnref-…`) are prefixed with
/// `section-`, and a heading with no letters or digits gets `section`.
struct HeadingAnchors {
    private var taken: Set<String> = []
    /// The next suffix to try for each slug, so a note with many equal headings is
    /// handled in linear time.
    private var nextSuffix: [String: Int] = [:]

    /// The id for the next heading of the note, given its text.
    mutating func id(for headingText: String) -> String {
        let base = Self.slug(headingText)
        var candidate = base
        var suffix = nextSuffix[base, default: 1]
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        nextSuffix[base] = suffix
        taken.insert(candidate)
        return candidate
    }

    /// The readable part of an id, before it is made unique.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.isKeptInSlug {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(scalar)
            } else if scalar == "-" || scalar.properties.isWhitespace {
                pendingHyphen = true
            }
        }
        let result = String(slug)
        if result.isEmpty { return "section" }
        if result.hasPrefix("fn-") || result.hasPrefix("fnref-") { return "section-" + result }
        return result
    }
}

extension Unicode.Scalar {
    /// Letters, marks, digits and `_`, except the Arabic tatweel, which only stretches a word.
    fileprivate var isKeptInSlug: Bool {
        if self == "_" { return true }
        if value == 0x0640 { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
