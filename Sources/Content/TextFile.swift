import Foundation

/// Reading content files as text.
enum TextFile {
    /// The text of a file, without a UTF-8 byte-order mark and with CRLF and CR line endings
    /// turned into LF; `nil`, with an error logged, when it cannot be read, is not UTF-8, or
    /// holds control characters or unclosed bidirectional controls (``UnsafeText``).
    static func read(_ url: URL, shownAs path: String, log: inout ProblemLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error("cannot be read; check that it is a file and that you may read it", in: path)
            return nil
        }
        // Validated from a contiguous buffer: handed `Data` itself, String(validating:)
        // reads it a byte at a time through its iterator.
        let (validated, hasCarriageReturns) = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return (String(validating: bytes, as: UTF8.self), bytes.contains(0x0D))
        }
        guard var text = validated else {
            log.error(notUTF8Message, in: path, line: firstInvalidLine(in: data))
            return nil
        }
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        if hasCarriageReturns {
            text = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        }
        let unsafe = UnsafeText.findings(in: text)
        for finding in unsafe {
            log.error(finding.message, in: path, line: finding.line, column: finding.column)
        }
        return unsafe.isEmpty ? text : nil
    }

    private static let notUTF8Message =
        "is not UTF-8 text; save it as UTF-8 (in most editors: Save As, encoding UTF-8)"

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(in data: Data) -> Int? {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(validating: data[start...index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return String(validating: data[start...], as: UTF8.self) == nil ? line : nil
    }
}
