import Content
import Digest
import Foundation
import Testing

@testable import Generator

#if canImport(Glibc)
    import Glibc
#endif

/// `sitegen build` updating its own output folder in place when few files change: nothing
/// touched before every file is made, and a build stopped at any step of the update leaves
/// every file whole and is finished by the next build.
@Suite("Updates in place")
struct InPlaceUpdateTests {
    /// A temporary folder with a copy of the fixture content and the templates, with one
    /// extra asset that an edit can remove.
    final class Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var templates: URL { root.appendingPathComponent("Templates") }
        var output: URL { root.appendingPathComponent("Public") }
        var extraAsset: URL { templates.appendingPathComponent("assets/extra.txt") }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("sitegen-inplace-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SiteBuildTests.fixture, to: content)
            try FileManager.default.copyItem(at: SiteBuildTests.templates, to: templates)
            try Data("an extra file\n".utf8).write(to: extraAsset)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Builds into `output` (a path in the workspace), stopping where told.
        @discardableResult
        func build(
            _ output: String = "Public", clean: Bool = false, force: Bool = false,
            stoppingAfter step: InPlaceOutput.Step? = nil
        ) throws(BuildError) -> BuildSummary {
            var options = SiteGenerator.Options(
                content: content, templates: templates,
                output: root.appendingPathComponent(output), force: force, clean: clean)
            options.interruption = step
            return try SiteGenerator(options: options).build()
        }

        /// The edit the tests update in place: one note's text, and the extra asset removed.
        func editOneNote() throws {
            let note = content.appendingPathComponent("events/revenue/en.md")
            let text = try String(contentsOf: note, encoding: .utf8)
            try Data((text + "\nOne more line.\n").utf8).write(to: note)
            try FileManager.default.removeItem(at: extraAsset)
        }

        /// Every file below a folder of the workspace, with its bytes.
        func files(_ folder: String = "Public") -> [String: Data] {
            let base = root.appendingPathComponent(folder)
            var result: [String: Data] = [:]
            for path in FileManager.default.subpaths(atPath: base.path) ?? [] {
                let full = base.appendingPathComponent(path).path
                if FileSystem.kind(of: full) == .file {
                    result[path] = FileManager.default.contents(atPath: full)
                }
            }
            return result
        }

        /// Each file's modification time and inode below the output folder, and the
        /// folder's own.
        func stamps() -> [String: FileSystem.FileStamp] {
            var result: [String: FileSystem.FileStamp] = [:]
            for path in [""] + (FileManager.default.subpaths(atPath: output.path) ?? []) {
                result[path] = FileSystem.status(of: output.path + "/" + path).stamp
            }
            return result
        }

        /// The output folder's inode: the same after an update in place, another after a swap.
        var outputInode: UInt64 { FileSystem.status(of: output.path).stamp.inode }

        /// What is beside the output folder.
        func besideOutput() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
                $0.hasPrefix(".Public")
            }
        }
    }

    /// The output folder's files, each checked against the digest its manifest gives.
    static func expectManifestMatches(_ files: [String: Data], _ comment: Comment? = nil) {
        guard let manifest = files[SiteManifest.fileName] else {
            Issue.record("no manifest")
            return
        }
        var listed: [String: String] = [:]
        for line in String(decoding: manifest, as: UTF8.self).split(separator: "\n") {
            listed[String(line.dropFirst(66))] = String(line.prefix(64))
        }
        let site = files.filter { $0.key != SiteManifest.fileName }
        #expect(Set(listed.keys) == Set(site.keys), comment)
        for (path, data) in site where listed[path] != SHA256.hex(of: data) {
            Issue.record("\(path) is not as the manifest lists it")
        }
    }

    @Test("a one-note edit updates the folder in place: only changed files are written")
    func oneNoteEditIsInPlace() throws {
        let workspace = try Workspace()
        try workspace.build()
        let before = workspace.files()
        let stamps = workspace.stamps()
        let inode = workspace.outputInode
        try workspace.editOneNote()
        let summary = try workspace.build()
        try workspace.build("Clean", clean: true)
        let after = workspace.files()
        #expect(after == workspace.files("Clean"))
        #expect(workspace.outputInode == inode, "the folder was updated, not swapped")
        let changed = Set(after.keys).union(before.keys).filter {
            after[$0] != before[$0] && $0 != SiteManifest.fileName
        }
        #expect(Set(summary.changedPaths) == changed)
        #expect(changed.contains("assets/extra.txt") && changed.contains("en/revenue.html"))
        // Every file whose bytes did not change keeps its time and inode.
        let now = workspace.stamps()
        for (path, data) in after where before[path] == data && path != SiteManifest.fileName {
            #expect(now[path] == stamps[path], "\(path) was not touched")
        }
        Self.expectManifestMatches(after)
        #expect(try workspace.besideOutput().isEmpty, "no staging folder or lock left")
    }

    @Test("a change to many files (a template, --clean, --force) swaps in a new site")
    func largeChangesSwap() throws {
        let workspace = try Workspace()
        try workspace.build()
        var inode = workspace.outputInode
        let layout = workspace.templates.appendingPathComponent("layout.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8)
        try Data((text + "<!-- edited -->\n").utf8).write(to: layout)
        try workspace.build()
        #expect(workspace.outputInode != inode, "swapped")
        inode = workspace.outputInode
        for (clean, force) in [(true, false), (false, true)] {
            try workspace.editOneNote()
            try Data("again\n".utf8).write(to: workspace.extraAsset)
            try workspace.build(clean: clean, force: force)
            #expect(workspace.outputInode != inode, "swapped with clean \(clean), force \(force)")
            inode = workspace.outputInode
        }
        try workspace.build("Clean", clean: true)
        #expect(workspace.files() == workspace.files("Clean"))
    }

    @Test("the rule: in place when at most a quarter of the site's files are written or removed")
    func theQuarterRule() {
        #expect(IncrementalBuild.updatesInPlace(replacing: 25, of: 100))
        #expect(!IncrementalBuild.updatesInPlace(replacing: 26, of: 100))
        #expect(IncrementalBuild.updatesInPlace(replacing: 2_548, of: 10_192))
        #expect(!IncrementalBuild.updatesInPlace(replacing: 2_549, of: 10_192))
        #expect(IncrementalBuild.updatesInPlace(replacing: 0, of: 0))
    }

    @Test("a build that fails before the update leaves the folder byte for byte as it was")
    func failedBuildTouchesNothing() throws {
        let workspace = try Workspace()
        try workspace.build()
        try workspace.editOneNote()
        let note = workspace.content.appendingPathComponent("events/revenue/el.md")
        let greek = try Data(contentsOf: note)
        try Data(greek + Data("\n[dangling](event:no-such-event)\n".utf8)).write(to: note)
        let before = workspace.files()
        let stamps = workspace.stamps()
        #expect(throws: BuildError.self) { try workspace.build() }
        #expect(workspace.files() == before)
        #expect(workspace.stamps() == stamps)
        // Stopped once every file is made, just before the first rename: the same.
        try greek.write(to: note)
        #expect(throws: BuildError.self) { try workspace.build(stoppingAfter: .staged) }
        #expect(workspace.files() == before)
        #expect(workspace.stamps() == stamps)
        try workspace.build()
        try workspace.build("Clean", clean: true)
        #expect(workspace.files() == workspace.files("Clean"))
        #expect(try workspace.besideOutput().isEmpty)
    }

    /// Every step an update can be stopped after, for an update that renames `renames` files.
    static func steps(renames: Int) -> [InPlaceOutput.Step] {
        [.staged, .pendingManifestWritten] + (1...max(1, renames)).map { .replaced($0) }
            + [.removed, .manifestReplaced]
    }

    @Test("stopped after any step, the update leaves every file whole and the next build ends it")
    func stoppedAtEveryStep() throws {
        // How many files the update renames: the clean build's files that differ.
        let probe = try Workspace()
        try probe.build()
        let old = probe.files()
        try probe.editOneNote()
        try probe.build("Clean", clean: true)
        let new = probe.files("Clean")
        let renames = new.keys.filter { new[$0] != old[$0] && $0 != SiteManifest.fileName }.count
        #expect(renames >= 2)
        for step in Self.steps(renames: renames) {
            let workspace = try Workspace()
            try workspace.build()
            let before = workspace.files()
            try workspace.editOneNote()
            #expect(throws: BuildError.self, "\(step)") {
                try workspace.build(stoppingAfter: step)
            }
            // Each file is the old one or the new one, and nothing else is published.
            let stopped = workspace.files()
            for (path, data) in stopped where data != before[path] && data != new[path] {
                Issue.record("after \(step): \(path) is neither the old file nor the new one")
            }
            #expect(stopped[PendingUpdate.fileName] == nil)
            #expect(Set(stopped.keys).isSubset(of: Set(before.keys).union(new.keys)))
            let summary = try workspace.build()
            #expect(workspace.files() == new, "after \(step), the next build ends the update")
            #expect(summary.writtenCount > 0 || step == .manifestReplaced)
            Self.expectManifestMatches(workspace.files(), "after \(step)")
            #expect(try workspace.besideOutput().isEmpty, "after \(step)")
            #expect(try workspace.build().writtenCount == 0, "after \(step), then nothing to do")
        }
    }

    @Test("after an update was stopped, a file edited by hand is still refused")
    func foreignEditAfterStopIsRefused() throws {
        let workspace = try Workspace()
        try workspace.build()
        try workspace.editOneNote()
        #expect(throws: BuildError.self) { try workspace.build(stoppingAfter: .replaced(1)) }
        let page = workspace.output.appendingPathComponent("en/revenue.html")
        try Data("edited by hand\n".utf8).write(to: page)
        let before = workspace.files()
        do {
            try workspace.build()
            Issue.record("the build replaced a file edited by hand")
        } catch {
            #expect(error.description.contains("en/revenue.html"))
            #expect(error.description.contains("changed since sitegen wrote it"))
        }
        #expect(workspace.files() == before)
        try workspace.build(force: true)
        try workspace.build("Clean", clean: true)
        #expect(workspace.files() == workspace.files("Clean"))
        #expect(try workspace.besideOutput().isEmpty)
    }
}
