import Foundation

/// A value a template reads: text, a flag, a number, rendered text, a list or an object of
/// named values.
///
/// The renderer reads these as they are, with no cast at each name it looks up. A view
/// model of `Any` values (``init(_:)``) is turned into one once, before rendering.
public enum TemplateValue: Sendable {
    /// Nothing: prints nothing and counts as false.
    case null
    /// A flag: a section on it renders once when true.
    case bool(Bool)
    /// Text, escaped unless written `{{{name}}}`; the empty string counts as false.
    case string(String)
    /// A number or any other value, as the text it prints; always counts as true.
    case number(String)
    /// Text already rendered, as UTF-8 bytes (see ``RenderedText``).
    case rendered(RenderedText)
    /// A list: a section renders once per item; the empty list counts as false. Written as
    /// a value, a list (like an object) prints nothing.
    case list([TemplateValue])
    /// Named values: a section's context, or the view model itself.
    case object([String: TemplateValue])

    /// Whether a section on the value renders (or an inverted one does not).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .string(let value): !value.isEmpty
        case .number: true
        case .rendered(let text): !text.utf8.isEmpty
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }
}

extension TemplateValue {
    /// A view model of dictionaries (`[String: Any]`), arrays, strings, numbers, booleans,
    /// ``RenderedText`` and `nil` (an optional with no value, or `NSNull`), turned into
    /// typed values. Any other value prints as `String(describing:)` does.
    public init(_ value: Any) {
        switch value {
        case let value as Bool: self = .bool(value)
        case let value as String: self = .string(value)
        case let value as RenderedText: self = .rendered(value)
        case let value as Int: self = .number(String(value))
        case let value as [String: Any]: self = .object(value.mapValues(TemplateValue.init))
        case let value as [Any]: self = .list(value.map(TemplateValue.init))
        case _ where Self.isNull(value): self = .null
        default: self = .number(String(describing: value))
        }
    }

    /// Whether a value is `nil` inside `Any` (an optional with no value) or `NSNull`.
    private static func isNull(_ value: Any) -> Bool {
        if let optional = value as? any OptionalValue { return optional.isNone }
        return type(of: value) is NSNull.Type
    }
}

/// An optional seen through `Any`, to tell `nil` from a value.
private protocol OptionalValue {
    /// Whether it holds no value, however deeply nested.
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool {
        switch self {
        case .none: true
        case .some(let wrapped): (wrapped as? any OptionalValue)?.isNone ?? false
        }
    }
}
