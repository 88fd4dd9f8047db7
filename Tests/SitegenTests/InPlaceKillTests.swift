import Foundation
import Testing

/// `sitegen build` killed with a real SIGKILL while it updates its output folder in place.
///
/// strace's fault injection delivers SIGKILL on the entry of the build's N-th `rename`
/// system call (the staged files, the pending manifest and the manifest are all put in
/// place by `rename`, one after the other on one thread), so each run is killed at the same
/// point every time: before the pending manifest is in place, before each file is renamed,
/// before the manifest is replaced, before the build cache is written.
@Suite("sitegen killed during an update in place")
struct InPlaceKillTests {
    static let strace = "/usr/bin/strace"

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: strace),
            "needs strace (apt-get install strace)"))
    func killedBeforeEachRenameTheNextBuildEndsTheUpdate() throws {
        try withTemporaryFolder { folder in
            let site = try Site(folder)
            try site.build()
            let old = try site.files("Public")
            try site.edit()
            try site.build(into: "Clean", "--clean")
            let new = try site.files("Clean")
            let changed = new.keys.filter { new[$0] != old[$0] && $0 != ".sitegen-manifest" }
            #expect(changed.count >= 2)
            // The renames: the pending manifest, each file, the manifest.
            for rename in 1...(changed.count + 2) {
                let round = try Site(folder.appendingPathComponent("round-\(rename)"))
                try round.build()
                try round.edit()
                #expect(try round.buildKilled(atRename: rename), "killed at rename \(rename)")
                let stopped = try round.files("Public")
                for (path, data) in stopped where data != old[path] && data != new[path] {
                    Issue.record("killed at rename \(rename): \(path) is neither old nor new")
                }
                #expect(stopped[".sitegen-manifest.pending"] == nil)
                try round.build()
                #expect(try round.files("Public") == new, "killed at rename \(rename)")
                #expect(try round.checksWithSha256sum(), "killed at rename \(rename)")
            }
        }
    }

    /// A copy of the fixture content and the templates in a folder of its own.
    struct Site {
        let folder: URL
        var content: URL { folder.appendingPathComponent("Content") }

        init(_ folder: URL) throws {
            self.folder = folder
            let manager = FileManager.default
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try manager.copyItem(
                at: repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site"),
                to: content)
            try manager.copyItem(
                at: repository.appendingPathComponent("Templates"),
                to: folder.appendingPathComponent("Templates"))
        }

        func arguments(_ output: String) -> [String] {
            [
                "build", "--content", content.path, "--templates",
                folder.appendingPathComponent("Templates").path, "--output",
                folder.appendingPathComponent(output).path, "--quiet",
            ]
        }

        func build(into output: String = "Public", _ more: String...) throws {
            let result = try runSitegen(arguments(output) + more)
            #expect(result.status == 0, "\(result.standardError)")
        }

        /// One note's text edited: a change `sitegen build` makes in place.
        func edit() throws {
            let note = content.appendingPathComponent("events/revenue/en.md")
            let text = try String(contentsOf: note, encoding: .utf8)
            try Data((text + "\nOne more line.\n").utf8).write(to: note)
        }

        /// Builds under strace, killed on entering its `count`-th rename; whether the build
        /// was killed.
        func buildKilled(atRename count: Int) throws -> Bool {
            let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            let process = Process()
            process.executableURL = URL(fileURLWithPath: InPlaceKillTests.strace)
            process.arguments =
                [
                    "-f", "-qq", "-o", "/dev/null", "-e", "trace=rename",
                    "-e", "inject=rename:signal=KILL:when=\(count)",
                    testBinary.deletingLastPathComponent().appendingPathComponent("sitegen").path,
                ] + arguments("Public")
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
                && process.terminationStatus == SIGKILL
        }

        /// Every file below a folder, with its bytes.
        func files(_ name: String) throws -> [String: Data] {
            let base = folder.appendingPathComponent(name)
            var result: [String: Data] = [:]
            for path in FileManager.default.subpaths(atPath: base.path) ?? [] {
                let url = base.appendingPathComponent(path)
                if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                    result[path] = try Data(contentsOf: url)
                }
            }
            return result
        }

        /// Whether `sha256sum -c .sitegen-manifest` agrees with every file of the site.
        func checksWithSha256sum() throws -> Bool {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            check.arguments = ["--check", "--strict", "--quiet", ".sitegen-manifest"]
            check.currentDirectoryURL = folder.appendingPathComponent("Public")
            check.standardOutput = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            return check.terminationStatus == 0
        }
    }
}
