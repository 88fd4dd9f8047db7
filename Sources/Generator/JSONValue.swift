import Foundation

/// A JSON value whose objects keep their keys in the order they were written, so exports
/// read naturally and two builds write the same bytes.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number, kept as its literal text (such as `10000000000`) so no precision is lost.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or `null` when there is none.
    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The value as JSON text: compact, or indented by two spaces.
    ///
    /// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so the text can be
    /// placed inside an HTML `<script>` element as it is.
    func text(indented: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: indented ? 0 : nil)
        if indented { output.append(0x0A) }
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let literal): output.append(contentsOf: literal.utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                Self.separate(index, indent: indent, to: &output)
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.close(isEmpty: values.isEmpty, indent: indent, with: "]", to: &output)
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                Self.separate(index, indent: indent, to: &output)
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.close(isEmpty: members.isEmpty, indent: indent, with: "}", to: &output)
        }
    }

    /// The comma before an item after the first, and, when indenting, its new line.
    private static func separate(_ index: Int, indent: Int?, to output: inout [UInt8]) {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        if let indent { newLine(indent + 1, to: &output) }
    }

    private static func close(
        isEmpty: Bool, indent: Int?, with bracket: Unicode.Scalar, to output: inout [UInt8]
    ) {
        if let indent, !isEmpty { newLine(indent, to: &output) }
        output.append(UInt8(ascii: bracket))
    }

    private static func newLine(_ depth: Int, to output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A string with JSON's escapes, and `<`, `>`, `&`, U+2028 and U+2029 escaped too;
    /// runs of other bytes are copied as they are.
    private static func writeString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { writeString(bytes: $0, to: &output) }
    }

    private static func writeString(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
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
