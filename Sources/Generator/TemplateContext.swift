import TemplateEngine

/// A view model turned into what the template engine reads: the one place where typed
/// models become the engine's values (``TemplateValue``): objects, lists, text and flags.
///
/// A model is any `Encodable` struct; each stored property becomes a name the templates can
/// use, an optional with no value is left out (so a section on it renders nothing), and a
/// nested struct or array becomes a section's value.
enum TemplateContext {
    /// The context of a model, for ``TemplateSet/render(_:_:)``.
    static func of(_ model: some Encodable) -> [String: TemplateValue] {
        // Room for a page's names (the layout's and the page's own, about fifty) at once, so
        // the dictionary is not grown and rehashed step by step.
        let encoder = ContextEncoder(capacity: 64)
        // The encoder itself never throws; a model's own `encode(to:)` is synthesized.
        try? model.encode(to: encoder)
        return encoder.storage.fields ?? [:]
    }
}

/// What an encoder has written: an object's fields, a list's items or a single value.
private final class ContextStorage {
    var fields: [String: TemplateValue]?
    var items: [TemplateValue]?
    var value: TemplateValue?

    /// What was written.
    var result: TemplateValue {
        if let fields { return .object(fields) }
        if let items { return .list(items) }
        return value ?? .object([:])
    }

    func set(_ value: TemplateValue, _ key: String) {
        if fields == nil { fields = [:] }
        fields?[key] = value
    }

    func append(_ value: TemplateValue) {
        if items == nil { items = [] }
        items?.append(value)
    }

    /// A nested value: leaves as they are, anything else through its own encoding. The
    /// leaves (an array's strings, mostly) are told by their type, which costs less than
    /// trying a cast on every value.
    static func convert<Value: Encodable>(_ value: Value) -> TemplateValue {
        if Value.self == String.self { return .string(value as! String) }
        if Value.self == Bool.self { return .bool(value as! Bool) }
        if Value.self == Int.self { return .number(String(value as! Int)) }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        return encoder.storage.result
    }
}

private struct ContextEncoder: Encoder {
    let storage = ContextStorage()
    /// How many names an object is given room for: a nested struct (a link, a source) has
    /// a few.
    var capacity = 8
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.fields == nil { storage.fields = Dictionary(minimumCapacity: capacity) }
        return KeyedEncodingContainer(KeyedContext<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.items == nil { storage.items = [] }
        return UnkeyedContext(storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContext(storage: storage)
    }
}

private struct KeyedContext<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ContextStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) {
        storage.set(.bool(value), key.stringValue)
    }
    mutating func encode(_ value: String, forKey key: Key) {
        storage.set(.string(value), key.stringValue)
    }
    mutating func encode(_ value: Double, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { number(value, key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) {
        storage.set(ContextStorage.convert(value), key.stringValue)
    }
    private func number(_ value: some CustomStringConvertible, _ key: Key) {
        storage.set(.number(value.description), key.stringValue)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("view models nest structs, not containers")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("view models nest arrays, not containers")
    }
    mutating func superEncoder() -> any Encoder { ContextEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ContextEncoder() }
}

private struct UnkeyedContext: UnkeyedEncodingContainer {
    let storage: ContextStorage
    var codingPath: [any CodingKey] { [] }
    var count: Int { storage.items?.count ?? 0 }

    mutating func encodeNil() {}
    mutating func encode(_ value: Bool) { storage.append(.bool(value)) }
    mutating func encode(_ value: String) { storage.append(.string(value)) }
    mutating func encode(_ value: Double) { number(value) }
    mutating func encode(_ value: Float) { number(value) }
    mutating func encode(_ value: Int) { number(value) }
    mutating func encode(_ value: Int8) { number(value) }
    mutating func encode(_ value: Int16) { number(value) }
    mutating func encode(_ value: Int32) { number(value) }
    mutating func encode(_ value: Int64) { number(value) }
    mutating func encode(_ value: UInt) { number(value) }
    mutating func encode(_ value: UInt8) { number(value) }
    mutating func encode(_ value: UInt16) { number(value) }
    mutating func encode(_ value: UInt32) { number(value) }
    mutating func encode(_ value: UInt64) { number(value) }
    mutating func encode(_ value: some Encodable) { storage.append(ContextStorage.convert(value)) }
    private func number(_ value: some CustomStringConvertible) {
        storage.append(.number(value.description))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        preconditionFailure("view models nest structs, not containers")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("view models nest arrays, not containers")
    }
    mutating func superEncoder() -> any Encoder { ContextEncoder() }
}

private struct SingleContext: SingleValueEncodingContainer {
    let storage: ContextStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { storage.value = .null }
    mutating func encode(_ value: Bool) { storage.value = .bool(value) }
    mutating func encode(_ value: String) { storage.value = .string(value) }
    mutating func encode(_ value: Double) { number(value) }
    mutating func encode(_ value: Float) { number(value) }
    mutating func encode(_ value: Int) { number(value) }
    mutating func encode(_ value: Int8) { number(value) }
    mutating func encode(_ value: Int16) { number(value) }
    mutating func encode(_ value: Int32) { number(value) }
    mutating func encode(_ value: Int64) { number(value) }
    mutating func encode(_ value: UInt) { number(value) }
    mutating func encode(_ value: UInt8) { number(value) }
    mutating func encode(_ value: UInt16) { number(value) }
    mutating func encode(_ value: UInt32) { number(value) }
    mutating func encode(_ value: UInt64) { number(value) }
    mutating func encode(_ value: some Encodable) { storage.value = ContextStorage.convert(value) }
    private func number(_ value: some CustomStringConvertible) {
        storage.value = .number(value.description)
    }
}
