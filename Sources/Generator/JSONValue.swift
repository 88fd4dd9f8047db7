import Escaping
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
        String(decoding: bytes(indented: indented), as: UTF8.self)
    }

    /// The value as the bytes of a JSON file (see ``text(indented:)``).
    func data(indented: Bool = false) -> Data { Data(bytes(indented: indented)) }

    private func bytes(indented: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: indented ? 0 : nil)
        if indented { output.append(0x0A) }
        return output
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

    /// A string with JSON's escapes, safe inside `<script>` (see
    /// ``Escaping/appendJSONString(_:to:)``).
    private static func writeString(_ value: String, to output: inout [UInt8]) {
        Escaping.appendJSONString(value, to: &output)
    }
}
