import Foundation

/// A JSON value whose objects keep their keys in the order they were written, so exports
/// read naturally and two builds write the same bytes.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as its literal text (such as `10000000000`) so no precision is lost.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// An integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or `null` when there is none.
    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The value as JSON text: compact, or indented by two spaces.
    ///
    /// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so the text can be
    /// placed inside an HTML `<script>` element as it is.
    func text(indented: Bool = false) -> String {
        var output = ""
        write(to: &output, indent: indented ? 0 : nil)
        if indented { output += "\n" }
        return output
    }

    private func write(to output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let values):
            writeContainer(
                values.map { value in
                    { (output: inout String, indent: Int?) in
                        value.write(to: &output, indent: indent)
                    }
                }, open: "[", close: "]", to: &output, indent: indent)
        case .object(let members):
            writeContainer(
                members.map { key, value in
                    { (output: inout String, indent: Int?) in
                        Self.writeString(key, to: &output)
                        output += indent == nil ? ":" : ": "
                        value.write(to: &output, indent: indent)
                    }
                }, open: "{", close: "}", to: &output, indent: indent)
        }
    }

    private func writeContainer(
        _ items: [(inout String, Int?) -> Void], open: String, close: String,
        to output: inout String, indent: Int?
    ) {
        output += open
        guard !items.isEmpty else {
            output += close
            return
        }
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: "  ", count: indent + 1) }
            item(&output, indent.map { $0 + 1 })
        }
        if let indent { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            case _ where scalar.value < 0x20:
                output +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
