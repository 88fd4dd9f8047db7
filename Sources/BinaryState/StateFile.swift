import Digest
public import Foundation
import Synchronization

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

    /// Writes a state file into `handle` (an empty file open for writing, at its start),
    /// with the payload `write` makes streamed to it about a megabyte at a time instead of
    /// held whole (a build's state is tens of megabytes); the header's length and digest
    /// are filled in last. The bytes are those ``bytes(kind:version:payload:)`` gives for
    /// the same payload.
    ///
    /// - Returns: The payload's digest, as ``namedDigest(of:)`` reads it back.
    /// - Throws: `CocoaError` when the file cannot be written (it may then be left part
    ///   written, for the caller to remove).
    public static func write(
        into handle: FileHandle, kind: String, version: Int,
        spillingEvery spillSize: Int = 1 << 20, payload write: (inout BinaryWriter) -> Void
    ) throws -> String {
        let placeholder = header(
            kind: kind, version: version, length: 0, digest: [UInt8](repeating: 0, count: 32))
        try handle.write(contentsOf: placeholder)
        let sink = FileSink(handle)
        var writer = BinaryWriter(spillingInto: sink, every: spillSize)
        write(&writer)
        writer.spill()
        let (length, digest, failed) = sink.finish()
        if failed { throw CocoaError(.fileWriteUnknown) }
        let complete = header(kind: kind, version: version, length: length, digest: digest)
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: complete)
        return hex(digest)
    }

    /// A header for a payload of `length` bytes with `digest`.
    private static func header(kind: String, version: Int, length: UInt64, digest: [UInt8])
        -> [UInt8]
    {
        var header = BinaryWriter(capacity: 64)
        header.append(raw: magic)
        header.write(kind)
        header.write(version)
        withUnsafeBytes(of: length.littleEndian) { header.append(raw: $0) }
        header.append(raw: digest)
        return header.bytes
    }

    /// Writes a spilling writer's pieces to a file as they come, digesting them.
    private final class FileSink: BinarySink {
        private let state:
            Mutex<(handle: FileHandle, digest: SHA256.Incremental, length: UInt64, failed: Bool)>

        init(_ handle: FileHandle) {
            state = Mutex((handle, SHA256.Incremental(), 0, false))
        }

        func take(_ bytes: [UInt8]) {
            state.withLock { state in
                guard !state.failed else { return }
                bytes.withUnsafeBytes { state.digest.update($0) }
                state.length += UInt64(bytes.count)
                do { try state.handle.write(contentsOf: bytes) } catch { state.failed = true }
            }
        }

        /// The payload's length and digest, and whether a write failed.
        func finish() -> (UInt64, [UInt8], Bool) {
            state.withLock { ($0.length, $0.digest.finalize(), $0.failed) }
        }
    }

    /// The file's bytes: the header, then `payload`.
    public static func bytes(kind: String, version: Int, payload: [UInt8]) -> [UInt8] {
        header(
            kind: kind, version: version, length: UInt64(payload.count),
            digest: digest(of: payload[...])) + payload
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
        return hex(header.digest)
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(
            decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] },
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
