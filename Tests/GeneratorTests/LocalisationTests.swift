import Content
import Foundation
import Testing
import Timeline

@testable import Generator

/// The text sitegen writes around the notes, in each language of the real `Content/`:
/// amounts in the plural form CLDR gives their number, dates for every precision and
/// qualifier, and language names in the page's language. `~` in an expected text stands
/// for a no-break space.
@Suite("Localised amounts, dates and names")
struct LocalisationTests {
    static let content = try! ContentLoader(
        folder: SiteBuildTests.repository.appendingPathComponent("Content"),
        folderName: "Content"
    ).load()

    static func localizer(_ code: String) -> Localizer {
        Localizer(
            language: content.site.language(withCode: code)!, strings: content.strings[code]!)
    }

    /// An expected text with `~` for a no-break space.
    static func text(_ written: String) -> String {
        written.replacingOccurrences(of: "~", with: "\u{A0}")
    }

    static let figures: [Decimal] = [
        1_000_000, 2_000_000, 3_000_000, 11_000_000, 100_000_000, 870_000_000, 2_000_000_000,
        10_000_000_000,
    ]

    @Test(arguments: [
        (
            "en", ["one", "other", "other", "other", "other", "other", "other", "other"],
            [
                "$1~million", "$2~million", "$3~million", "$11~million", "$100~million",
                "$870~million", "$2~billion", "$10~billion",
            ]
        ),
        (
            "el", ["one", "other", "other", "other", "other", "other", "other", "other"],
            [
                "1~εκατ. δολάρια", "2~εκατ. δολάρια", "3~εκατ. δολάρια", "11~εκατ. δολάρια",
                "100~εκατ. δολάρια", "870~εκατ. δολάρια", "2~δισ. δολάρια", "10~δισ. δολάρια",
            ]
        ),
        (
            "uk", ["one", "few", "few", "many", "many", "many", "few", "many"],
            [
                "1~мільйон доларів", "2~мільйони доларів", "3~мільйони доларів",
                "11~мільйонів доларів", "100~мільйонів доларів", "870~мільйонів доларів",
                "2~мільярди доларів", "10~мільярдів доларів",
            ]
        ),
        (
            "it", ["one", "other", "other", "other", "other", "other", "other", "other"],
            [
                "1~milione di dollari", "2~milioni di dollari", "3~milioni di dollari",
                "11~milioni di dollari", "100~milioni di dollari", "870~milioni di dollari",
                "2~miliardi di dollari", "10~miliardi di dollari",
            ]
        ),
        (
            "ar", ["one", "two", "few", "many", "other", "many", "two", "few"],
            [
                "مليون دولار", "مليوني دولار", "3~ملايين دولار", "11~مليون دولار",
                "100~مليون دولار", "870~مليون دولار", "ملياري دولار", "10~مليارات دولار",
            ]
        ),
    ])
    func amountsTakeThePluralFormOfTheirNumber(
        language: String, categories: [String], expected: [String]
    ) {
        let localizer = Self.localizer(language)
        let rules = PluralRules(languageCode: language)
        for (index, value) in Self.figures.enumerated() {
            let scaled = value >= 1_000_000_000 ? value / 1_000_000_000 : value / 1_000_000
            #expect(rules.category(ofDecimal: "\(scaled)").rawValue == categories[index])
            let amount = Amount(role: .revenue, value: value, currency: "USD")
            #expect(
                localizer.text(for: amount) == Self.text(expected[index]), "\(language) \(value)")
        }
    }

    @Test(arguments: [
        ("en", "more than $10~billion", "$10bn", "about $14~billion", "$870m"),
        ("el", "πάνω από 10~δισ. δολάρια", "10~δισ. $", "περίπου 14~δισ. δολάρια", "870~εκατ. $"),
        (
            "uk", "понад 10~мільярдів доларів", "10~млрд доларів", "близько 14~мільярдів доларів",
            "870~млн доларів"
        ),
        (
            "it", "oltre 10~miliardi di dollari", "10~mld di dollari",
            "circa 14~miliardi di dollari", "870~mln di dollari"
        ),
        (
            "ar", "أكثر من 10~مليارات دولار", "10~مليارات دولار", "نحو 14~مليار دولار",
            "870~مليون دولار"
        ),
    ])
    func qualifiersAndTheShortStyleOfTheGraphic(
        language: String, moreThan: String, short: String, about: String, shortMillions: String
    ) {
        let localizer = Self.localizer(language)
        let ten = Amount(role: .investment, value: 10_000_000_000, currency: "USD")
        var tenMore = ten
        tenMore.qualifier = .moreThan
        #expect(localizer.text(for: tenMore) == Self.text(moreThan))
        #expect(localizer.text(for: ten, style: .short) == Self.text(short))
        let fourteen = Amount(
            role: .valuation, value: 14_000_000_000, currency: "USD", qualifier: .about)
        #expect(localizer.text(for: fourteen) == Self.text(about))
        let revenue = Amount(role: .revenue, value: 870_000_000, currency: "USD")
        #expect(localizer.text(for: revenue, style: .short) == Self.text(shortMillions))
    }

    @Test func fractionsAndSmallSumsTakeTheirOwnForms() {
        let half = Amount(role: .revenue, value: 2_500_000_000, currency: "USD")
        #expect(Self.localizer("uk").text(for: half) == Self.text("2,5~мільярда доларів"))
        #expect(
            Self.localizer("ar").text(for: half) == Self.text("2.5~مليار دولار"),
            "ICU writes Arabic with Latin digits and a point")
        #expect(Self.localizer("it").text(for: half) == Self.text("2,5~miliardi di dollari"))
        let small = Amount(role: .revenue, value: 9_000, currency: "USD")
        #expect(Self.localizer("en").text(for: small) == "$9,000")
        #expect(Self.localizer("el").text(for: small) == Self.text("9.000~δολάρια"))
        let one = Amount(role: .revenue, value: 1, currency: "USD")
        #expect(Self.localizer("ar").text(for: one) == "دولار واحد")
        #expect(Self.localizer("uk").text(for: one) == Self.text("1~долар"))
    }

    /// Dates of every precision with every qualifier it allows, in the order: 2025, May
    /// 2025, 8 June 2025; early, mid, late and about 2025; early, mid, late and about May
    /// 2025; about 8 June 2025.
    static let dates: [EventDate] = [
        try! EventDate("2025"), try! EventDate("2025-05"), try! EventDate("2025-06-08"),
        try! EventDate("2025", qualifier: .early), try! EventDate("2025", qualifier: .mid),
        try! EventDate("2025", qualifier: .late), try! EventDate("2025", qualifier: .about),
        try! EventDate("2025-05", qualifier: .early), try! EventDate("2025-05", qualifier: .mid),
        try! EventDate("2025-05", qualifier: .late), try! EventDate("2025-05", qualifier: .about),
        try! EventDate("2025-06-08", qualifier: .about),
    ]

    @Test(arguments: [
        (
            "en",
            [
                "2025", "May~2025", "8~June~2025", "early~2025", "mid-2025", "late~2025",
                "around~2025", "early May~2025", "mid-May~2025", "late May~2025",
                "around May~2025", "around~8~June~2025",
            ]
        ),
        (
            "el",
            [
                "2025", "Μάιος~2025", "8~Ιουνίου~2025", "αρχές του~2025", "μέσα του~2025",
                "τέλη του~2025", "γύρω στο~2025", "αρχές Μαΐου~2025", "μέσα Μαΐου~2025",
                "τέλη Μαΐου~2025", "Μάιος~2025~(κατά προσέγγιση)",
                "8~Ιουνίου~2025~(κατά προσέγγιση)",
            ]
        ),
        (
            "uk",
            [
                "2025", "травень~2025~року", "8~червня~2025~року", "на початку~2025~року",
                "у середині~2025~року", "наприкінці~2025~року", "близько~2025~року",
                "на початку травня~2025~року", "у середині травня~2025~року",
                "наприкінці травня~2025~року", "близько травня~2025~року",
                "близько~8~червня~2025~року",
            ]
        ),
        (
            "it",
            [
                "2025", "maggio~2025", "8~giugno~2025", "inizio~2025", "metà~2025", "fine~2025",
                "intorno al~2025", "inizio maggio~2025", "metà maggio~2025", "fine maggio~2025",
                "maggio~2025~circa", "8~giugno~2025~circa",
            ]
        ),
        (
            "ar",
            [
                "2025", "مايو~2025", "8~يونيو~2025", "أوائل~2025", "منتصف~2025", "أواخر~2025",
                "نحو عام~2025", "أوائل مايو~2025", "منتصف مايو~2025", "أواخر مايو~2025",
                "نحو مايو~2025", "نحو~8~يونيو~2025",
            ]
        ),
    ])
    func datesForEveryPrecisionAndQualifier(language: String, expected: [String]) {
        let localizer = Self.localizer(language)
        #expect(Self.dates.map(localizer.text(for:)) == expected.map(Self.text))
    }

    @Test(arguments: [
        ("en", "in {language}", "Greek", "Arabic"), ("el", "στα {language}", "ελληνικά", "αραβικά"),
        ("uk", "{language}", "грецькою", "арабською"), ("it", "in {language}", "greco", "arabo"),
        ("ar", "ب{language}", "اليونانية", "العربية"),
    ])
    func languagesAreNamedInThePagesLanguage(
        language: String, pattern: String, greek: String, arabic: String
    ) {
        let localizer = Self.localizer(language)
        #expect(Self.content.strings[language]![.sourceInLanguage] == pattern)
        #expect(localizer.name(ofLanguage: "el") == greek)
        #expect(localizer.name(ofLanguage: "ar") == arabic)
    }
}
