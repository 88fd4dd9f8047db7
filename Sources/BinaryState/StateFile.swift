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
        let header = try header(of: bytes)
        guard header.kind == kind, header.version == version else { throw .otherKind }
        guard header.length == UInt64(bytes.count - header.start),
            digest(of: bytes[header.start...]).elementsEqual(header.digest)
        else { throw .damaged }
        return BinaryReader(bytes, range: header.start..<bytes.count)
    }

    /// The payload's digest a state file's header names, as 64 lowercase hexadecimal
    /// digits (not checked against the payload: ``payload(of:kind:version:)`` does that);
    /// `nil` when the header cannot be read.
    public static func namedDigest(of bytes: [UInt8]) -> String? {
        guard let header = try? header(of: bytes) else { return nil }
        let digits = Array("0123456789abcdef".utf8)
        return String(
            decoding: header.digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] },
            as: UTF8.self)
    }

    /// The header's fields, and where the payload starts.
    private static func header(of bytes: [UInt8]) throws(Refusal) -> (
        kind: String, version: Int, length: UInt64, digest: ArraySlice<UInt8>, start: Int
    ) {
        guard bytes.count > magic.count, bytes.starts(with: magic) else {
            throw .notAStateFile
        }
        var reader = BinaryReader(bytes, range: magic.count..<bytes.count)
        do {
            let kind = try reader.readString()
            let version = try reader.readInt()
            let length = try reader.readRaw(count: 8).reversed().reduce(UInt64(0)) {
                $0 << 8 | UInt64($1)
            }
            let digest = try reader.readRaw(count: 32)
            return (kind, version, length, digest, reader.offset)
        } catch {
            throw .notAStateFile
        }
    }

    private static func digest(of bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBytes { SHA256.bytes(of: $0) }
    }
}
