/// A deterministic pre-scan of a note that refuses, before cmark-gfm sees it, the shapes
/// that take Debian's cmark-gfm (0.29.0.gfm.6) quadratic time or memory.
///
/// Each measure over-estimates what it guards, reading the note as plain lines: a run of
/// non-blank lines stands for a paragraph (no paragraph spans a blank line), a run of
/// non-white-space bytes for a word. The limits are far above any real note and far below
/// what makes a build slow:
///
/// - **Table cells**: a line that could be a table's delimiter row (`|---|:-:|`) starts a
///   table as wide as that row; every following non-blank line is a row that cmark-gfm
///   fills in to that width. Cells of all tables together: at most 100,000.
/// - **Table row width**: cmark-gfm appends each cell of a row to a linked list by walking
///   it, so a row of *n* cells costs *n*². Summed over the rows of tables: at most 5·10⁷.
/// - **Image openers**: each `]` that closes a link walks back over every `![` still open
///   below it. Brackets are paired as cmark-gfm pairs them (a `]` closes the nearest `[` or
///   `![`, within a paragraph), and every `]` is charged for the `![` open at that moment:
///   at most 10⁸ in all.
/// - **Autolinks**: each `:` or `@` makes the autolink extension scan to the end of its
///   word, and each e-mail address found copies the rest of its text (up to 1,000 times per
///   text). Per word, candidates × length, and per paragraph, min(`@`, 1,000) × length,
///   together: at most 10⁸.
/// - **Footnote references**: each one writes a back-link of some 200 bytes into the
///   footnotes: at most 10,000.
/// - **Nodes**: memory grows with the nodes of cmark-gfm's tree, some 150 to 200 bytes
///   each, and a note can make one a byte (`<<<<`, `> > > >`, `*_*_`, one-letter lines). The
///   characters that can open a node of their own (`*`, `_`, `` ` ``, `~`, `<`, `>`, `&`,
///   `\`, `[`, `]`, `!`) and the non-blank lines: at most 250,000, which keeps a note's
///   tree to some 50 MB.
struct NoteBudget {
    static let maximumTableCells = 100_000
    static let maximumTableRowWork = 50_000_000
    static let maximumImageOpenerWork = 100_000_000
    static let maximumAutolinkWork = 100_000_000
    static let maximumFootnoteReferences = 10_000
    static let maximumNodes = 250_000

    /// Throws ``MarkdownError/inputTooLarge(size:limit:)`` or
    /// ``MarkdownError/overLimit(_:)`` for the first limit the note goes over.
    static func check(_ markdown: String, maximumSize: Int) throws(MarkdownError) {
        let size = markdown.utf8.count
        guard size <= maximumSize else { throw .inputTooLarge(size: size, limit: maximumSize) }
        var markdown = markdown
        let excess = markdown.withUTF8 { bytes in
            var scanner = NoteBudget()
            return scanner.scan(bytes)
        }
        if let excess { throw .overLimit(excess) }
    }

    // MARK: Running totals

    private var tableCells = 0
    private var tableRowWork = 0
    private var autolinkWork = 0
    private var footnoteReferences = 0
    private var nodes = 0

    /// The table being read: its width, and the line of its header.
    private var table: (columns: Int, headerLine: Int)?
    /// The pipes of the line before, which is a table's header if this line is its
    /// delimiter row.
    private var previousLinePipes = 0

    /// The paragraph being read.
    private var paragraph = (line: 1, length: 0, ats: 0)

    /// The brackets open in the paragraph, in order: `true` for an image's `![`.
    private var openBrackets: [Bool] = []
    /// How many of ``openBrackets`` are images'.
    private var openImages = 0
    private var imageOpenerWork = 0

    // MARK: Scanning

