import BinaryState
import Content
import Digest
import Foundation
import Testing
import Timeline

@testable import Generator

/// The build's state on disk (`.sitegen-cache/<output>/state.bin`): a new process — a new
/// session that keeps its cache on disk, as `sitegen build` is — starts from it, reads
/// only the files that changed, and makes the same bytes as a clean build; a state that is
/// damaged or not its own is ignored, and the build reads every file.
@Suite("Build state on disk")
struct BuildStateTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// How many content files the fixture site has.
    static let contentFiles = 33 - 2  // site.yml and the i18n files are read every build

    /// A `sitegen build`: a new session keeping its cache on disk; what it read.
    @discardableResult
    static func build(
        _ workspace: Workspace, _ output: String = "Public", clean: Bool = false,
        baseURL: URL? = nil
    ) throws -> (summary: BuildSummary, filesRead: Int) {
        let session = BuildSession(
            options: .init(
                content: workspace.content, templates: workspace.templates,
                output: workspace.root.appendingPathComponent(output), baseURL: baseURL,
                clean: clean),
            keepsCacheOnDisk: true)
        let summary = try session.build()
        return (summary, session.contentFilesRead)
    }

    /// A workspace whose inputs are old enough to be trusted on their stamps.
    static func settledWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        try IncrementalBuildTests.age(workspace.content)
        try IncrementalBuildTests.age(workspace.templates)
        Thread.sleep(forTimeInterval: 2.1)
        return workspace
    }

    let stateFile: (Workspace) -> URL = {
        $0.root.appendingPathComponent(".sitegen-cache/Public/state.bin")
    }

    @Test(
        "state from disk and one edited note: only that event's folder is read, and the output is a clean build's"
    )
    func oneEditedNote() throws {
        let workspace = try Self.settledWorkspace()
        let first = try Self.build(workspace)
        #expect(first.filesRead > 20)
        #expect(FileManager.default.fileExists(atPath: stateFile(workspace).path))
        let path = "events/revenue/el.md"
        try workspace.write(try workspace.read(path) + "\nEdited on disk.\n", to: path)
        let second = try Self.build(workspace)
        #expect(second.filesRead > 0 && second.filesRead <= 4, "read \(second.filesRead)")
        #expect(second.summary.changedPaths.contains("el/revenue.html"))
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
        // And the state it wrote serves the next build as well.
        let text = try workspace.read("events/founding/en.md")
        try workspace.write(
            text.replacingOccurrences(of: "title: \"", with: "title: \"New "),
            to: "events/founding/en.md")
        let third = try Self.build(workspace)
        // The revenue folder's files changed within two seconds of the last build's stamps,
        // so they are read again too.
        #expect(third.filesRead <= 8, "read \(third.filesRead)")
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("`sitegen build`'s one-off session saves every event's digests for the next process")
    func oneOffBuildSavesTheKeysMemo() throws {
        let workspace = try Self.settledWorkspace()
        _ = try SiteGenerator(
            options: .init(
                content: workspace.content, templates: workspace.templates,
                output: workspace.root.appendingPathComponent("Public"))
        ).build()
        let bytes = try [UInt8](Data(contentsOf: stateFile(workspace)))
        let state = try #require(
            BuildState.read(bytes, contentShownAs: workspace.content.relativePath))
        let published = state.content.events(shownAs: workspace.content.relativePath)
            .values.filter { !$0.isDraft }
        #expect(published.count > 1)
        #expect(state.memo.eventCount == published.count)
    }

    @Test("an edit that keeps the note's size and modification time is seen from the state on disk")
    func sameSizeSameTime() throws {
        let workspace = try Self.settledWorkspace()
        try Self.build(workspace)
        let file = workspace.content.appendingPathComponent("events/talks/en.md")
        let date = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
        let text = try String(contentsOf: file, encoding: .utf8)
        let body = text.range(of: "---\n", options: .backwards)!.upperBound
        let edited = text[..<body] + text[body...].replacingOccurrences(of: "a", with: "A")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: date!], ofItemAtPath: file.path)
        let second = try Self.build(workspace)
        #expect(second.filesRead <= 4 && second.filesRead > 0)
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("after a translation is added, the next edit still starts from the state on disk")
    func translationAdded() throws {
        let workspace = try Self.settledWorkspace()
        try Self.build(workspace)
        try workspace.write(
            try workspace.read("events/pledge/en.md")
                .replacingOccurrences(of: "title: \"", with: "title: \"[el] "),
            to: "events/pledge/el.md")
        let added = try Self.build(workspace)
        #expect(added.filesRead <= 5, "read \(added.filesRead)")
        let path = "events/revenue/en.md"
        try workspace.write(try workspace.read(path) + "\nEdited.\n", to: path)
        let edited = try Self.build(workspace)
        #expect(edited.filesRead <= 10, "read \(edited.filesRead)")
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("an event folder added empty, or removed, is seen")
    func foldersAddedAndRemoved() throws {
        let workspace = try Self.settledWorkspace()
        try Self.build(workspace)
        try FileManager.default.removeItem(
            at: workspace.content.appendingPathComponent("events/round"))
        let removed = try Self.build(workspace)
        #expect(removed.summary.changedPaths.contains("en/round.html"))
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
        // An empty folder is an event without a record: an error, as in a clean build.
        try FileManager.default.createDirectory(
            at: workspace.content.appendingPathComponent("events/empty"),
            withIntermediateDirectories: false)
        #expect(throws: BuildError.self) { try Self.build(workspace) }
    }

    @Test(
        "a damaged, truncated, foreign or missing state is ignored: the build reads every file and makes a clean build's bytes",
        arguments: [
            "control", "flip-header", "flip-middle", "flip-last", "truncate", "append", "missing",
            "empty",
            "huge-length", "other-output",
        ])
    func untrustedState(kind: String) throws {
        let workspace = try Self.settledWorkspace()
        try Self.build(workspace)
        let file = stateFile(workspace)
        var bytes = [UInt8](try Data(contentsOf: file))
        switch kind {
        case "control": break
        case "flip-header": bytes[12] ^= 0xFF
        case "flip-middle": bytes[bytes.count / 2] ^= 0x01
        case "flip-last": bytes[bytes.count - 1] ^= 0x80
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "append": bytes += [0, 0, 0]
        case "missing": bytes = []
        case "empty": bytes = []
        case "huge-length":
            // A whole state file of the right kind, digest and all, whose list of stamps
            // claims 2^60 entries.
            var writer = BinaryWriter()
            writer.write(Int64(0))
            writer.write(UInt64(1) << 60)
            bytes = StateFile.bytes(
                kind: BuildState.kind, version: BuildState.version, payload: writer.bytes)
        default:
            // The state of a build into another folder, from another content folder.
            let other = try Workspace()
            try Self.build(other)
            bytes = [UInt8](try Data(contentsOf: stateFile(other)))
        }
        if kind == "missing" {
            try FileManager.default.removeItem(at: file)
        } else {
            try Data(bytes).write(to: file)
            // The cache names the state file's digest: made to name the spoilt one, so that
            // the state file's own checks are what refuse it.
            try Self.bindCache(in: workspace, to: bytes)
        }
        let path = "events/revenue/en.md"
        try workspace.write(try workspace.read(path) + "\nEdited.\n", to: path)
        let second = try Self.build(workspace)
        if kind == "control" {
            // The same bytes, bound again: used (so the binding above works).
            #expect(second.filesRead <= 4, "read \(second.filesRead)")
        } else {
            #expect(second.filesRead >= Self.contentFiles - 4, "read \(second.filesRead)")
        }
        try Self.build(workspace, "Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    /// Makes the cache's file name the digest `bytes`' header names (or any other, for a
    /// header that cannot be read) as its state file's.
    static func bindCache(in workspace: Workspace, to bytes: [UInt8]) throws {
        let cache = workspace.root.appendingPathComponent(".sitegen-cache/Public/cache.json")
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: cache)) as? [String: Any])
        #expect(object["stateDigest"] != nil)
        object["stateDigest"] = StateFile.namedDigest(of: bytes) ?? SHA256.hex(of: bytes)
        try JSONSerialization.data(withJSONObject: object).write(to: cache)
    }

    @Test("a state written with other options (a base URL given) is not used")
    func otherOptions() throws {
        let workspace = try Self.settledWorkspace()
        try Self.build(workspace)
        let second = try Self.build(workspace, baseURL: URL(string: "https://example.org/other/"))
        #expect(second.filesRead >= Self.contentFiles - 4)
        try Self.build(
            workspace, "Clean", clean: true, baseURL: URL(string: "https://example.org/other/"))
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }
}
