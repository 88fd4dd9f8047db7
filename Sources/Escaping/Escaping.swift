/// The one way sitegen makes text safe for each kind of output it writes: HTML text and
/// double-quoted attributes, XML 1.0 (the sitemap, the feeds, the SVG graphics) and JSON
/// strings that may sit inside an HTML `<script>` element.
public enum Escaping {
    /// Where text is placed.
    public enum Context: Sendable {
        /// HTML text, or an attribute value in double or single quotes: `&`, `<`, `>`, `"`
        /// and `'` as entities.
        case html
        /// XML 1.0 text or attribute: the same five escapes as HTML (`&#39;` for `'`, which
        /// XML reads as well as `&apos;`), and the characters XML forbids (C0 controls but
        /// tab, line feed and carriage return; U+FFFE, U+FFFF) left out.
        case xml
    }

    /// Text escaped for a context.
    public static func escaped(_ text: String, for context: Context) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, for: context, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends text escaped for a context to UTF-8 bytes; text with nothing to escape is
    /// copied as it is.
    public static func append(_ text: String, for context: Context, to output: inout [UInt8]) {
        var text = text
        // Read in place: every value of every page passes through here.
        text.withUTF8 { bytes in
            guard bytes.contains(where: { needsWork($0, context) }) else {
                return output.append(contentsOf: bytes)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                case 0x09, 0x0A, 0x0D: output.append(byte)
                case 0..<0x20 where context == .xml: continue
                case 0xEF where context == .xml && isNonCharacter(bytes[index...]): index += 2
                default: output.append(byte)
                }
            }
        }
    }

    private static func needsWork(_ byte: UInt8, _ context: Context) -> Bool {
        // Every byte past `>` (letters, and the bytes of non-ASCII characters) needs nothing
        // but XML's `EF`: most of a page's text is told apart with one comparison.
        if byte > UInt8(ascii: ">") { return byte == 0xEF && context == .xml }
        return switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
            UInt8(ascii: "'"):
            true
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0xEF: context == .xml
        default: false
        }
    }

    /// Whether the bytes after an `EF` lead byte end U+FFFE (`EF BF BE`) or U+FFFF
    /// (`EF BF BF`).
    private static func isNonCharacter(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        rest.count >= 2 && rest[rest.startIndex] == 0xBF
            && (rest[rest.startIndex + 1] == 0xBE || rest[rest.startIndex + 1] == 0xBF)
    }
}

extension Escaping {
    /// Text escaped for XML 1.0; see ``Context/xml``.
    public static func xml(_ text: String) -> String { escaped(text, for: .xml) }

    /// Text escaped for HTML text or a quoted attribute; see ``Context/html``.
    public static func html(_ text: String) -> String { escaped(text, for: .html) }
}
