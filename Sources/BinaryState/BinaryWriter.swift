/// Values written one after another into bytes, in a fixed, unambiguous encoding: unsigned
/// integers as LEB128 varints, signed ones zigzagged first, strings and byte runs preceded
/// by their length, optionals by a tag byte (0 absent, 1 present), lists by their count.
///
/// Read back with ``BinaryReader``. The same values always give the same bytes, so the
/// bytes also serve as the input of a digest.
public struct BinaryWriter: Sendable {
    /// The bytes written so far (since the last spill, for a writer with a sink).
    public private(set) var bytes: [UInt8] = []
    /// Where the bytes go once more than `spillSize` are held, between a list's elements;
    /// `nil` keeps them all in ``bytes``.
    private let sink: (any BinarySink)?
    private let spillSize: Int

    /// An empty writer, with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        sink = nil
        spillSize = .max
    }

    /// An empty writer that hands its bytes to `sink` whenever it holds more than
    /// `spillSize` of them (checked between a list's elements), so that a large file is
    /// never held whole; ``spill()`` hands over the rest.
    public init(spillingInto sink: any BinarySink, every spillSize: Int = 1 << 20) {
        bytes.reserveCapacity(min(spillSize, 1 << 20) + 4096)
        self.sink = sink
        self.spillSize = spillSize
    }

    /// Hands the bytes held to the sink, and lets them go (nothing without a sink).
    public mutating func spill() {
        guard let sink, !bytes.isEmpty else { return }
        sink.take(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes an unsigned integer as a varint: seven bits a byte, lowest first.
    public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes a signed integer, zigzagged (small magnitudes take few bytes either sign).
    public mutating func write(_ value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes an `Int`, as a signed 64-bit integer.
    public mutating func write(_ value: Int) {
        write(Int64(value))
    }

    /// Writes a Boolean as one byte.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Writes a string as its UTF-8 length, then its UTF-8 bytes.
    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes a tag (0 for `nil`), then the string when there is one.
    public mutating func write(_ value: String?) {
        writeOptional(value) { $0.write($1) }
    }

    /// Writes a tag (0 for `nil`), then the integer when there is one.
    public mutating func write(_ value: Int?) {
        writeOptional(value) { $0.write($1) }
    }

    /// Writes a tag (0 for `nil`, 1 otherwise), then the value with `body` when there is one.
    public mutating func writeOptional<Value>(
        _ value: Value?, _ body: (inout BinaryWriter, Value) -> Void
    ) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        body(&self, value)
    }

    /// Writes a list's count, then each element with `body`.
    public mutating func write<Elements: Collection>(
        _ elements: Elements, _ body: (inout BinaryWriter, Elements.Element) -> Void
    ) {
        write(UInt64(elements.count))
        for element in elements {
            body(&self, element)
            if bytes.count >= spillSize { spill() }
        }
    }

    /// Writes a list of strings.
    public mutating func write(_ strings: [String]) {
        write(strings) { $0.write($1) }
    }

    /// Writes a dictionary of strings, in the order of its keys' bytes (so the same
    /// dictionary always gives the same bytes).
    public mutating func write(_ dictionary: [String: String]) {
        write(dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            $0.write($1.key)
            $0.write($1.value)
        }
    }

    /// Appends bytes as they are, with no length (a fixed-size field).
    public mutating func append(raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }
}

/// Where a spilling ``BinaryWriter`` sends its bytes, piece by piece.
public protocol BinarySink: AnyObject, Sendable {
    /// Takes the next piece of the bytes written.
    func take(_ bytes: [UInt8])
}
