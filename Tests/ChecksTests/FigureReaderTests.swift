import Digest
import Foundation
import Testing

@testable import Checks

/// Figures read the way each language writes them.
@Suite("Figure reader")
struct FigureReaderTests {
    private func values(_ text: String, _ language: String) -> [StatedFigure.Value] {
        FigureReader(language: language).figures(in: MarkdownMask.prose(text), lineNumber: 1)
            .map(\.value)
    }

    private static let billion = Decimal(1_000_000_000)
    private static let million = Decimal(1_000_000)

    @Test(arguments: [
        ("en", "more than $10 billion", 10 * billion),
        ("en", "revenue of $870M", 870 * million),
        ("en", "about $14bn", 14 * billion),
        ("en", "$1.5 billion", Decimal(string: "1.5")! * billion),
        ("en", "10 billion dollars", 10 * billion),
        ("el", "άνω των 10 δισ. δολαρίων", 10 * billion),
        ("el", "με αποτίμηση 14 δισ. $", 14 * billion),
        ("el", "1,5 δισ. δολάρια", Decimal(string: "1.5")! * billion),
        ("uk", "понад 10 мільярдів доларів", 10 * billion),
        ("uk", "870 млн доларів", 870 * million),
        ("uk", "10 млрд дол.", 10 * billion),
        ("it", "oltre 10 miliardi di dollari", 10 * billion),
        ("it", "870 milioni di dollari", 870 * million),
        ("ar", "أكثر من 10 مليارات دولار", 10 * billion),
        ("ar", "أكثر من ١٠ مليارات دولار", 10 * billion),
        ("ar", "بـ١٤ مليار دولار", 14 * billion),
        ("ar", "١٠٫٥ مليار دولار", Decimal(string: "10.5")! * billion),
        ("ar", "إلى ملياري دولار", 2 * billion),
    ])
    func readsMoney(language: String, text: String, value: Decimal) {
        #expect(values(text, language) == [.money(value, currency: "USD")])
    }

    @Test(arguments: [
        ("en", "founded in 2016", 2016), ("el", "το 2016", 2016), ("ar", "في ٢٠١٦", 2016),
        ("uk", "у 2025 році", 2025),
    ])
    func readsYears(language: String, text: String, year: Int) {
        #expect(values(text, language) == [.year(year)])
    }

    @Test(arguments: [
        ("en", "13 models in 12 countries"), ("en", "GPT-4o and Llama3"),
        ("en", "see [the report](https://example.org/2019/10-billion)"),
        ("en", "`$15 billion` in code"), ("en", "<!-- $15 billion -->"),
        ("en", "https://example.org/2019 and www.example.org/2018"), ("en", "10 million users"),
        ("en", "page 12345"),
    ])
    func leavesOtherNumbersAlone(language: String, text: String) {
        #expect(values(text, language).isEmpty)
    }

    @Test func columnsCountCharacters() {
        let figures = FigureReader(language: "el").figures(
            in: "Η αποτίμηση: 14 δισ. $ το 2024.", lineNumber: 9)
        #expect(figures.map(\.column) == [14, 27])
        #expect(figures.map(\.line) == [9, 9])
    }

    @Test func hostileNumbersAreReadQuicklyAndSafely() {
        let long = String(repeating: "9", count: 10_000) + " billion dollars"
        #expect(values(long, "en").count <= 1)
        let ticks = String(repeating: "`a", count: 20_000) + " $5 billion"
        let started = ContinuousClock.now
        _ = values(ticks, "en")
        #expect(started.duration(to: .now) < .seconds(5))
    }
}

/// Fingerprints of notes and the SHA-256 under them.
@Suite("Note fingerprint")
struct NoteFingerprintTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(
            SHA256.hex(of: Array("".utf8))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(of: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(
            SHA256.hex(of: long)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func layoutAndDirectivesDoNotChangeTheHash() {
        let plain = NoteFingerprint(body: "\nFirst.\n\nSecond line.\n")
        let laidOut = NoteFingerprint(
            body:
                "\r\n\r\nFirst.  \r\n\r\n\r\n<!-- check: ignore-figure -->\r\nSecond line.\r\n\r\n")
        #expect(plain.hash == laidOut.hash)
        #expect(plain.paragraphHashes == laidOut.paragraphHashes)
        #expect(plain.hash.count == 8 && plain.paragraphHashes.allSatisfy { $0.count == 6 })
        #expect(NoteFingerprint(body: "First.\n\nSecond  line.\n").hash != plain.hash)
    }
}
