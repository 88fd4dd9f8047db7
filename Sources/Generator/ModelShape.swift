/// The names a view model gives its templates, and what each holds: read from the model's
/// type alone (its `Decodable` conformance, synthesized from the same stored properties
/// that ``TemplateContext`` encodes), so the templates can be checked before any page is
/// built.
indirect enum ModelShape: Sendable, Equatable {
    /// A string, a number or a boolean.
    case value
    /// A struct: its names.
    case object([String: ModelShape])
    /// An array of values or structs.
    case list(ModelShape)

    /// The shape of a model type.
    static func of<Model: Decodable>(_ type: Model.Type) -> ModelShape {
        let decoder = ShapeDecoder()
        _ = try? Model(from: decoder)
        return decoder.shape
    }

    /// The names of a struct; none for anything else.
    var names: [String: ModelShape] {
        if case .object(let names) = self { return names }
        return [:]
    }
}

/// The names recorded while a model type decodes itself from nothing.
private final class ShapeFields {
    var names: [String: ModelShape] = [:]
    var element: ModelShape?
    var isList = false

    func record(_ name: String, _ shape: ModelShape) { names[name] = shape }
}

/// A decoder that hands every property an empty value (and every array one element), and
/// records each name asked for.
private struct ShapeDecoder: Decoder {
    let fields = ShapeFields()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var shape: ModelShape {
        if fields.isList { return .list(fields.element ?? .value) }
        return fields.names.isEmpty ? .value : .object(fields.names)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedShape<Key>(fields: fields))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        fields.isList = true
        return UnkeyedShape(fields: fields)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { SingleShape() }

    /// A nested value's shape, and the value its type makes from nothing.
    static func nested<T: Decodable>(_ type: T.Type) throws -> (T, ModelShape) {
        let decoder = ShapeDecoder()
        let value = try T(from: decoder)
        return (value, decoder.shape)
    }
}

private struct KeyedShape<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: ShapeFields
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }
    func decode(_ type: Bool.Type, forKey key: Key) -> Bool {
        fields.record(key.stringValue, .value)
        return false
    }
    func decode(_ type: String.Type, forKey key: Key) -> String {
        fields.record(key.stringValue, .value)
        return ""
    }
    func decode(_ type: Double.Type, forKey key: Key) -> Double {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Float.Type, forKey key: Key) -> Float {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Int.Type, forKey key: Key) -> Int {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Int8.Type, forKey key: Key) -> Int8 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Int16.Type, forKey key: Key) -> Int16 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Int32.Type, forKey key: Key) -> Int32 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: Int64.Type, forKey key: Key) -> Int64 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: UInt.Type, forKey key: Key) -> UInt {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: UInt8.Type, forKey key: Key) -> UInt8 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: UInt16.Type, forKey key: Key) -> UInt16 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: UInt32.Type, forKey key: Key) -> UInt32 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode(_ type: UInt64.Type, forKey key: Key) -> UInt64 {
        fields.record(key.stringValue, .value)
        return 0
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, shape) = try ShapeDecoder.nested(type)
        fields.record(key.stringValue, shape)
        return value
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedDecodingContainer<NestedKey>
    {
        KeyedDecodingContainer(KeyedShape<NestedKey>(fields: ShapeFields()))
    }
    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
        UnkeyedShape(fields: ShapeFields())
    }
    func superDecoder() -> any Decoder { ShapeDecoder() }
    func superDecoder(forKey key: Key) -> any Decoder { ShapeDecoder() }
}

/// An array of one element, whose shape is the array's.
private struct UnkeyedShape: UnkeyedDecodingContainer {
    let fields: ShapeFields
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var isAtEnd: Bool { fields.element != nil }
    var currentIndex: Int { fields.element == nil ? 0 : 1 }

    private func take(_ shape: ModelShape) { fields.element = shape }

    mutating func decodeNil() -> Bool { false }
    mutating func decode(_ type: Bool.Type) -> Bool {
        take(.value)
        return false
    }
    mutating func decode(_ type: String.Type) -> String {
        take(.value)
        return ""
    }
    mutating func decode(_ type: Double.Type) -> Double {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Float.Type) -> Float {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Int.Type) -> Int {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Int8.Type) -> Int8 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Int16.Type) -> Int16 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Int32.Type) -> Int32 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: Int64.Type) -> Int64 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: UInt.Type) -> UInt {
        take(.value)
        return 0
    }
    mutating func decode(_ type: UInt8.Type) -> UInt8 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: UInt16.Type) -> UInt16 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: UInt32.Type) -> UInt32 {
        take(.value)
        return 0
    }
    mutating func decode(_ type: UInt64.Type) -> UInt64 {
        take(.value)
        return 0
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, shape) = try ShapeDecoder.nested(type)
        take(shape)
        return value
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
        -> KeyedDecodingContainer<NestedKey>
    {
        KeyedDecodingContainer(KeyedShape<NestedKey>(fields: ShapeFields()))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
        UnkeyedShape(fields: ShapeFields())
    }
    mutating func superDecoder() -> any Decoder { ShapeDecoder() }
}

private struct SingleShape: SingleValueDecodingContainer {
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) -> Bool { false }
    func decode(_ type: String.Type) -> String { "" }
    func decode(_ type: Double.Type) -> Double { 0 }
    func decode(_ type: Float.Type) -> Float { 0 }
    func decode(_ type: Int.Type) -> Int { 0 }
    func decode(_ type: Int8.Type) -> Int8 { 0 }
    func decode(_ type: Int16.Type) -> Int16 { 0 }
    func decode(_ type: Int32.Type) -> Int32 { 0 }
    func decode(_ type: Int64.Type) -> Int64 { 0 }
    func decode(_ type: UInt.Type) -> UInt { 0 }
    func decode(_ type: UInt8.Type) -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try ShapeDecoder.nested(type).0 }
}
