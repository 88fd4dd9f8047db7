/// A view model turned into what the template engine reads: the one place where typed
/// models become dictionaries (`[String: Any]`), arrays, strings and booleans.
///
/// A model is any `Encodable` struct; each stored property becomes a name the templates can
/// use, an optional with no value is left out (so a section on it renders nothing), and a
/// nested struct or array becomes a section's value.
enum TemplateContext {
    /// The context of a model, for ``TemplateSet/render(_:_:)``.
    static func of(_ model: some Encodable) -> [String: Any] {
        let encoder = ContextEncoder()
        // The encoder itself never throws; a model's own `encode(to:)` is synthesized.
        try? model.encode(to: encoder)
        return encoder.storage.fields ?? [:]
    }
}

/// What an encoder has written: a dictionary, an array or a single value.
private final class ContextStorage {
    var fields: [String: Any]?
    var items: [Any]?
    var value: Any?

    /// What was written. A list of dictionaries (a section's items) is typed as one, so
    /// the renderer reads it as it is instead of converting it element by element each time
    /// it looks at it.
    var result: Any {
        if let fields { return fields }
        if let items { return items as? [[String: Any]] ?? items }
        return value ?? [String: Any]()
    }

    func set(_ value: Any, _ key: String) {
        if fields == nil { fields = [:] }
        fields?[key] = value
    }

    func append(_ value: Any) {
        if items == nil { items = [] }
        items?.append(value)
    }

    /// A nested value: leaves as they are, anything else through its own encoding. The
    /// leaves are told by their type, which costs less than trying a cast on every value.
    static func convert<Value: Encodable>(_ value: Value) -> Any {
        if Value.self == String.self || Value.self == Bool.self || Value.self == Int.self {
            return value
        }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        return encoder.storage.result
    }
}

private struct ContextEncoder: Encoder {
    let storage = ContextStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Room for a page's names at once, so the dictionary is not grown step by step.
        if storage.fields == nil { storage.fields = Dictionary(minimumCapacity: 16) }
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
    mutating func encode(_ value: Bool, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Float, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) { storage.set(value, key.stringValue) }
    mutating func encode(_ value: some Encodable, forKey key: Key) {
        storage.set(ContextStorage.convert(value), key.stringValue)
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
    mutating func encode(_ value: Bool) { storage.append(value) }
    mutating func encode(_ value: String) { storage.append(value) }
    mutating func encode(_ value: Double) { storage.append(value) }
    mutating func encode(_ value: Float) { storage.append(value) }
    mutating func encode(_ value: Int) { storage.append(value) }
    mutating func encode(_ value: Int8) { storage.append(value) }
    mutating func encode(_ value: Int16) { storage.append(value) }
    mutating func encode(_ value: Int32) { storage.append(value) }
    mutating func encode(_ value: Int64) { storage.append(value) }
    mutating func encode(_ value: UInt) { storage.append(value) }
    mutating func encode(_ value: UInt8) { storage.append(value) }
    mutating func encode(_ value: UInt16) { storage.append(value) }
    mutating func encode(_ value: UInt32) { storage.append(value) }
    mutating func encode(_ value: UInt64) { storage.append(value) }
    mutating func encode(_ value: some Encodable) { storage.append(ContextStorage.convert(value)) }
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

    mutating func encodeNil() {}
    mutating func encode(_ value: Bool) { storage.value = value }
    mutating func encode(_ value: String) { storage.value = value }
    mutating func encode(_ value: Double) { storage.value = value }
    mutating func encode(_ value: Float) { storage.value = value }
    mutating func encode(_ value: Int) { storage.value = value }
    mutating func encode(_ value: Int8) { storage.value = value }
    mutating func encode(_ value: Int16) { storage.value = value }
    mutating func encode(_ value: Int32) { storage.value = value }
    mutating func encode(_ value: Int64) { storage.value = value }
    mutating func encode(_ value: UInt) { storage.value = value }
    mutating func encode(_ value: UInt8) { storage.value = value }
    mutating func encode(_ value: UInt16) { storage.value = value }
    mutating func encode(_ value: UInt32) { storage.value = value }
    mutating func encode(_ value: UInt64) { storage.value = value }
    mutating func encode(_ value: some Encodable) { storage.value = ContextStorage.convert(value) }
}
