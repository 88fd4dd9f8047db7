extension Escaping {
    /// Appends a JSON string literal: JSON's escapes, and `<`, `>`, `&`, U+2028 and U+2029
    /// escaped too, so that the JSON can sit inside an HTML `<script>` element as it is and
    /// be read as JavaScript. Runs of other bytes are copied as they are.
    public static func appendJSONString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendJSONString(bytes: $0, to: &output) }
    }

    private static func appendJSONString(
        bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "\""))
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        func escape(_ text: String, skipping count: Int) {
            output.append(contentsOf: bytes[runStart..<index])
            output.append(contentsOf: text.utf8)
            index = bytes.index(index, offsetBy: count)
            runStart = index
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
            case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
            case 0x0A: escape("\\n", skipping: 1)
            case 0x0D: escape("\\r", skipping: 1)
            case 0x09: escape("\\t", skipping: 1)
            case UInt8(ascii: "<"): escape("\\u003c", skipping: 1)
            case UInt8(ascii: ">"): escape("\\u003e", skipping: 1)
            case UInt8(ascii: "&"): escape("\\u0026", skipping: 1)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, skipping: 1)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end lines in JavaScript.
                let next = bytes.index(after: index)
                if next + 1 < bytes.endIndex, bytes[next] == 0x80,
                    bytes[next + 1] == 0xA8 || bytes[next + 1] == 0xA9
                {
                    escape(bytes[next + 1] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                } else {
                    index = next
                }
            default: index = bytes.index(after: index)
            }
        }
        output.append(contentsOf: bytes[runStart..<bytes.endIndex])
        output.append(UInt8(ascii: "\""))
    }
}
