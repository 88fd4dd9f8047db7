import Digest

/// A file of ``BinaryWriter`` values with a header that says what it is and proves it
/// whole: the magic `SITEGEN\0`, the kind (a short name) and format version, the payload's
/// length (8 bytes, little-endian) and its SHA-256 digest (32 bytes), then the payload.
///
/// ``payload(of:kind:version:)`` accepts a file only when every part of the header matches
/// and the digest is the payload's: a truncated, padded or altered file, or one of another
/// kind or version, is refused before any of its values is read.
public enum StateFile {
    /// The first bytes of every state file.
    static let magic = Array("SITEGEN\0".utf8)

    /// Why a file is not a state file of the kind asked for.
    public enum Refusal: Error, Sendable, Equatable {
        /// It does not start like a state file, or is shorter than its header.
        case notAStateFile
        /// It is a state file of another kind or format version.
        case otherKind
        /// Its length or digest does not match its payload.
        case damaged
    }

    /// The file's bytes: the header, then `payload`.
    public static func bytes(kind: String, version: Int, payload: [UInt8]) -> [UInt8] {
        var header = BinaryWriter(capacity: 64 + payload.count)
        header.append(raw: magic)
        header.write(kind)
        header.write(version)
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { header.append(raw: $0) }
        header.append(raw: digest(of: payload[...]))
        var bytes = header.bytes
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// A reader of the payload of a state file of `kind` and `version`.
    public static func payload(of bytes: [UInt8], kind: String, version: Int)
        throws(Refusal) -> BinaryReader
    {
        guard bytes.count > magic.count, bytes.starts(with: magic) else {
            throw .notAStateFile
        }
        var header = BinaryReader(bytes, range: magic.count..<bytes.count)
        do {
            guard try header.readString() == kind, try header.readInt() == version else {
                throw Refusal.otherKind
            }
            let length = try header.readRaw(count: 8).reversed().reduce(UInt64(0)) {
                $0 << 8 | UInt64($1)
            }
            let expected = try header.readRaw(count: 32)
            guard length == UInt64(header.remaining) else { throw Refusal.damaged }
            let start = header.offset
            guard digest(of: bytes[start...]).elementsEqual(expected) else {
                throw Refusal.damaged
            }
            return BinaryReader(bytes, range: start..<bytes.count)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw .notAStateFile
        }
    }

    private static func digest(of bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBytes { SHA256.bytes(of: $0) }
    }
}
