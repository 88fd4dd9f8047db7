import Crypto
public import Foundation

/// SHA-256 (FIPS 180-4): the digests `sha256sum` prints. The build's manifest lists every
/// file it wrote with one (so `sha256sum -c .sitegen-manifest` checks a published site), and
/// `sitegen check` marks a translation with the digest of the note it was made from.
///
/// The hashing is swift-crypto's: BoringSSL's assembly, which uses the processor's SHA
/// instructions where it has them, about seven times as fast as SHA-256 written in Swift
/// (1.5 GB/s against 0.2 GB/s here), and a build hashes every byte it writes.
public enum SHA256 {
    /// The digest of some bytes, as 64 lowercase hexadecimal digits.
    public static func hex(of data: Data) -> String {
        hex(Crypto.SHA256.hash(data: data))
    }

    /// The digest of some bytes, as 64 lowercase hexadecimal digits.
    public static func hex(of bytes: [UInt8]) -> String {
        hex(Crypto.SHA256.hash(data: bytes))
    }

    /// The digest of some bytes in memory, as 64 lowercase hexadecimal digits.
    public static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        hex(Crypto.SHA256.hash(data: bytes))
    }

    /// The digest of some bytes in memory, as its 32 bytes.
    public static func bytes(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: bytes))
    }

    /// A SHA-256 digest of bytes given piece by piece.
    public struct Incremental {
        private var function = Crypto.SHA256()

        /// A digest of nothing yet.
        public init() {}

        /// Adds `bytes` to what is digested.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            function.update(bufferPointer: bytes)
        }

        /// The digest of everything added, as its 32 bytes.
        public func finalize() -> [UInt8] { Array(function.finalize()) }
    }

    private static func hex(_ digest: Crypto.SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
