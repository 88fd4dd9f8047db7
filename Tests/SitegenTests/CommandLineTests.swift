import Foundation
import Testing

/// The `sitegen` executable, run as a user runs it.
@Suite("sitegen command line")
struct CommandLineTests {
    @Test func helpExplainsTheBuildAndItsOptions() throws {
        let result = try runSitegen(["--help"])
        #expect(result.status == 0)
        for text in [
            "With no subcommand, sitegen builds the site", "render-note", "build", "check", "new",
        ] {
            #expect(result.standardOutput.contains(text))
        }
        let build = try runSitegen(["build", "--help"])
        for option in [
            "--content", "--templates", "--output", "--drafts", "--base-url", "--quiet",
            "--verbose",
        ] {
            #expect(build.standardOutput.contains(option))
        }
    }

    @Test func buildPrintsASummaryLine() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Public").path
            let result = try runSitegen([
                "--content",
                repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site").path,
                "--templates", repository.appendingPathComponent("Templates").path, "--output",
                output,
            ])
            #expect(result.status == 0)
            #expect(
                result.standardOutput.hasPrefix(
                    "Published 32 pages in 3 languages to \(output)/ in "))
            #expect(result.standardOutput.hasSuffix(" s, 3 warnings\n"))
            #expect(result.standardError.contains("round: warning: no note in ar"))
        }
    }

    @Test func failedBuildListsEveryProblemAndExitsWithFailure() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try "title: [\n".write(
                to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
            let result = try runSitegen([
                "--content", content.path, "--templates",
                repository.appendingPathComponent("Templates").path,
                "--output", folder.appendingPathComponent("Public").path,
            ])
            #expect(result.status == 1)
            #expect(
                result.standardError.contains("\(content.path)/site.yml:2:1: error: invalid YAML"))
            #expect(result.standardError.contains("\(content.path)/events: error: missing"))
            #expect(result.standardError.hasSuffix("the output folder was left as it was.\n"))
            #expect(
                !FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent("Public").path))
        }
    }

    @Test func rendersANoteAndWarnsAboutOmissions() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("note.md")
            try "# \"Σύνοψη\"\n\nText <b>bold</b>.\n\n[x](javascript:alert(1))\n".write(
                to: note, atomically: true, encoding: .utf8)

            let result = try runSitegen(["render-note", "--language", "el", note.path])
            #expect(result.status == 0)
            #expect(
                result.standardOutput
                    == "<h1 id=\"σύνοψη\">«Σύνοψη»</h1>\n<p>Text bold.</p>\n<p>x</p>\n")
            #expect(
                result.standardError.split(separator: "\n") == [
                    "\(note.path):3:6: warning: raw HTML `<b>` was left out; write it in Markdown, or allow raw HTML for trusted content",
                    "\(note.path):3:13: warning: raw HTML `</b>` was left out; write it in Markdown, or allow raw HTML for trusted content",
                    "\(note.path):5:1: warning: link to `javascript:alert(1)` was removed; only http, https, mailto, tel and relative links are kept",
                ])
        }
    }

    @Test func trustedRawHTMLIsAnExplicitFlag() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("note.md")
            try "Text <b>bold</b>.\n".write(to: note, atomically: true, encoding: .utf8)
            let result = try runSitegen(["render-note", "--allow-raw-html", note.path])
            #expect(result.standardOutput == "<p>Text <b>bold</b>.</p>\n")
            #expect(result.standardError.isEmpty)
        }
    }

    @Test func pathologicalNoteIsRefusedNamingItsLine() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("images.md")
            try ("# Title\n\n" + String(repeating: "![[]()", count: 160_000)).write(
                to: note, atomically: true, encoding: .utf8)
            let result = try runSitegen(["render-note", note.path])
            #expect(result.status == 1)
            #expect(result.standardOutput.isEmpty)
            #expect(
                result.standardError.hasPrefix(
                    "Error: \(note.path):3:1: in this paragraph, closing"))
            #expect(result.standardError.contains("close the images or escape them as `\\![`"))
        }
    }

    @Test func rawHTMLInAHeadingIsRenderedWhole() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("note.md")
            try "# a <span>b</span> c\n\ntext\n".write(to: note, atomically: true, encoding: .utf8)
            let result = try runSitegen(["render-note", "--allow-raw-html", note.path])
            #expect(result.status == 0)
            #expect(
                result.standardOutput == "<h1 id=\"a-b-c\">a <span>b</span> c</h1>\n<p>text</p>\n")
        }
    }

    @Test func readsStandardInputForADash() throws {
        let result = try runSitegen(["render-note", "--language", "uk", "-"], input: "\"Так\"")
        #expect(result.status == 0)
        #expect(result.standardOutput == "<p>«Так»</p>\n")
    }

    @Test func missingFileIsNamed() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("missing.md").path
            let result = try runSitegen(["render-note", path])
            #expect(result.status == 1)
            #expect(result.standardError == "Error: \(path): no such file\n")
        }
    }

    @Test func folderIsNotANote() throws {
        try withTemporaryFolder { folder in
            let result = try runSitegen(["render-note", folder.path])
            #expect(result.status == 1)
            #expect(
                result.standardError
                    == "Error: \(folder.path): is a folder; give the path of a Markdown file\n")
        }
    }

    @Test func noteThatIsNotUTF8IsNamed() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("latin1.md")
            try Data([0x43, 0x61, 0x66, 0xE9]).write(to: note)
            let result = try runSitegen(["render-note", note.path])
            #expect(result.status == 1)
            #expect(
                result.standardError == "Error: \(note.path): is not UTF-8 text; save it as UTF-8\n"
            )
        }
    }

    @Test func unknownLanguageIsAUsageError() throws {
        let result = try runSitegen(["render-note", "--language", "fr", "note.md"])
        #expect(result.status == 64)
        #expect(
            result.standardError.hasPrefix(
                "Error: unknown language 'fr'; use en, el, uk, it or ar, or leave it out to keep punctuation as typed\n"
            ))
    }
}

/// The repository's root folder.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// What a run of `sitegen` printed and how it ended.
struct RunResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the `sitegen` built beside this test bundle, with `input` on its standard input.
func runSitegen(_ arguments: [String], input: String = "") throws -> RunResult {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let process = Process()
    process.executableURL = testBinary.deletingLastPathComponent().appendingPathComponent("sitegen")
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let standardInput = Pipe()
    process.standardInput = standardInput
    try process.run()
    standardInput.fileHandleForWriting.write(Data(input.utf8))
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self))
}

/// Runs `body` with a new empty folder, removed afterwards.
func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("sitegen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}