    /// Reads the note line by line (`\n`, `\r\n` or `\r` end a line, as for cmark-gfm);
    /// returns the first limit it goes over.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> LimitExceeded? {
        var start = 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let excess = readLine(lineBytes, number: line) { return excess }
            if end + 1 < bytes.count, bytes[end] == 0x0D, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
            line += 1
        }
        return endParagraph()
    }

    /// Adds one line to every measure. Letters and digits, most of a note, cost one
    /// look-up each.
    private mutating func readLine(_ line: UnsafeBufferPointer<UInt8>, number: Int)
        -> LimitExceeded?
    {
        var first = 0
        while first < line.count, line[first] == Byte.space || line[first] == Byte.tab {
            first += 1
        }
        guard first < line.count else {
            (table, previousLinePipes) = (nil, 0)
            return endParagraph()
        }
        nodes += 1  // the line's text, or a line break
        if nodes > Self.maximumNodes {
            return LimitExceeded(kind: .nodes, line: number, column: 1, amount: nodes)
        }
        if paragraph.length == 0 { paragraph.line = number }
        paragraph.length += line.count + 1
        var word = (start: -1, candidates: 0)
        var pipes = 0
        // Read once a line: a static's every use checks that it was made.
        let isOrdinary = Byte.isOrdinary
        for offset in first..<line.count {
            let byte = line[offset]
            if byte >= 0x80 || isOrdinary[Int(byte)] {
                if word.start < 0 { word.start = offset }
                continue
            }
            if Byte.isWhitespace(byte) {
                if word.start >= 0, let excess = endWord(word, at: offset, line: number) {
                    return excess
                }
                word = (-1, 0)
                continue
            }
            if word.start < 0 { word.start = offset }
            if byte == Byte.pipe { pipes += 1 }
            if byte == Byte.colon || byte == Byte.at { word.candidates += 1 }
            if let excess = readMarkup(at: offset, in: line, number: number) { return excess }
        }
        if word.start >= 0, let excess = endWord(word, at: line.count, line: number) {
            return excess
        }
        return readTable(line, pipes: pipes, number: number)
    }

    /// Counts a byte that is not a letter, a digit or white space towards the paragraph's
    /// brackets and addresses, the nodes and the footnote references.
    private mutating func readMarkup(
        at offset: Int, in line: UnsafeBufferPointer<UInt8>, number: Int
    ) -> LimitExceeded? {
        let byte = line[offset]
        let previous = offset > 0 ? line[offset - 1] : 0
        let next = offset + 1 < line.count ? line[offset + 1] : 0
        switch byte {
        case Byte.at: paragraph.ats += 1
        case Byte.exclamation where next == Byte.openBracket:
            openBrackets.append(true)
            openImages += 1
        case Byte.openBracket where previous != Byte.exclamation: openBrackets.append(false)
        case Byte.closeBracket:
            if let excess = closeBracket(line: number) { return excess }
        default: break
        }
        // A run of backticks opens one code span at most.
        if Byte.opensNode(byte), !(byte == Byte.backtick && previous == byte) {
            nodes += 1
            if nodes > Self.maximumNodes {
                return LimitExceeded(kind: .nodes, line: number, column: offset + 1, amount: nodes)
            }
        }
        if byte == Byte.openBracket, next == Byte.caret {
            footnoteReferences += 1
            if footnoteReferences > Self.maximumFootnoteReferences {
                return LimitExceeded(
                    kind: .footnoteReferences, line: number, column: offset + 1,
                    amount: footnoteReferences)
            }
        }
        return nil
    }

    /// Counts a word's autolink work: each candidate scans to the word's end.
    private mutating func endWord(
        _ word: (start: Int, candidates: Int), at end: Int, line: Int
    ) -> LimitExceeded? {
        autolinkWork += word.candidates * (end - word.start)
        guard autolinkWork <= Self.maximumAutolinkWork else {
            return LimitExceeded(
                kind: .autolinks, line: line, column: word.start + 1, amount: autolinkWork)
        }
        return nil
    }

    /// Charges a `]` for the images open below it, and closes the nearest bracket.
    private mutating func closeBracket(line: Int) -> LimitExceeded? {
        imageOpenerWork += openImages
        if openBrackets.popLast() == true { openImages -= 1 }
        guard imageOpenerWork <= Self.maximumImageOpenerWork else {
            return LimitExceeded(
                kind: .imageOpeners, line: paragraph.line, column: 1, amount: imageOpenerWork)
        }
        return nil
    }

    /// Counts a paragraph's e-mail work, and forgets its brackets.
    private mutating func endParagraph() -> LimitExceeded? {
        defer {
            paragraph = (1, 0, 0)
            openBrackets.removeAll(keepingCapacity: true)
            openImages = 0
        }
        autolinkWork += min(paragraph.ats, 1000) * paragraph.length
        guard autolinkWork <= Self.maximumAutolinkWork else {
            return LimitExceeded(
                kind: .autolinks, line: paragraph.line, column: 1, amount: autolinkWork)
        }
        return nil
    }

    /// Counts a line's table cells and row work, when it may be part of a table.
    private mutating func readTable(
        _ line: UnsafeBufferPointer<UInt8>, pipes: Int, number: Int
    ) -> LimitExceeded? {
        defer { previousLinePipes = pipes }
        if let delimiterColumns = Self.delimiterRowColumns(line) {
            let columns = max(delimiterColumns, table?.columns ?? 0)
            if table == nil {
                // The header row: its cells, and its width's cost.
                tableCells += columns
                tableRowWork += (previousLinePipes + 1) * (previousLinePipes + 1)
            }
            table = (columns, table?.headerLine ?? max(1, number - 1))
        } else if let table {
            tableCells += table.columns
        }
        guard let table else { return nil }
        tableRowWork += (pipes + 1) * (pipes + 1)
        if tableCells > Self.maximumTableCells {
            return LimitExceeded(
                kind: .tableCells, line: table.headerLine, column: 1, amount: tableCells)
        }
        if tableRowWork > Self.maximumTableRowWork {
            return LimitExceeded(kind: .tableRowWidth, line: number, column: 1, amount: pipes + 1)
        }
        return nil
    }

    /// The number of cells of a line that could be a table's delimiter row: after any
    /// block quote and list markers, only `|`, `-`, `:` and white space, with at least one
    /// `-`. `nil` for other lines.
    static func delimiterRowColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = skippingContainerMarkers(in: line)
        var (hasHyphen, pipes, first, last) = (false, 0, UInt8(0), UInt8(0))
        while index < line.count {
            let byte = line[index]
            index += 1
            switch byte {
            case Byte.hyphen: hasHyphen = true
            case Byte.pipe: pipes += 1
            case Byte.colon: break
            case Byte.space, Byte.tab, 0x0B, 0x0C: continue
            default: return nil
            }
            if first == 0 { first = byte }
            last = byte
        }
        guard hasHyphen else { return nil }
        return pipes + 1 - (first == Byte.pipe ? 1 : 0) - (last == Byte.pipe ? 1 : 0)
    }

    /// Where a line's content starts after indentation, block quote markers and list
    /// markers (`-`, `+`, `*`, `1.`, `1)`) followed by white space.
    private static func skippingContainerMarkers(in line: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == Byte.space || byte == Byte.tab || byte == Byte.greaterThan {
                index += 1
                continue
            }
            var markerEnd = index
            if byte == Byte.plus || byte == Byte.asterisk || byte == Byte.hyphen {
                markerEnd += 1
            } else {
                while markerEnd < line.count, Byte.isDigit(line[markerEnd]) { markerEnd += 1 }
                guard markerEnd > index, markerEnd < line.count,
                    line[markerEnd] == Byte.period || line[markerEnd] == Byte.closeParenthesis
                else { break }
                markerEnd += 1
            }
            guard markerEnd < line.count,
                line[markerEnd] == Byte.space || line[markerEnd] == Byte.tab
            else { break }
            index = markerEnd
        }
        return index
    }
}

