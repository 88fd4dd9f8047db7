import Foundation
import Generator
import Testing

/// Builds the fixture site under `Tests/ContentTests/Fixtures/valid-site` through the
/// project's `Templates/` and checks the pages a reader gets.
@Suite("Building a whole site")
struct SiteBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site")
    static let templates = repository.appendingPathComponent("Templates")

    /// Builds `content` into a new temporary folder and returns it with the summary.
    static func build(
        content: URL = fixture, output: URL? = nil
    ) throws -> (folder: URL, summary: BuildSummary) {
        let folder =
            output
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-build-\(UUID().uuidString)/Public")
        let summary = try SiteGenerator(
            options: .init(content: content, templates: templates, output: folder)
        ).build()
        return (folder, summary)
    }

    static func page(_ path: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file below a folder, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if exists, !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    @Test func writesEveryPage() throws {
        let (folder, summary) = try Self.build()
        // chooser + root 404, and per language (3): index, 404, 7 events and 1 topic
        #expect(summary.pageCount == 2 + 3 * (2 + 7 + 1))
        #expect(summary.languageCount == 3)
        let html = Self.files(in: folder).filter { $0.hasSuffix(".html") }
        #expect(html.count == summary.pageCount)
        #expect(html.contains("el/late-may.html"))
        #expect(!html.contains("en/unpublished.html"), "drafts are not published")
        #expect(Self.files(in: folder).contains("assets/style.css"))
    }

    @Test func everyPageHasItsLanguageAndDirection() throws {
        let (folder, _) = try Self.build()
        for path in Self.files(in: folder) where path.hasSuffix(".html") {
            let html = try Self.page(path, in: folder)
            let code = path.contains("/") ? String(path.prefix { $0 != "/" }) : "en"
            let direction = code == "ar" ? "rtl" : "ltr"
            #expect(html.contains("<html lang=\"\(code)\" dir=\"\(direction)\">"), "\(path)")
        }
    }

    @Test func everyRelativeLinkResolvesToAFile() throws {
        let (folder, _) = try Self.build()
        var checked = 0
        for path in Self.files(in: folder) where path.hasSuffix(".html") {
            let html = try Self.page(path, in: folder)
            let base = folder.appendingPathComponent(path).deletingLastPathComponent()
            for link in Self.links(in: html) where !link.contains("://") && !link.hasPrefix("#") {
                var target = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
                // 404 pages link from the base URL's path, as a server may show them anywhere.
                var from = base
                if target.hasPrefix("/") {
                    #expect(
                        path.hasSuffix("404.html") && target.hasPrefix("/fixture/"),
                        "\(path): \(link)")
                    target = String(target.dropFirst("/fixture/".count))
                    from = folder
                }
                let file = from.appendingPathComponent(target.removingPercentEncoding ?? target)
                    .standardizedFileURL
                #expect(
                    FileManager.default.fileExists(atPath: file.path), "\(path) links to \(link)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    static func links(in html: String) -> [String] {
        html.components(separatedBy: " href=\"").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
    }

    @Test(arguments: [
        ("en/late-may.html", "<time datetime=\"2025-05\">late May\u{A0}2025</time>"),
        ("el/late-may.html", "<time datetime=\"2025-05\">τέλη Μαΐου\u{A0}2025</time>"),
        ("el/pledge.html", "<time datetime=\"2025-01\">Ιανουάριος\u{A0}2025</time>"),
        ("el/talks.html", "<time datetime=\"2025-06-08\">8\u{A0}Ιουνίου\u{A0}2025</time>"),
        ("ar/talks.html", "<time datetime=\"2025-06-08\">8\u{A0}يونيو\u{A0}2025</time>"),
        ("ar/founding.html", "<time datetime=\"2016\">2016</time>"),
        ("en/early-2025.html", "<time datetime=\"2025\">early\u{A0}2025</time>"),
    ])
    func datesAreLocalisedForTheirPrecision(path: String, expected: String) throws {
        let (folder, _) = try Self.build()
        #expect(try Self.page(path, in: folder).contains(expected))
    }

    /// A no-break space (U+00A0) joins each figure to the word after it.
    @Test(arguments: [
        ("en/talks.html", "<bdi>more than $10\u{A0}billion</bdi>"),
        ("el/talks.html", "<bdi>[el] more than 10\u{A0}δισ. δολάρια</bdi>"),
        ("el/pledge.html", "<bdi>[el] up to 65\u{A0}δισ. δολάρια</bdi>"),
        ("ar/talks.html", "<bdi>[ar] more than 10\u{A0}مليارات دولار</bdi>"),
        ("en/revenue.html", "<bdi>$870\u{A0}million</bdi>"),
    ])
    func amountsAreLocalisedWithTheirCurrency(path: String, expected: String) throws {
        let (folder, _) = try Self.build()
        #expect(try Self.page(path, in: folder).contains(expected))
    }

    @Test func missingTranslationFallsBackWithANoticeAndItsOwnLanguage() throws {
        let (folder, summary) = try Self.build()
        let page = try Self.page("ar/round.html", in: folder)
        #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page.contains("<article lang=\"en\" dir=\"ltr\">"))
        #expect(
            page.contains(
                "<p class=\"notice\" lang=\"ar\" dir=\"rtl\">[ar] This note has not been written in English yet, so it is shown in الإنجليزية.</p>"
            ))
        #expect(page.contains("<h1>A round</h1>"))
        let index = try Self.page("ar/index.html", in: folder)
        #expect(index.contains("<span lang=\"en\" dir=\"ltr\">A round</span>"))
        #expect(summary.warnings.contains { $0.contains("round: warning: no note in ar") })
    }

    /// The founding notes are written with straight quotes and `--`; each language's page
    /// shows its own marks, so the notes cannot have been rendered with one typography (or
    /// none) for all.
    @Test(arguments: [
        (
            "en/founding.html",
            "<p>It was <strong>founded</strong> in 2016 as “Scale API” – its ‘first’ name.</p>"
        ),
        ("el/founding.html", "<p>Ιδρύθηκε το 2016 ως «Scale API» – το “πρώτο” της όνομα.</p>"),
        ("ar/founding.html", "<p>تأسست عام 2016 باسم «Scale API».</p>"),
    ])
    func notesAreRenderedWithTheLanguagesTypography(page: String, paragraph: String) throws {
        let html = try Self.page(page, in: try Self.build().folder)
        #expect(html.contains(paragraph), "\(page) has no \(paragraph)")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (first, _) = try Self.build()
        let (second, _) = try Self.build()
        let files = Self.files(in: first)
        #expect(files == Self.files(in: second))
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between builds")
        }
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let (folder, _) = try Self.build()
        let before = try Self.files(in: folder).map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        }

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: broken)
        try "date: 2025-13\n".write(
            to: broken.appendingPathComponent("events/talks/event.yml"), atomically: true,
            encoding: .utf8)
        #expect(throws: BuildError.self) { try Self.build(content: broken, output: folder) }
        do {
            _ = try Self.build(content: broken, output: folder)
        } catch let error as BuildError {
            #expect(error.step == .content)
            #expect(
                error.problems.contains {
                    $0.contains(
                        "events/talks/event.yml:1:7: error: '2025-13' has a month outside 01 to 12")
                })
        }

        let after = try Self.files(in: folder).map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
        let parent = folder.deletingLastPathComponent()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
                == [".sitegen-cache", "Public"], "no staging folder left, only the build cache")
    }

    @Test func pagesThatNoLongerBelongAreGoneAfterABuild() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: content)
        defer { try? FileManager.default.removeItem(at: content) }
        let (folder, _) = try Self.build(content: content)
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("en/late-may.html").path))
        try FileManager.default.removeItem(at: content.appendingPathComponent("events/late-may"))
        _ = try Self.build(content: content, output: folder)
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("en/late-may.html").path))
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.templates, to: templates)
        try "<meta charset=\"utf-8\">\n{{> head}}\n".write(
            to: templates.appendingPathComponent("head.mustache"), atomically: true,
            encoding: .utf8)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-out-\(UUID().uuidString)")
        do {
            _ = try SiteGenerator(
                options: .init(content: Self.fixture, templates: templates, output: output)
            ).build()
            Issue.record("the build succeeded")
        } catch {
            #expect(error.step == .templates)
            #expect(
                error.problems.first?.contains(
                    "error: partials include each other more than 100 deep (at {{> head}})")
                    == true, "\(error.problems)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// With either line ending (CRLF once crashed the build), a syntax error past the first
    /// line names its file, line and column and quotes the line, and a missing template is
    /// named too.
    @Test(arguments: ["\n", "\r\n"])
    func templateErrorsNameTheFileAndLine(lineEnding: String) throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.templates, to: templates)
        try ["<main>", "<h1>", "  αβ {{#heading}}", "</h1>", "</main>", ""]
            .joined(separator: lineEnding)
            .write(
                to: templates.appendingPathComponent("index.mustache"), atomically: true,
                encoding: .utf8)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("404.mustache"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-out-\(UUID().uuidString)")
        do {
            _ = try SiteGenerator(
                options: .init(content: Self.fixture, templates: templates, output: output)
            ).build()
            Issue.record("the build succeeded")
        } catch {
            #expect(error.step == .templates)
            #expect(error.problems.count == 2)
            #expect(
                error.problems.contains {
                    $0.hasSuffix("/404.mustache: error: missing; the site needs this template")
                })
            #expect(
                error.problems.contains {
                    $0.hasSuffix(
                        "/index.mustache:3:6: error: {{#heading}} is never closed; add "
                            + "{{/heading}}; the line reads: αβ {{#heading}}")
                }, "\(error.problems)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
