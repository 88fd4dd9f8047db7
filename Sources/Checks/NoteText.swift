import Content
import Digest
import Foundation

/// A note's body cut into paragraphs (runs of non-blank lines), with the line each starts
/// on: what staleness hashes and the figure check read.
struct NoteText {
    /// One paragraph: its lines, and the 1-based line of the note's file it starts on.
    struct Paragraph {
        /// The lines, without line endings.
        var lines: [Substring]
        /// The line of the file on which the paragraph starts.
        var firstLine: Int
        /// Whether an ignore-figure directive stands right before it.
        var isSilenced: Bool
        /// Whether it is inside a fenced code block.
        var isCode: Bool
    }

    /// The paragraphs, directive comments left out, in order.
    let paragraphs: [Paragraph]

    /// Cuts a body, which starts on line `firstLine` of its file, into paragraphs.
    init(body: String, firstLine: Int) {
        var paragraphs: [Paragraph] = []
        var current: [Substring] = []
        var start = firstLine
        var silenceNext = false
        var fence: Substring?
        var isCode = false
        func finish() {
            guard !current.isEmpty else { return }
            paragraphs.append(
                Paragraph(lines: current, firstLine: start, isSilenced: silenceNext, isCode: isCode)
            )
            if !isCode { silenceNext = false }
            current = []
        }
        let lines = textLines(body)
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " }
            let marker = trimmed.prefix(3)
            if marker == "```" || marker == "~~~" {
                if fence == nil {
                    finish()
                    fence = marker
                    isCode = true
                } else if marker == fence {
                    fence = nil
                    current.append(line)
                    finish()
                    isCode = false
                    continue
                }
            }
            if fence == nil, CheckDirective.isIgnoreFigure(line) {
                finish()
                silenceNext = true
                continue
            }
            if fence == nil,
                CheckDirective.isDirective(String(line)) || line.allSatisfy(\.isWhitespace)
            {
                finish()
                continue
            }
            if current.isEmpty { start = firstLine + offset }
            current.append(line)
        }
        finish()
        self.paragraphs = paragraphs
    }

    /// The text that a translation's hash covers: every paragraph (directive comments left
    /// out) with trailing spaces removed, in Unicode normalisation form C, separated by one
    /// blank line. Blank lines, line endings and check directives do not change it.
    var normalized: String {
        paragraphs.map(Self.normalized).joined(separator: "\n\n")
    }

    /// One paragraph's lines without trailing spaces, joined by line feeds, in NFC.
    static func normalized(_ paragraph: Paragraph) -> String {
        paragraph.lines.map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }.joined(separator: "\n").precomposedStringWithCanonicalMapping
    }
}

/// The fingerprint of a default-language note that its translations record.
public struct NoteFingerprint: Sendable, Hashable {
    /// The first 8 hex digits of the SHA-256 of the normalised body.
    public var hash: String

    /// The first 6 hex digits of the SHA-256 of each normalised paragraph, in order.
    public var paragraphHashes: [String]

    /// The line of the note's file on which each paragraph starts.
    public var paragraphLines: [Int]

    /// The fingerprint of a note's body, which starts on line `firstLine` of its file.
    public init(body: String, firstLine: Int = 1) {
        let text = NoteText(body: body, firstLine: firstLine)
        hash = String(SHA256.hex(of: Array(text.normalized.utf8)).prefix(8))
        paragraphHashes = text.paragraphs.map {
            String(SHA256.hex(of: Array(NoteText.normalized($0).utf8)).prefix(6))
        }
        paragraphLines = text.paragraphs.map(\.firstLine)
    }
}

/// The lines of a text, split at every line feed, a carriage return before it kept at the
/// end of its line. (Swift reads `\r\n` as one character, so splitting on the character
/// `\n` would leave CRLF files in one piece.)
func textLines(_ text: String) -> [Substring] {
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
        Substring(String(decoding: $0, as: UTF8.self))
    }
}
