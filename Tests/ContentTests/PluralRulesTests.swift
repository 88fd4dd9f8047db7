import Content
import Testing
import Timeline

/// CLDR's cardinal plural rules for the site's languages, checked against the examples
/// CLDR lists for each category.
@Suite("CLDR plural rules")
struct PluralRulesTests {
    @Test(arguments: [
        ("en", [PluralCategory.one, .other]), ("el", [.one, .other]),
        ("it", [.one, .many, .other]),
        ("uk", [.one, .few, .many, .other]), ("ar", [.zero, .one, .two, .few, .many, .other]),
        ("fr-CA", [.other]),
    ])
    func eachLanguageNeedsItsCategories(language: String, categories: [PluralCategory]) {
        #expect(PluralRules(languageCode: language).categories == categories)
    }

    @Test func english() {
        let rules = PluralRules(languageCode: "en")
        #expect(rules.category(of: 1) == .one)
        for number in [0, 2, 3, 11, 21, 100, 870] { #expect(rules.category(of: number) == .other) }
        #expect(rules.category(ofDecimal: "1.0") == .other, "v = 0 fails for 1.0")
    }

    @Test func greek() {
        let rules = PluralRules(languageCode: "el")
        #expect(rules.category(of: 1) == .one)
        #expect(rules.category(ofDecimal: "1.0") == .one, "n = 1 holds for 1.0")
        for number in [0, 2, 3, 11, 21, 100, 870] { #expect(rules.category(of: number) == .other) }
        #expect(rules.category(ofDecimal: "2.5") == .other)
    }

    @Test func italian() {
        let rules = PluralRules(languageCode: "it")
        #expect(rules.category(of: 1) == .one)
        for number in [0, 2, 3, 11, 100, 870, 1_000_001] {
            #expect(rules.category(of: number) == .other)
        }
        for number in [1_000_000, 2_000_000, 15_000_000] {
            #expect(rules.category(of: number) == .many, "\(number): whole millions")
        }
        #expect(rules.category(ofDecimal: "2.5") == .other)
    }

    @Test func ukrainian() {
        let rules = PluralRules(languageCode: "uk")
        for number in [1, 21, 31, 101, 1001] { #expect(rules.category(of: number) == .one) }
        for number in [2, 3, 4, 22, 23, 102] { #expect(rules.category(of: number) == .few) }
        for number in [0, 5, 10, 11, 12, 14, 19, 100, 111, 112, 870] {
            #expect(rules.category(of: number) == .many, "\(number)")
        }
        for text in ["0.5", "1.5", "2.5", "10.0"] {
            #expect(rules.category(ofDecimal: text) == .other, "\(text): v != 0")
        }
    }

    @Test func arabic() {
        let rules = PluralRules(languageCode: "ar")
        #expect(rules.category(of: 0) == .zero)
        #expect(rules.category(of: 1) == .one)
        #expect(rules.category(of: 2) == .two)
        for number in [3, 10, 103, 110, 1003] { #expect(rules.category(of: number) == .few) }
        for number in [11, 26, 99, 111, 870, 1011] {
            #expect(rules.category(of: number) == .many, "\(number)")
        }
        for number in [100, 101, 102, 200, 1000] {
            #expect(rules.category(of: number) == .other, "\(number)")
        }
        #expect(rules.category(ofDecimal: "2.0") == .two, "n = 2 holds for 2.0")
        #expect(rules.category(ofDecimal: "3.5") == .other, "ranges match whole numbers only")
    }

    @Test func hugeNumbersKeepTheirLastDigits() {
        let rules = PluralRules(languageCode: "uk")
        #expect(rules.category(ofDecimal: "123456789012345678901234567891") == .one)
        #expect(rules.category(ofDecimal: "123456789012345678901234567811") == .many)
        #expect(
            PluralRules(languageCode: "ar").category(ofDecimal: "9999999999999999999999") == .many)
    }
}
