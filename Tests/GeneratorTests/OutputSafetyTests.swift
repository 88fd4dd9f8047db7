import Dispatch
import Foundation
import Generator
import Synchronization
import Testing

/// What a build may replace, tried in throwaway sandboxes: a copy of the fixture content
/// and the templates, and the user's own files beside them, compared byte for byte after
/// every attempt.
@Suite("Output-folder safety")
struct OutputSafetyTests {
    /// A temporary folder with `Content/` (the fixture site), `Templates/` and `mine/`, a
    /// folder of the user's own files.
    struct Sandbox: ~Copyable {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var templates: URL { root.appendingPathComponent("Templates") }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("sitegen-sandbox-\(UUID().uuidString)")
            let manager = FileManager.default
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try manager.copyItem(at: SiteBuildTests.fixture, to: content)
            try manager.copyItem(at: SiteBuildTests.templates, to: templates)
            try manager.createDirectory(
                at: root.appendingPathComponent("mine/drafts"), withIntermediateDirectories: true)
            try Data("keep me\n".utf8).write(to: root.appendingPathComponent("mine/notes.txt"))
            try Data("and me\n".utf8).write(to: root.appendingPathComponent("mine/drafts/a.md"))
        }

        deinit {
            chmodAll(root)
            try? FileManager.default.removeItem(at: root)
        }

