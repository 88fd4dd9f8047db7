import Content
import Foundation
import Testing
import Timeline

@Suite("Problems in content, each naming its file")
struct ProblemTests {
    @Test func minimalSiteIsValid() throws {
        let content = try ContentFolder.minimal.load().get()
        #expect(content.timeline.events.map(\.slug) == ["first", "second"])
        #expect(content.warnings.isEmpty)
    }

    @Test func invalidYAMLGivesLineAndColumn() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"] = "date: 2016\nsources: [\n  - publisher: x\n"
        let problems = try folder.problems()
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("Content/events/first/event.yml:3:"))
        #expect(problems[0].contains(": error: invalid YAML: "))
    }

    @Test func missingRequiredField() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"] =
            "sources:\n  - publisher: W\n    title: T\n    date: 2025\n    language: en\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/event.yml:1:1: error: missing the required field 'date'"
            ])
    }

    @Test func unknownFieldSuggestsTheRightOne() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] = "---\ntitel: \"First\"\nsummary: \"S.\"\n---\nText.\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/en.md:2:1: error: missing the required field 'title'",
                "Content/events/first/en.md:2:1: error: unknown field 'titel'; did you mean 'title'? "
                    + "a note's front matter has the fields title, summary, label, "
                    + "translated_from, translated_paragraphs",
            ])
    }

    @Test func translatedFromMustBeAHashSitegenWrote() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] =
            "---\ntitle: \"First\"\nsummary: \"S.\"\ntranslated_from: not-a-hash\n---\nText.\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/en.md:4:18: error: translated_from 'not-a-hash' is not a "
                    + "hash written by sitegen: 8 hex digits; run `sitegen check --mark-translated "
                    + "SLUG LANGUAGE` to set it"
            ])
    }

    @Test(arguments: [
        ("2025-13", "'2025-13' has a month outside 01 to 12"),
        ("2025-02-30", "'2025-02-30' has a day outside 01 to 28, the days of its month"),
        (
            "June 2025",
            "'June 2025' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, as in 2025-06-10"
        ),
    ])
    func impossibleDate(date: String, message: String) throws {
        var folder = ContentFolder.minimal
        folder["events/second/event.yml"] = folder["events/second/event.yml"]!
            .replacing("date: 2025-06-08", with: "date: \(date)")
        #expect(try folder.problems() == ["Content/events/second/event.yml:1:7: error: \(message)"])
    }

    @Test func qualifierNeedsACoarseDate() throws {
        var folder = ContentFolder.minimal
        folder["events/second/event.yml"] = "qualifier: late\n" + folder["events/second/event.yml"]!
        #expect(
            try folder.problems() == [
                "Content/events/second/event.yml:2:7: error: 'late' refines a year or a month, but "
                    + "'2025-06-08' has a day; remove the qualifier or the day"
            ])
    }

    @Test func unknownLanguageCodeInFileName() throws {
        var folder = ContentFolder.minimal
        folder["events/first/english.md"] = folder["events/first/en.md"]
        #expect(
            try folder.problems() == [
                "Content/events/first/english.md: error: 'english' in the file name is not a language "
                    + "code; name each note after its language, such as en.md"
            ])
    }

    @Test func noteInALanguageTheSiteDoesNotList() throws {
        var folder = ContentFolder.minimal
        folder["events/first/fr.md"] = folder["events/first/en.md"]
        #expect(
            try folder.problems() == [
                "Content/events/first/fr.md: error: a note in 'fr', which site.yml does not list; "
                    + "add 'fr' to its languages or remove the note"
            ])
    }

    @Test func eventWithoutANoteInTheDefaultLanguage() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] = nil
        #expect(
            try folder.problems() == [
                "Content/events/first: error: no note in en, the default language; add en.md"
            ])
    }

    @Test func missingTranslationIsOnlyAWarning() throws {
        var folder = ContentFolder.minimal
        folder["events/first/el.md"] = nil
        let content = try folder.load().get()
        #expect(
            content.warnings.map(\.description) == [
                "Content/events/first: warning: no note in el; its readers will see the en note with a notice"
            ])
        #expect(content.timeline.event(withSlug: "first")?.notes.keys.sorted() == ["en"])
    }

    @Test(arguments: [
        "---\ntitle: \"First\"\nsummary: \"S.\"\n---\n\n",
        "---\ntitle: First\nsummary: S.\n---\n",
    ])
    func aNoteWithNoTextIsAWarningHoweverItsFrontMatterIsWritten(note: String) throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] = note
        let content = try folder.load().get()
        #expect(
            content.warnings.map(\.description) == [
                "Content/events/first/en.md:5: warning: the note has a title and a summary but no text"
            ])
        #expect(content.timeline.event(withSlug: "first")?.notes["en"]?.title == "First")
    }

    @Test func frontMatterWrittenTheCommonWayReadsAsYAMLWould() throws {
        var folder = ContentFolder.minimal
        folder["events/first/en.md"] =
            "---\ntitle: \"Meta: the talks #1\"\nsummary: \"It’s «quoted» — 10%.\"\nlabel: \"Talks\"\n---\nText.\n"
        folder["events/first/el.md"] =
            "---\ntitle: 'Meta: the talks #1'\nsummary: >-\n  It’s «quoted» — 10%.\nlabel: Talks\n---\nText.\n"
        let notes = try folder.load().get().timeline.event(withSlug: "first")!.notes
        #expect(notes["en"]?.title == notes["el"]?.title)
        #expect(notes["en"]?.summary == notes["el"]?.summary)
        #expect(notes["en"]?.label == "Talks" && notes["el"]?.label == "Talks")
        #expect(notes["en"]?.body == "Text.\n" && notes["en"]?.bodyLine == 6)
    }

    /// Characters YAML treats specially inside a quoted title (line breaks, characters it
    /// refuses, spaces it trims) read the same in `"…"`, the common spelling, as in `'…'`.
    /// A shortcut that read the common spelling without YAML once kept NEL, DEL and
    /// no-break spaces that YAML folds, refuses or trims.
    @Test(arguments: [
        "\u{85}", "\u{2028}", "\u{2029}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{FEFF}",
        "\u{3000}", "\u{200B}", "\u{202E}",
    ])
    func aQuotedTitleReadsTheSameInEitherQuotes(character: String) throws {
        func load(_ quote: String) throws -> [String] {
            var folder = ContentFolder.minimal
            let title = "\(quote)\(character)Meta\(character)Scale\(character)\(quote)"
            folder["events/first/en.md"] =
                "---\ntitle: \(title)\nsummary: \"S.\"\n---\n\nText.\n"
            switch try folder.load() {
            case .success(let content):
                let title = content.timeline.event(withSlug: "first")?.notes["en"]?.title
                return [
                    title.map { $0.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() }
                        ?? "none"
                ]
            case .failure(let error):
                // A YAML error quotes the line, quotes and all.
                return error.problems.map {
                    $0.description.replacingOccurrences(of: quote, with: "|")
                }
            }
        }
        let double = try load("\"")
        let single = try load("'")
        #expect(double == single)
    }

    @Test(arguments: [("Second", "second"), ("se\u{0301}cond", "s\u{00E9}cond")])
    func slugsThatDifferOnlyByCaseOrNormalisation(one: String, other: String) throws {
        var folder = ContentFolder.minimal
        for file in ["event.yml", "en.md", "el.md"] {
            folder["events/\(one)/\(file)"] = folder["events/first/\(file)"]
            folder["events/\(other)/\(file)"] = folder["events/first/\(file)"]
        }
        let problems = try folder.problems()
        #expect(problems.count == 1)
        #expect(problems[0].contains("differ only in case or Unicode normalisation"))
    }

    @Test(arguments: ["my event", "a.b", "tab\tname", "semi;colon"])
    func unsafeSlug(slug: String) throws {
        var folder = ContentFolder.minimal
        for file in ["event.yml", "en.md"] {
            folder["events/\(slug)/\(file)"] = folder["events/first/\(file)"]
        }
        let problems = try folder.problems()
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("Content/events/"))
        #expect(problems[0].contains("is not a safe name for an event"))
        #expect(!problems[0].contains("\t"), "control characters are shown escaped")
    }

    @Test func unknownCurrency() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"]! +=
            "amounts:\n  - role: valuation\n    value: 14000000000\n    currency: USX\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/event.yml:10:15: error: unknown currency code 'USX'; "
                    + "use an ISO 4217 code such as USD or EUR"
            ])
    }

    @Test func unknownRoleAndQualifierListTheChoices() throws {
        var folder = ContentFolder.minimal
        folder["events/first/event.yml"]! +=
            "qualifier: sometime\namounts:\n  - role: funding\n    value: 1\n    currency: USD\n"
        #expect(
            try folder.problems() == [
                "Content/events/first/event.yml:7:12: error: unknown qualifier 'sometime'; use early, mid, late or about",
                "Content/events/first/event.yml:9:11: error: unknown role 'funding'; use investment, valuation, "
                    + "proposed_valuation, revenue, revenue_forecast or spending_pledge",
            ])
    }

    @Test func fileThatIsNotUTF8() throws {
        var folder = ContentFolder.minimal
        folder.files[Array("events/first/el.md".utf8)] =
            Data("---\ntitle: \"x\"\n".utf8) + Data([0xCE, 0x20, 0xFF]) + Data("\n".utf8)
        #expect(
            try folder.problems() == [
                "Content/events/first/el.md:3: error: is not UTF-8 text; save it as UTF-8 "
                    + "(in most editors: Save As, encoding UTF-8)"
            ])
    }

    @Test func manyProblemsAreReportedTogether() throws {
        var folder = ContentFolder.minimal
        folder["site.yml"] = folder["site.yml"]!.replacing(
            "direction: ltr\n  - code: el", with: "direction: sideways\n  - code: el")
        folder["i18n/el.yml"] = folder["i18n/el.yml"]!.replacing("timeline: ", with: "timelin: ")
        folder["events/first/event.yml"] = "date: 2025-02-29\ncolour: red\n"
        folder["events/second/en.md"] = "no front matter\n"
        let problems = try folder.problems()
        #expect(
            problems
                == [
                    "Content/events/first/event.yml:1:7: error: '2025-02-29' has a day outside 01 to 28, the days of its month",
                    "Content/events/first/event.yml:1:1: error: missing the required field 'sources'",
                    "Content/events/first/event.yml:2:1: error: unknown field 'colour'; event.yml has the fields "
                        + "date, qualifier, order, draft, featured, tags, amounts, sources",
                    "Content/events/second/en.md:1: error: a note starts with front matter: a line `---`, then "
                        + "`title:` and `summary:` lines, then another `---`",
                    "Content/site.yml:8:16: error: direction 'sideways' is neither ltr (left to right) nor rtl (right to left)",
                ].sorted())
    }

    @Test func interfaceStringsNeedEveryKeyAndTheirPlaceholders() throws {
        var folder = ContentFolder.minimal
        folder["i18n/el.yml"] = folder["i18n/el.yml"]!
            .replacing(
                "fallback_notice: \"fallback_notice {language}\"",
                with: "fallback_notice: \"{lang}\""
            )
            .replacing("tags: \"tags \"\n", with: "")
        #expect(
            try folder.problems() == [
                "Content/i18n/el.yml:1:1: error: missing the required field 'tags'",
                "Content/i18n/el.yml:15:18: error: 'fallback_notice' must contain {language} once; it has {lang}",
            ])
    }

    @Test func siteSettingsAreChecked() throws {
        var folder = ContentFolder.minimal
        folder["site.yml"] = folder["site.yml"]!
            .replacing("default_language: en", with: "default_language: de\nbase_url: example.org")
        #expect(
            try folder.problems() == [
                "Content/site.yml:4:19: error: the default language 'de' is not in 'languages'; use one of en, el",
                "Content/site.yml:5:11: error: 'example.org' is not an absolute http or https address "
                    + "with a host and no user, query or fragment, such as https://example.org/timeline/",
            ])
    }

    @Test func missingContentFolder() throws {
        let loader = ContentLoader(
            folder: URL(fileURLWithPath: "/nonexistent-\(UUID())"), folderName: "Nowhere")
        #expect(throws: ContentError.self) { try loader.load() }
        do {
            _ = try loader.load()
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "Nowhere: error: no such folder; create it, or name the content folder with --content"
                ])
        }
    }
}
