import Digest
import Foundation
import Testing

/// The digests `sha256sum` (here, Python's hashlib) prints for the same bytes, around the
/// lengths where the padding takes one block or two.
@Suite("SHA-256")
struct SHA256Tests {
    /// Bytes `(i × 7 + 3) mod 256` of each length, with their digests.
    @Test(arguments: [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"),
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
    func digestsOfEveryPaddingCase(length: Int, expected: String) {
        let bytes = (0..<length).map { UInt8(($0 * 7 + 3) % 256) }
        #expect(SHA256.hex(of: bytes) == expected)
        #expect(SHA256.hex(of: Data(bytes)) == expected)
        #expect(bytes.withUnsafeBytes { SHA256.hex(of: $0) } == expected)
    }

    @Test func digestsOfTextAndOfAMillionBytes() {
        #expect(
            SHA256.hex(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Data("Χρονολόγιο".utf8))
                == "38c9b4c664b93e23f86ba75438a3e9a44ed5d6d8fd82d9c97f511129ef32495b")
        #expect(
            SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A slice of a larger `Data` (as a file read in part would be) hashes its own bytes.
    @Test func aSliceHashesOnlyItsBytes() {
        let data = Data("xxabcxx".utf8)
        #expect(
            SHA256.hex(of: data[2..<5])
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