/// The ASCII bytes the scan looks at.
private enum Byte {
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let exclamation = UInt8(ascii: "!")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let caret = UInt8(ascii: "^")
    static let colon = UInt8(ascii: ":")
    static let at = UInt8(ascii: "@")
    static let pipe = UInt8(ascii: "|")
    static let hyphen = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let asterisk = UInt8(ascii: "*")
    static let period = UInt8(ascii: ".")
    static let closeParenthesis = UInt8(ascii: ")")
    static let greaterThan = UInt8(ascii: ">")
    static let backtick = UInt8(ascii: "`")

    /// Space, tab, line feed, vertical tab, form feed, carriage return: where cmark-gfm's
    /// autolink scans stop.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (0x09...0x0D).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// For each ASCII byte, whether the scan can pass over it: everything but white space,
    /// `|`, `:`, `@` and the bytes that can open a node.
    static let isOrdinary: [Bool] = (0..<128).map { value in
        let byte = UInt8(value)
        return !isWhitespace(byte) && !"|:@".utf8.contains(byte) && !opensNode(byte)
    }

    /// Whether cmark-gfm may make a node of its own starting at this byte.
    static func opensNode(_ byte: UInt8) -> Bool {
        "*_`~<>&\\[]!".utf8.contains(byte)
    }
}
