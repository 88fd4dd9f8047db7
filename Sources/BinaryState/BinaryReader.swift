/// Why bytes could not be read back: they end too early, or hold something
/// ``BinaryWriter`` never writes.
public enum BinaryReadError: Error, Sendable, Equatable {
    /// A value runs past the end of the bytes.
    case truncated(at: Int)
    /// A value that cannot be what was written (a varint over 64 bits, a tag other than 0
    /// or 1, a length or count longer than the bytes left), at a byte offset.
    case malformed(at: Int)
}

/// Values read back from ``BinaryWriter``'s bytes, in the order they were written.
///
/// Every length and count is checked against the bytes left before anything is allocated,
/// so bytes that claim a string of 2^60 bytes fail at once instead of asking for the
/// memory.
public struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    /// Where the next value starts.
    public private(set) var offset: Int
    private let end: Int

    /// A reader of `bytes[range]` (all of them when `range` is `nil`).
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// How many bytes are left.
    public var remaining: Int { end - offset }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == end }

    /// An unsigned varint.
    public mutating func readUInt64() throws(BinaryReadError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw .truncated(at: offset) }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw .malformed(at: offset - 1) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A zigzagged signed integer.
    public mutating func readInt64() throws(BinaryReadError) -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// An `Int`.
    public mutating func readInt() throws(BinaryReadError) -> Int {
        Int(try readInt64())
    }

    /// A Boolean.
    public mutating func readBool() throws(BinaryReadError) -> Bool {
        try readTag()
    }

    /// A string.
    public mutating func readString() throws(BinaryReadError) -> String {
        let count = try readLength(elementSize: 1)
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// An optional string.
    public mutating func readOptionalString() throws(BinaryReadError) -> String? {
        try readTag() ? try readString() : nil
    }

    /// An optional `Int`.
    public mutating func readOptionalInt() throws(BinaryReadError) -> Int? {
        try readTag() ? try readInt() : nil
    }

    /// An optional value, read with `body` when its tag says it is there.
    public mutating func readOptional<Value>(
        _ body: (inout BinaryReader) throws(BinaryReadError) -> Value
    ) throws(BinaryReadError) -> Value? {
        try readTag() ? try body(&self) : nil
    }

    /// A list, each element read with `body`; its count is checked against the bytes left
    /// (every element takes at least one byte) before any room is made.
    public mutating func readList<Element>(
        _ body: (inout BinaryReader) throws(BinaryReadError) -> Element
    ) throws(BinaryReadError) -> [Element] {
        let count = try readLength(elementSize: 1)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try body(&self)) }
        return elements
    }

    /// A list of strings.
    public mutating func readStrings() throws(BinaryReadError) -> [String] {
        try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            try reader.readString()
        }
    }

    /// A dictionary of strings, as ``BinaryWriter/write(_:)-(Dictionary<String,String>)``
    /// writes it.
    public mutating func readStringDictionary() throws(BinaryReadError) -> [String: String] {
        let pairs = try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (try reader.readString(), try reader.readString())
        }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    /// `count` bytes as they are.
    public mutating func readRaw(count: Int) throws(BinaryReadError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw .truncated(at: offset) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private mutating func readTag() throws(BinaryReadError) -> Bool {
        guard offset < end else { throw .truncated(at: offset) }
        let tag = bytes[offset]
        guard tag <= 1 else { throw .malformed(at: offset) }
        offset += 1
        return tag == 1
    }

    /// A length or count, refused when the bytes left cannot hold that many elements.
    private mutating func readLength(elementSize: Int) throws(BinaryReadError) -> Int {
        let start = offset
        let value = try readUInt64()
        guard value <= UInt64(remaining / elementSize) else { throw .malformed(at: start) }
        return Int(value)
    }
}
