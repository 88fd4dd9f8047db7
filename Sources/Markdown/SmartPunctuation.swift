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
        // The block's text as UTF-8 bytes: everything rewritten is ASCII, so only the
        // neighbours of a quote are ever decoded.
        var bytes: [UInt8] = []
        var isText: [Bool] = []  // false for the stand-ins of line breaks and opaque runs
        var runStarts: [Int] = []
        var hasCandidates = false
        for run in runs {
            runStarts.append(bytes.count)
            switch run {
            case .text(let text):
                let before = bytes.count
                bytes.append(contentsOf: text.utf8)
                isText.append(contentsOf: repeatElement(true, count: bytes.count - before))
                if !hasCandidates {
                    hasCandidates = bytes[before...].contains {
                        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
                            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                    }
                }
            case .lineBreak:
                bytes.append(0x0A)
                isText.append(false)
            case .opaque:
                bytes.append(UInt8(ascii: "x"))
                isText.append(false)
            }
        }
        guard hasCandidates else { return runs.map { _ in nil } }

        var replacements: [Int: String] = [:]  // by byte offset; "" removes the byte
        replaceDashesAndEllipses(in: bytes, isText: isText, into: &replacements)
        replaceQuotes(in: bytes, isText: isText, into: &replacements)
        guard !replacements.isEmpty else { return runs.map { _ in nil } }

        // Rebuild only the runs with a replacement, walking the sorted offsets.
        let offsets = replacements.keys.sorted()
        var next = 0
        var rewritten = [String?](repeating: nil, count: runs.count)
        for (index, run) in runs.enumerated() {
            guard case .text = run else { continue }
            let start = runStarts[index]
            let end = index + 1 < runs.count ? runStarts[index + 1] : bytes.count
            guard next < offsets.count, offsets[next] < end else { continue }
            var result: [UInt8] = []
            result.reserveCapacity(end - start + 8)
            var copied = start
            while next < offsets.count, offsets[next] < end {
                let offset = offsets[next]
                result.append(contentsOf: bytes[copied..<offset])
                result.append(contentsOf: replacements[offset]!.utf8)
                copied = offset + 1
                next += 1
            }
            result.append(contentsOf: bytes[copied..<end])
            rewritten[index] = String(decoding: result, as: UTF8.self)
        }
        return rewritten
    }

    /// `--` and `---` become dashes and `...` an ellipsis, following cmark's rules for
    /// longer runs of hyphens.
    private func replaceDashesAndEllipses(
        in bytes: [UInt8], isText: [Bool], into replacements: inout [Int: String]
    ) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard isText[index], byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == byte, isText[end] { end += 1 }
            let length = end - index
            if byte == UInt8(ascii: "-"), length >= 2 {
                replacements[index] = Self.dashes(forHyphens: length)
                for removed in (index + 1)..<end { replacements[removed] = "" }
            } else if byte == UInt8(ascii: "."), length >= 3 {
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
        in bytes: [UInt8], isText: [Bool], into replacements: inout [Int: String]
    ) {
        var openers: [Int] = []
        for index in bytes.indices where isText[index] {
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            let before = Self.scalar(endingBefore: index, in: bytes)
            let after = Self.scalar(startingAt: index + 1, in: bytes)
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

            let marks = quote == UInt8(ascii: "\"") ? quotationMarks : innerQuotationMarks
            // Unpaired: a lone ' is an apostrophe, a lone " opens or closes by its flanking.
            replacements[index] = String(
                quote == UInt8(ascii: "'") ? apostrophe : (canClose ? marks.closing : marks.opening)
            )

            if canClose, let match = openers.lastIndex(where: { bytes[$0] == quote }) {
                replacements[openers[match]] = String(marks.opening)
                replacements[index] = String(marks.closing)
                openers.removeSubrange(match...)
            } else if canOpen {
                openers.append(index)
            }
        }
    }
}

extension Typography {
    /// The scalar whose UTF-8 bytes end just before `offset`; a line feed at the start.
    fileprivate static func scalar(endingBefore offset: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        guard offset > 0 else { return "\n" }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first ?? "\n"
    }

    /// The scalar whose UTF-8 bytes start at `offset`; a line feed at the end.
    fileprivate static func scalar(startingAt offset: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        guard offset < bytes.count else { return "\n" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\n"
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
