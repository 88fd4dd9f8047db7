/// Characters a contributed file may not carry into a page: control characters, which
/// browsers and terminals act on, and bidirectional controls left open at the end of a
/// line, which would reverse or reorder the text that follows them (a title's " — site",
/// the next field).
public enum UnsafeText {
    /// One unsafe character or unclosed control, and where it is.
    public struct Finding: Sendable, Hashable {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, counted in characters.
        public var column: Int
        /// What is wrong and what to do.
        public var message: String
    }

    /// Every control character but tab and line feed (C0, DEL and C1), and every
    /// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) that is
    /// not closed on its line, with its line and column; at most `limit` of them.
    public static func findings(in text: String, limit: Int = 20) -> [Finding] {
        guard mayContainUnsafeScalars(text) else { return [] }
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            findings += check(line, number: index + 1)
            if findings.count >= limit { return Array(findings.prefix(limit)) }
        }
        return findings
    }

    private static func check(_ line: Substring, number: Int) -> [Finding] {
        var findings: [Finding] = []
        var open: [(scalar: Unicode.Scalar, column: Int)] = []
        var column = 0
        for character in line {
            column += 1
            for scalar in character.unicodeScalars {
                switch scalar.value {
                case 0x09: continue
                case 0x00...0x1F, 0x7F...0x9F:
                    findings.append(
                        Finding(
                            line: number, column: column,
                            message: "a control character (U+\(hex(scalar))) that would reach the "
                                + "page; remove it"))
                case 0x202C:
                    if let last = open.lastIndex(where: {
                        (0x202A...0x202E).contains($0.scalar.value)
                    }) {
                        open.remove(at: last)
                    }
                case 0x202A...0x202E, 0x2066...0x2068:
                    open.append((scalar, column))
                case 0x2069:
                    if let last = open.lastIndex(where: {
                        (0x2066...0x2068).contains($0.scalar.value)
                    }) {
                        open.removeSubrange(last...)
                    }
                default: continue
                }
            }
        }
        for control in open {
            let closer = (0x2066...0x2068).contains(control.scalar.value) ? "U+2069" : "U+202C"
            findings.append(
                Finding(
                    line: number, column: control.column,
                    message: "a bidirectional control (U+\(hex(control.scalar))) left open, which "
                        + "would reorder the text after it; close it with \(closer) on the same "
                        + "line, or remove it"))
        }
        return findings
    }

    /// Whether the UTF-8 bytes hold anything ``findings(in:limit:)`` looks for: nearly every
    /// file does not, and one pass over its bytes says so. Only four lead bytes need a look:
    /// a C0 control or DEL, `C2` (a C1 control follows) and `E2` (a bidirectional control).
    private static func mayContainUnsafeScalars(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0A, 0x09: continue
                case 0x00...0x1F, 0x7F: return true
                case 0xC2 where index + 1 < bytes.count:
                    if (0x80...0x9F).contains(bytes[index + 1]) { return true }  // U+0080–U+009F
                case 0xE2 where index + 2 < bytes.count:
                    switch (bytes[index + 1], bytes[index + 2]) {
                    case (0x80, 0xAA...0xAE): return true  // U+202A–U+202E
                    case (0x81, 0xA6...0xA9): return true  // U+2066–U+2069
                    default: continue
                    }
                default: continue
                }
            }
            return false
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