        /// Builds into `output` (relative to the sandbox, or absolute).
        func build(_ output: String, force: Bool = false, clean: Bool = false) throws(BuildError)
            -> BuildSummary
        {
            let url =
                output.hasPrefix("/")
                ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)
            return try SiteGenerator(
                options: .init(
                    content: content, templates: templates, output: url, force: force,
                    clean: clean)
            ).build()
        }

        /// Every file and link below the sandbox with its bytes (a link's destination).
        func snapshot() throws -> [String: Data] { try OutputSafetyTests.snapshot(of: root) }
    }

    static func snapshot(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for path in manager.subpaths(atPath: folder.path) ?? [] {
            let full = folder.appendingPathComponent(path).path
            let type = try manager.attributesOfItem(atPath: full)[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                result[path] = Data(try manager.destinationOfSymbolicLink(atPath: full).utf8)
            } else if type == .typeRegular {
                result[path] = manager.contents(atPath: full)
            }
        }
        return result
    }

    /// Makes everything below a folder writable again, so it can be removed.
    static func chmodAll(_ folder: URL) {
        for path in [""] + (FileManager.default.subpaths(atPath: folder.path) ?? []) {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }

    /// Expects a build into `output` to be refused at the output step, with a message that
    /// contains `message`, and every file in the sandbox to be as it was.
    func expectRefused(
        _ output: String, in sandbox: borrowing Sandbox, force: Bool = false, message: String
    ) throws {
        let before = try sandbox.snapshot()
        do {
            _ = try sandbox.build(output, force: force)
            Issue.record("the build into \(output) succeeded")
        } catch {
            #expect(error.step == .output)
            #expect(error.problems.joined(separator: "\n").contains(message), "\(error.problems)")
        }
        #expect(try sandbox.snapshot() == before, "nothing in the sandbox changed")
    }

    // MARK: Places never replaced

    @Test(arguments: [
        ("Content", "is the content folder (", false),
        ("Content", "is the content folder (", true),
        ("Content/events/site", "is inside the content folder", true),
        ("Templates", "is the templates folder", true),
        ("Templates/assets/site", "is inside the templates folder", true),
        (".", "contains the content folder", true),
        ("Content/events/late-may/en.md", "is a file, not a folder", true),
        ("mine/notes.txt", "is a file, not a folder", true),
    ])
    func placesThatAreNeverReplaced(output: String, message: String, force: Bool) throws {
        let sandbox = try Sandbox()
        try expectRefused(output, in: sandbox, force: force, message: message)
    }

    @Test func theRootTheHomeAndTheWorkingFolderAreNeverReplaced() throws {
        let sandbox = try Sandbox()
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        for (output, message) in [
            ("/", "is the root of the file system"),
            (home, "your home folder"),
            (FileManager.default.currentDirectoryPath, "the folder sitegen runs in"),
            // The folder around it may hold the sandbox too: either reason is right.
            (
                (FileManager.default.currentDirectoryPath as NSString).deletingLastPathComponent,
                ": error: contains "
            ),
        ] {
            do {
                _ = try sandbox.build(output, force: true)
                Issue.record("the build into \(output) succeeded")
            } catch {
                #expect(error.step == .output)
                #expect(error.problems.joined().contains(message), "\(error.problems)")
            }
        }
    }

    @Test func aLinkToTheContentFolderIsSeenThrough() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createSymbolicLink(
            at: sandbox.root.appendingPathComponent("Public"), withDestinationURL: sandbox.content)
        try expectRefused(
            "Public", in: sandbox, force: true, message: "is the content folder")
    }

    // MARK: Folders with the user's files

    @Test func aFolderOfTheUsersFilesIsRefusedAndNamed() throws {
        let sandbox = try Sandbox()
        try expectRefused(
            "mine", in: sandbox,
            message: "is not empty and was not made by sitegen (it has no .sitegen-manifest)")
        do {
            _ = try sandbox.build("mine")
        } catch {
            #expect(
                error.problems.contains { $0.hasSuffix("mine/drafts/a.md (not made by sitegen)") })
            #expect(
                error.problems.contains { $0.hasSuffix("mine/notes.txt (not made by sitegen)") })
            #expect(error.problems.last?.contains("--force") == true)
        }
    }

    @Test func forceReplacesAFolderOfTheUsersFilesWhenTold() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("mine", force: true)
        let files = try Self.snapshot(of: sandbox.root.appendingPathComponent("mine"))
        #expect(files["notes.txt"] == nil)
        #expect(files["en/index.html"] != nil)
    }

    @Test func anEmptyOrMissingFolderIsBuilt() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(
            at: sandbox.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        _ = try sandbox.build("empty")
        _ = try sandbox.build("new/nested/site")
        #expect(try sandbox.snapshot()["new/nested/site/en/index.html"] != nil)
    }

    @Test func filesAddedToOrChangedInAPublishedSiteAreNeverLost() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("Public")
        let site = sandbox.root.appendingPathComponent("Public")
        try Data("timeline.example.org\n".utf8).write(to: site.appendingPathComponent("CNAME"))
        let page = site.appendingPathComponent("el/founding.html")
        try Data((try String(contentsOf: page, encoding: .utf8) + "<!-- edited -->").utf8)
            .write(to: page)
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("en/link.html"), withDestinationURL: page)
        try expectRefused("Public", in: sandbox, message: "holds files sitegen did not make")
        do {
            _ = try sandbox.build("Public")
        } catch {
            #expect(
                Array(error.problems.dropFirst().prefix(3)) == [
                    "  \(site.path)/CNAME (not made by sitegen)",
                    "  \(site.path)/el/founding.html (changed since sitegen wrote it)",
                    "  \(site.path)/en/link.html (not a regular file)",
                ])
        }
    }

    @Test func aRebuildReplacesItsOwnSiteAndTheManifestChecksWithSha256sum() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("Public")
        let first = try Self.snapshot(of: sandbox.root.appendingPathComponent("Public"))
        _ = try sandbox.build("Public")
        #expect(try Self.snapshot(of: sandbox.root.appendingPathComponent("Public")) == first)
        let manifest = String(decoding: first[".sitegen-manifest"]!, as: UTF8.self)
        let listed = manifest.split(separator: "\n").map { String($0.dropFirst(66)) }
        #expect(listed == first.keys.filter { $0 != ".sitegen-manifest" }.sorted())
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["--check", "--strict", "--quiet", ".sitegen-manifest"]
        check.currentDirectoryURL = sandbox.root.appendingPathComponent("Public")
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "sha256sum -c agrees with every digest")
    }

    // MARK: Links, mounts, permissions

    @Test func aLinkedOutputFolderIsFollowedAndKept() throws {
        let sandbox = try Sandbox()
        let target = sandbox.root.appendingPathComponent("srv/www/timeline")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let link = sandbox.root.appendingPathComponent("Public")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: "srv/www/timeline")
        for _ in 0..<2 {
            _ = try sandbox.build("Public")
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
                    == "srv/www/timeline")
            #expect(try Self.snapshot(of: target)["en/index.html"] != nil)
        }
        #expect(
            try FileManager.default.contentsOfDirectory(
                atPath: target.deletingLastPathComponent().path)
                == [".sitegen-cache", "timeline"], "no staging folder left beside the target")
    }

    @Test func aReadOnlyOutputFolderGivesACleanError() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("Public")
        let site = sandbox.root.appendingPathComponent("Public")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: site.path)
        try expectRefused("Public", in: sandbox, message: "is read-only; make it writable")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).sorted()
                == [".sitegen-cache", "Content", "Public", "Templates", "mine"])
    }

    @Test func aReadOnlyParentGivesACleanError() throws {
        let sandbox = try Sandbox()
        let parent = sandbox.root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
        try expectRefused(
            "locked/Public", in: sandbox, message: "is read-only or not yours to write")
    }

    @Test(.enabled(if: TemporaryMount.isAvailable, "mounting a tmpfs needs root"))
    func aMountPointIsFilledInPlace() throws {
        let sandbox = try Sandbox()
        let mount = try TemporaryMount(at: sandbox.root.appendingPathComponent("mnt"), size: "16m")
        defer { mount.unmount() }
        _ = try sandbox.build("mnt")
        let first = try Self.snapshot(of: mount.url)
        #expect(first["en/index.html"] != nil)
        _ = try sandbox.build("mnt")
        #expect(try Self.snapshot(of: mount.url) == first)
        try Data("x".utf8).write(to: mount.url.appendingPathComponent("stray.txt"))
        try expectRefused("mnt", in: sandbox, message: "mnt/stray.txt (not made by sitegen)")
    }

    @Test(.enabled(if: TemporaryMount.isAvailable, "mounting a tmpfs needs root"))
    func aFullDiskLeavesThePreviousSiteWhole() throws {
        let sandbox = try Sandbox()
        let mount = try TemporaryMount(at: sandbox.root.appendingPathComponent("disk"), size: "2m")
        defer { mount.unmount() }
        _ = try sandbox.build("disk/Public")
        let before = try Self.snapshot(of: mount.url)
        // Fill all but 100 KiB, so the next build runs out of room half-way.
        let filler = mount.url.appendingPathComponent("filler")
        try Data(count: try mountFreeBytes(mount.url) - (100 << 10)).write(to: filler)
        let withFiller = try Self.snapshot(of: mount.url)
        do {
            // A clean build, which writes every file again (an incremental one has nothing
            // to write).
            _ = try sandbox.build("disk/Public", clean: true)
            Issue.record("the build succeeded on a full disk")
        } catch {
            #expect(error.step == .writing || error.step == .output, "\(error)")
        }
        #expect(try Self.snapshot(of: mount.url) == withFiller, "the previous site is whole")
        try FileManager.default.removeItem(at: filler)
        #expect(try Self.snapshot(of: mount.url) == before)
    }

    // MARK: Interrupted builds

    @Test func aSwapInterruptedBetweenItsRenamesIsUndone() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("Public")
        let site = sandbox.root.appendingPathComponent("Public")
        let before = try Self.snapshot(of: site)
        // What a crash between "move the site aside" and "move the new one in" leaves.
        let aside = sandbox.root.appendingPathComponent(".Public.previous")
        try FileManager.default.moveItem(at: site, to: aside)
        try FileManager.default.createDirectory(
            at: sandbox.root.appendingPathComponent(".Public.building/en"),
            withIntermediateDirectories: true)
        try Data().write(
            to: sandbox.root.appendingPathComponent(".Public.building/.sitegen-staging"))
        _ = try sandbox.build("Public")
        #expect(try Self.snapshot(of: site) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).sorted()
                == [".sitegen-cache", "Content", "Public", "Templates", "mine"])
    }

    @Test func aStagingFolderSitegenDidNotMakeIsLeftAlone() throws {
        let sandbox = try Sandbox()
        let staging = sandbox.root.appendingPathComponent(".Public.building")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: staging.appendingPathComponent("thesis.txt"))
        try expectRefused("Public", in: sandbox, message: ".Public.building is in the way")
    }

    @Test func aSecondBuildIntoTheSameFolderStopsWhileTheFirstHoldsTheLock() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.build("Public")
        // flock(1) takes the same lock a build takes, on the lock file beside the output.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [
            "--no-fork", sandbox.root.appendingPathComponent(".Public.lock").path, "sleep", "30",
        ]
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        var locked = false
        for _ in 0..<100 where !locked {
            Thread.sleep(forTimeInterval: 0.05)
            do { _ = try sandbox.build("Public") } catch {
                locked = error.problems.joined().contains("another sitegen build is writing")
            }
        }
        #expect(locked)
        holder.terminate()
        holder.waitUntilExit()
        _ = try sandbox.build("Public")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).sorted()
                == [".sitegen-cache", "Content", "Public", "Templates", "mine"],
            "the lock file is gone")
    }

    @Test func buildsIntoTwoFoldersOfOneParentRunAtOnce() throws {
        let sandbox = try Sandbox()
        let results = Mutex([Bool]())
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let succeeded = (try? sandbox.build("site-\(index)")) != nil
            results.withLock { $0.append(succeeded) }
        }
        #expect(results.withLock { $0 } == [true, true, true, true])
    }
}

