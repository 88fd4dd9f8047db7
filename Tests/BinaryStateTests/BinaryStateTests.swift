import BinaryState
import Content
import Foundation
import Testing
import Timeline

/// The build state's binary format: values read back as written, and bytes that are not
/// what was written refused without a crash or a large allocation.
@Suite("Binary state format")
struct BinaryStateTests {
    @Test("integers at the edges of their ranges read back as written")
    func integers() throws {
        let unsigned: [UInt64] = [0, 1, 127, 128, 300, UInt64(UInt32.max), .max]
        let signed: [Int64] = [0, -1, 1, -64, 64, .min, .max]
        var writer = BinaryWriter()
        for value in unsigned { writer.write(value) }
        for value in signed { writer.write(value) }
        var reader = BinaryReader(writer.bytes)
        for value in unsigned { #expect(try reader.readUInt64() == value) }
        for value in signed { #expect(try reader.readInt64() == value) }
        #expect(reader.isAtEnd)
    }

    @Test("an event with every field, notes and sources reads back equal")
    func eventRoundTrip() throws {
        let event = Event(
            slug: "talks", date: try EventDate("2025-05", qualifier: .late), order: 2,
            isDraft: true, isFeatured: true, tags: ["deal", "ai"],
            amounts: [
                Amount(
                    role: .valuation, value: Decimal(string: "14.5e9")!, currency: "USD",
                    qualifier: .about),
                Amount(role: .investment, value: 870_000_000, currency: "EUR"),
            ],
            sources: [
                Source(
                    publisher: "Καθημερινή", title: nil, date: try EventDate("2025-06-10"),
                    language: "el", url: URL(string: "https://example.org/a?b=c")),
                Source(
                    publisher: nil, title: "t", date: try EventDate("2025"), language: "ar",
                    url: nil),
            ],
            notes: [
                "en": Note(
                    title: "Talks \u{0}", summary: "s", label: nil, body: "Body\n\nmore",
                    bodyLine: 7, file: "Content/events/talks/en.md", translatedFrom: nil),
                "ar": Note(
                    title: "محادثات", summary: "", label: "label", body: "", bodyLine: 1,
                    file: "f", translatedFrom: "abc", translatedParagraphs: ["p1", "p2"],
                    translatedFromLine: 3),
            ])
        var writer = BinaryWriter()
        writer.write(event)
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.readEvent() == event)
        #expect(reader.isAtEnd)
    }

    @Test("the site's settings read back equal")
    func siteRoundTrip() throws {
        let english = Language(code: "en", name: "English", direction: .leftToRight)
        let arabic = Language(code: "ar", name: "العربية", direction: .rightToLeft)
        for baseURL in [Site.baseURL(from: "https://example.org/x"), nil] {
            let site = Site(
                titles: ["en": "T", "ar": "ت"], baseURL: baseURL, languages: [english, arabic],
                defaultLanguage: english, maxNoteSize: 4096)
            var writer = BinaryWriter()
            writer.write(site)
            var reader = BinaryReader(writer.bytes)
            #expect(try reader.readSite() == site)
        }
    }

    @Test("every truncation of an event's bytes is refused, never a crash")
    func truncated() throws {
        var writer = BinaryWriter()
        writer.write(
            Event(
                slug: "a", date: try EventDate("2024-01-02"), tags: ["x"],
                notes: ["en": Note(title: "t", summary: "s", body: "b")]))
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes.prefix(length)))
            #expect(throws: BinaryReadError.self) { try reader.readEvent() }
        }
    }

    @Test("a length or count claiming 2^60 bytes is refused before anything is allocated")
    func hugeLength() throws {
        var writer = BinaryWriter()
        writer.write(UInt64(1) << 60)
        writer.append(raw: [1, 2, 3])
        var strings = BinaryReader(writer.bytes)
        #expect(throws: BinaryReadError.self) { try strings.readString() }
        var lists = BinaryReader(writer.bytes)
        #expect(throws: BinaryReadError.self) {
            try lists.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
                try reader.readUInt64()
            }
        }
        // A varint of more than 64 bits.
        var long = BinaryReader(Array(repeating: 0xFF, count: 11) + [0])
        #expect(throws: BinaryReadError.self) { try long.readUInt64() }
    }

    @Test("a date the model refuses, or an unknown role, is refused")
    func invalidValues() throws {
        var date = BinaryWriter()
        date.write(2025)
        date.write(Int?.some(2))
        date.write(Int?.some(30))
        date.write(String?.none)
        var reader = BinaryReader(date.bytes)
        #expect(throws: BinaryReadError.self) { try reader.readDate() }
        var amount = BinaryWriter()
        amount.write("bribe")
        amount.write("1")
        amount.write("USD")
        amount.write(String?.none)
        var amounts = BinaryReader(amount.bytes)
        #expect(throws: BinaryReadError.self) { try amounts.readAmount() }
    }

    @Test("a state file streamed in pieces has the bytes of one made whole, and reads back")
    func streamedStateFile() throws {
        let words = (0..<2_000).map { "word \($0) " + String(repeating: "é", count: $0 % 37) }
        func payload(_ writer: inout BinaryWriter) {
            writer.write(Int64(-7))
            writer.write(words) { $0.write($1) }
            writer.write(words.count)
        }
        var whole = BinaryWriter()
        payload(&whole)
        let expected = StateFile.bytes(kind: "test", version: 2, payload: whole.bytes)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("streamed-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let digest = try StateFile.write(
            into: handle, kind: "test", version: 2, spillingEvery: 64, payload: payload)
        try handle.close()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == expected.count)
        #expect(written == expected)
        #expect(digest == StateFile.namedDigest(of: expected))
        var reader = try StateFile.payload(of: written, kind: "test", version: 2)
        #expect(try reader.readInt64() == -7)
        let read = try reader.readList {
            (reader: inout BinaryReader) throws(BinaryReadError) in try reader.readString()
        }
        #expect(read == words)
    }

    @Test("a state file reads back; every flipped byte, cut or addition is refused")
    func stateFile() throws {
        var writer = BinaryWriter()
        writer.write("payload")
        writer.write(Int64(42))
        let file = StateFile.bytes(kind: "test", version: 3, payload: writer.bytes)
        var reader = try StateFile.payload(of: file, kind: "test", version: 3)
        #expect(try reader.readString() == "payload")
        #expect(try reader.readInt64() == 42)
        #expect(throws: StateFile.Refusal.otherKind) {
            try StateFile.payload(of: file, kind: "test", version: 4)
        }
        #expect(throws: StateFile.Refusal.otherKind) {
            try StateFile.payload(of: file, kind: "other", version: 3)
        }
        for index in file.indices {
            var flipped = file
            flipped[index] ^= 0x5A
            #expect(throws: StateFile.Refusal.self, "byte \(index)") {
                try StateFile.payload(of: flipped, kind: "test", version: 3)
            }
        }
        for length in 0..<file.count {
            #expect(throws: StateFile.Refusal.self, "cut at \(length)") {
                try StateFile.payload(of: Array(file.prefix(length)), kind: "test", version: 3)
            }
        }
        #expect(throws: StateFile.Refusal.damaged) {
            try StateFile.payload(of: file + [0], kind: "test", version: 3)
        }
    }
}
