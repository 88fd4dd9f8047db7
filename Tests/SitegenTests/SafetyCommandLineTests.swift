import Foundation
import Testing

/// The command line as an attacker or a careless user would use it, in sandboxes.
@Suite("sitegen command line, safely")
struct SafetyCommandLineTests {
    @Test func diagnosticsNeverCarryControlsToTheTerminal() throws {
        try withTemporaryFolder { folder in
            let note = folder.appendingPathComponent("note.md")
            try "[x](javascript:\u{2067}alert(1)\u{2069})\n".write(
                to: note, atomically: true, encoding: .utf8)
            let result = try runSitegen(["render-note", note.path])
            #expect(result.status == 0)
            #expect(result.standardError.contains("javascript:\\u{2067}alert(1)\\u{2069}"))
            #expect(!result.standardError.unicodeScalars.contains { $0.value == 0x2067 })

            let escape = try runSitegen(
                ["render-note", "-"], input: "title \u{1B}]0;owned\u{07}\n")
            #expect(escape.status == 1)
            #expect(
                escape.standardError
                    == "-:1:7: error: a control character (U+001B) that would reach the page; remove it\n"
                    + "-:1:16: error: a control character (U+0007) that would reach the page; remove it\n"
            )
        }
    }

    @Test(arguments: [
        "javascript://x/%0aalert(1)//", "ftp://example.org/", "file://host/", "http://x/?a=b",
        "http://x/#c", "http://x/\u{1B}]0;t\u{07}", "http://x/ a/",
    ])
    func baseURLsOtherThanPlainWebAddressesAreUsageErrors(address: String) throws {
        let result = try withTemporaryFolder { folder in
            try runSitegen([
                "build", "--base-url", address, "--output",
                folder.appendingPathComponent("Public").path,
            ])
        }
        #expect(result.status == 64)
        #expect(result.standardError.contains("is not an absolute http or https address"))
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func buildingIntoTheUsersFolderKeepsEveryFile() throws {
        try withTemporaryFolder { folder in
            let mine = folder.appendingPathComponent("mine")
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            try Data("keep\n".utf8).write(to: mine.appendingPathComponent("notes.txt"))
            let result = try runSitegen(sandboxed(folder) + ["--output", mine.path])
            #expect(result.status == 1)
            #expect(result.standardError.contains("\(mine.path)/notes.txt (not made by sitegen)"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
            #expect(
                FileManager.default.contents(atPath: mine.appendingPathComponent("notes.txt").path)
                    == Data("keep\n".utf8))
        }
    }

    /// A build killed at any moment leaves either no site or a whole one, never a part, and
    /// the next build succeeds.
    @Test func aBuildKilledAtAnyMomentLeavesAWholeSite() throws {
        try withTemporaryFolder { folder in
            let arguments = try sandboxed(folder, content: "Content")
            let output = folder.appendingPathComponent("Public")
            var generator = SystemRandomNumberGenerator()
            for round in 0..<8 {
                let process = try startSitegen(arguments + ["--quiet", "--output", output.path])
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.6, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if FileManager.default.fileExists(atPath: output.path) {
                    #expect(try isWhole(output), "round \(round)")
                }
            }
            let last = try runSitegen(arguments + ["--quiet", "--output", output.path])
            #expect(last.status == 0, "\(last.standardError)")
            #expect(try isWhole(output))
        }
    }

    /// Copies the repository's templates and the given content into the sandbox and returns
    /// the options that name them.
    private func sandboxed(
        _ folder: URL, content: String = "Tests/ContentTests/Fixtures/valid-site"
    )
        throws -> [String]
    {
        let manager = FileManager.default
        let contentCopy = folder.appendingPathComponent("Content")
        let templatesCopy = folder.appendingPathComponent("Templates")
        if !manager.fileExists(atPath: contentCopy.path) {
            try manager.copyItem(at: repository.appendingPathComponent(content), to: contentCopy)
            try manager.copyItem(
                at: repository.appendingPathComponent("Templates"), to: templatesCopy)
        }
        return ["build", "--content", contentCopy.path, "--templates", templatesCopy.path]
    }

    /// Whether a site holds exactly what its manifest lists, each file with its digest.
    private func isWhole(_ site: URL) throws -> Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["--check", "--strict", "--quiet", ".sitegen-manifest"]
        check.currentDirectoryURL = site
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        let manifest = try String(
            contentsOf: site.appendingPathComponent(".sitegen-manifest"), encoding: .utf8)
        let listed = Set(manifest.split(separator: "\n").map { String($0.dropFirst(66)) })
        var present = Set<String>()
        for path in FileManager.default.subpaths(atPath: site.path) ?? [] {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: site.appendingPathComponent(path).path, isDirectory: &isFolder)
            if exists, !isFolder.boolValue, path != ".sitegen-manifest" { present.insert(path) }
        }
        return check.terminationStatus == 0 && listed == present && listed.count > 20
    }
}

/// Starts the `sitegen` built beside this test bundle without waiting for it.
func startSitegen(_ arguments: [String]) throws -> Process {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let process = Process()
    process.executableURL = testBinary.deletingLastPathComponent().appendingPathComponent("sitegen")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}