/// A tmpfs mounted for one test; only root may mount one.
struct TemporaryMount {
    let url: URL

    static let isAvailable: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-mount-probe-\(UUID().uuidString)")
        guard let mount = try? TemporaryMount(at: probe, size: "1m") else {
            try? FileManager.default.removeItem(at: probe)
            return false
        }
        mount.unmount()
        return true
    }()

    init(at url: URL, size: String) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path]) == 0
        else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        _ = run("/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }
}

private func run(_ tool: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

private func mountFreeBytes(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfFileSystem(forPath: url.path)
    return (attributes[.systemFreeSize] as? NSNumber)?.intValue ?? 0
}

@Suite("Slugs in any script")
struct NonLatinSlugTests {
    @Test func aGreekSlugIsWrittenAsItIsAndLinkedPercentEncoded() throws {
        let sandbox = try OutputSafetyTests.Sandbox()
        try FileManager.default.moveItem(
            at: sandbox.content.appendingPathComponent("events/talks"),
            to: sandbox.content.appendingPathComponent("events/συνομιλίες"))
        _ = try sandbox.build("Public")
        let site = sandbox.root.appendingPathComponent("Public")
        let page = site.appendingPathComponent("el/συνομιλίες.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        let index = try String(
            contentsOf: site.appendingPathComponent("el/index.html"), encoding: .utf8)
        let encoded = "%CF%83%CF%85%CE%BD%CE%BF%CE%BC%CE%B9%CE%BB%CE%AF%CE%B5%CF%82.html"
        #expect(index.contains("href=\"\(encoded)\""))
        #expect(encoded.removingPercentEncoding == "συνομιλίες.html")
    }
}
