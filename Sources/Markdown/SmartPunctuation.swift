/// One piece of the inline content of a block (a paragraph, a heading, a table cell), as
/// smart punctuation sees it.
enum InlineRun: Equatable {
    /// Text the author typed, which smart punctuation may rewrite.
    case text(String)
    /// A line break: reads as white space.
    case lineBreak
    /// A code span, raw HTML or a footnote reference: left alone, reads as a letter.
    case opaque
}

extension Typography {
    /// Rewrites the straight punctuation of one block's inline content.
    ///
    /// Quotes are paired the way CommonMark pairs emphasis delimiters, across emphasis and
    /// links but never across blocks. Returns one entry per run: the new text of a `.text`
    /// run when it changed, `nil` otherwise.
    func rewrite(_ runs: [InlineRun]) -> [String?] {
        // Most text has nothing to rewrite: no quote, no `--`, no `...`.
        let hasCandidates = runs.contains { run in
            guard case .text(let text) = run else { return false }
            var previous: UInt8 = 0
            var repeated = 0
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return true }
                repeated = byte == previous ? repeated + 1 : 1
                previous = byte
                if byte == UInt8(ascii: "-") && repeated >= 2 { return true }
                if byte == UInt8(ascii: ".") && repeated >= 3 { return true }
            }
            return false
        }
        guard hasCandidates else { return runs.map { _ in nil } }

        var scalars: [Unicode.Scalar] = []
        var isText: [Bool] = []  // false for the stand-ins of line breaks and opaque runs
        for run in runs {
            switch run {
            case .text(let text):
                scalars.append(contentsOf: text.unicodeScalars)
                isText.append(contentsOf: repeatElement(true, count: text.unicodeScalars.count))
            case .lineBreak:
                scalars.append("\n")
                isText.append(false)
            case .opaque:
                scalars.append("x")
                isText.append(false)
            }
        }

        var replacements: [Int: String] = [:]  // by position; "" removes the scalar
        replaceDashesAndEllipses(in: scalars, isText: isText, into: &replacements)
        replaceQuotes(in: scalars, isText: isText, into: &replacements)
        guard !replacements.isEmpty else { return runs.map { _ in nil } }

        // Rebuild only the runs with a replacement, walking the sorted positions.
        let positions = replacements.keys.sorted()
        var next = 0  // the first position not yet used
        var rewritten = [String?](repeating: nil, count: runs.count)
        var position = 0
        for (index, run) in runs.enumerated() {
            switch run {
            case .text(let text):
                let count = text.unicodeScalars.count
                guard next < positions.count, positions[next] < position + count else {
                    position += count
                    continue
                }
                var result = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    if next < positions.count, positions[next] == position {
                        result.append(contentsOf: replacements[position]!.unicodeScalars)
                        next += 1
                    } else {
                        result.append(scalar)
                    }
                    position += 1
                }
                rewritten[index] = String(result)
            case .lineBreak, .opaque:
                position += 1
            }
        }
        return rewritten
    }

    /// `--` and `---` become dashes and `...` an ellipsis, following cmark's rules for
    /// longer runs of hyphens.
    private func replaceDashesAndEllipses(
        in scalars: [Unicode.Scalar], isText: [Bool], into replacements: inout [Int: String]
    ) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isText[index], scalar == "-" || scalar == "." else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == scalar, isText[end] { end += 1 }
            let length = end - index
            if scalar == "-", length >= 2 {
                replacements[index] = Self.dashes(forHyphens: length)
                for removed in (index + 1)..<end { replacements[removed] = "" }
            } else if scalar == ".", length >= 3 {
                let ellipses = length / 3
                replacements[index] =
                    String(repeating: "\u{2026}", count: ellipses)
                    + String(repeating: ".", count: length % 3)
                for removed in (index + 1)..<end { replacements[removed] = "" }
            }
            index = end
        }
    }

    /// The dashes for a run of hyphens: em dashes where the run divides by three, en dashes
    /// where it divides by two, and otherwise as many em dashes as fit before one or two en
    /// dashes.
    private static func dashes(forHyphens count: Int) -> String {
        let (em, en): (Int, Int)
        if count % 3 == 0 {
            (em, en) = (count / 3, 0)
        } else if count % 2 == 0 {
            (em, en) = (0, count / 2)
        } else if count % 3 == 2 {
            (em, en) = ((count - 2) / 3, 1)
        } else {
            (em, en) = ((count - 4) / 3, 2)
        }
        return String(repeating: "\u{2014}", count: em) + String(repeating: "\u{2013}", count: en)
    }

    /// Straight quotes become the language's curly ones. A quote opens when it is
    /// left-flanking and not right-flanking (in CommonMark's sense) and closes when it is
    /// right-flanking; a closer pairs with the nearest unclosed opener of the same kind.
    private func replaceQuotes(
        in scalars: [Unicode.Scalar], isText: [Bool], into replacements: inout [Int: String]
    ) {
        var openers: [Int] = []
        for index in scalars.indices where isText[index] {
            let quote = scalars[index]
            guard quote == "\"" || quote == "'" else { continue }
            let before: Unicode.Scalar = index > 0 ? scalars[index - 1] : "\n"
            let after: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : "\n"
            let isLeftFlanking =
                !after.isMarkdownWhitespace
                && (!after.isMarkdownPunctuation || before.isMarkdownWhitespace
                    || before.isMarkdownPunctuation)
            let isRightFlanking =
                !before.isMarkdownWhitespace
                && (!before.isMarkdownPunctuation || after.isMarkdownWhitespace
                    || after.isMarkdownPunctuation)
            let canOpen = isLeftFlanking && !isRightFlanking && before != "]" && before != ")"
            let canClose = isRightFlanking

            let marks = quote == "\"" ? quotationMarks : innerQuotationMarks
            // Unpaired: a lone ' is an apostrophe, a lone " opens or closes by its flanking.
            replacements[index] = String(
                quote == "'" ? apostrophe : (canClose ? marks.closing : marks.opening))

            if canClose, let match = openers.lastIndex(where: { scalars[$0] == quote }) {
                replacements[openers[match]] = String(marks.opening)
                replacements[index] = String(marks.closing)
                openers.removeSubrange(match...)
            } else if canOpen {
                openers.append(index)
            }
        }
    }
}

extension Unicode.Scalar {
    /// White space as CommonMark defines it: Unicode `Zs`, tab, line feed, form feed and
    /// carriage return.
    fileprivate var isMarkdownWhitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
        default: return properties.generalCategory == .spaceSeparator
        }
    }

    /// Punctuation as CommonMark defines it: ASCII punctuation or a Unicode `P` category.
    fileprivate var isMarkdownPunctuation: Bool {
        if isASCII {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
