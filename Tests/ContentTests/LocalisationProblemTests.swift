import Content
import Testing

/// Gaps in the i18n files' localised forms: each is an error naming the file.
@Suite("Problems in the localised forms")
struct LocalisationProblemTests {
    @Test func aTagWithoutALabelNamesTheTagAndTheFile() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"] = "tags: [defense]\n" + folder["events/first/event.yml"]!
        folder["i18n/en.yml"]! += "tag_labels:\n  defense: \"Defence\"\n"
        #expect(
            try folder.problems() == [
                "Content/i18n/el.yml: error: no label for the tag 'defense', which "
                    + "events/first/event.yml uses; add `defense: …` under 'tag_labels'"
            ])
    }

    @Test func aTagThatCannotNameAPage() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"] =
            "tags: [\"../x\", Big]\n" + folder["events/first/event.yml"]!
        let problems = try folder.problems()
        #expect(problems.count == 2)
        #expect(
            problems.first?.hasPrefix(
                "Content/events/first/event.yml:1:8: error: the tag '../x' cannot name a page")
                == true)
    }

    @Test func aCurrencyWithoutWords() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"]! +=
            "amounts:\n  - role: revenue\n    value: 870000000\n    currency: EUR\n"
        let problems = try folder.problems()
        #expect(
            problems.contains(
                "Content/i18n/el.yml: error: no words for the currency EUR, which "
                    + "events/first/event.yml uses; add `EUR:` under 'amounts', with the forms of every scale"
            ))
        #expect(problems.count == 2, "en.yml and el.yml")
    }

    @Test func aMissingOrUnknownPluralForm() throws {
        var folder = ContentFolder.minimal
        let forms = "      one: \"{number} x\"\n      other: \"{number} x\"\n"
        let scales = ["units", "millions", "billions", "short_millions", "short_billions"]
        let complete = scales.map { "    \($0):\n" + forms }.joined()
        let el = folder["i18n/el.yml"]!.replacing("amounts: {}\n", with: "amounts:\n  USD:\n")
        folder["i18n/el.yml"] =
            el
            + complete.replacing(
                "    billions:\n      one: \"{number} x\"\n",
                with: "    billions:\n      few: \"{number} x\"\n")
        let problems = try folder.problems()
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.hasPrefix("Content/i18n/el.yml:")
                    && $0.hasSuffix(
                        "error: unknown field 'few'; 'amounts.USD.billions' (a pattern per plural form of the language) has the fields one, other"
                    )
            }, "\(problems)")
        #expect(
            problems.contains {
                $0.hasSuffix(
                    "error: 'amounts.USD.billions' has no 'one' form; the language needs one, other"
                )
            }, "\(problems)")
    }

    @Test func aDatePatternMustNameItsParts() throws {
        var folder = ContentFolder.minimal
        folder["i18n/el.yml"] = folder["i18n/el.yml"]!.replacing(
            "  late_month: \"{year} {month_of}\"", with: "  late_month: \"τέλη {year}\"")
        let problems = try folder.problems()
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasSuffix(
                "error: 'dates.late_month' must contain {year} and {month} or {month_of} once; it has {year}"
            )
                == true, "\(problems)")
    }
}
