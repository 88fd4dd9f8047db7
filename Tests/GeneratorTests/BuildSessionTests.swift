import Foundation
import Generator
import Testing

/// A build session: built once, then again after edits, it writes only what changed, in
/// place, and the same bytes as a clean build.
@Suite("Build sessions")
struct BuildSessionTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func session(_ workspace: Workspace, output: String = "Public") -> BuildSession {
        BuildSession(
            options: .init(
                content: workspace.content, templates: workspace.templates,
                output: workspace.root.appendingPathComponent(output)))
    }

    @Test("a one-note edit rewrites only the files it changes, and says which")
    func oneNoteEdit() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        let first = try session.build()
        #expect(first.changedPaths.contains("el/revenue.html"))
        let before = try workspace.stamps("Public")
        let files = workspace.files("Public")
        let path = "events/revenue/el.md"
        try workspace.write(try workspace.read(path) + "\nOne more line.\n", to: path)
        let summary = try session.build()
        #expect(summary.writtenCount == 2)
        #expect(summary.changedPaths.contains("el/revenue.html"))
        #expect(summary.changedPaths.allSatisfy { $0.hasPrefix("el/") })
        let after = workspace.files("Public")
        let changed = Set(after.keys).union(files.keys).filter {
            after[$0] != files[$0] && $0 != ".sitegen-manifest"
        }
        #expect(Set(summary.changedPaths) == changed)
        // Every other file is the same file: same inode, same modification time.
        let stamps = try workspace.stamps("Public")
        for (path, stamp) in before
        where files[path] != nil && !changed.contains(path) && path != ".sitegen-manifest" {
            #expect(stamps[path] == stamp, "\(path)")
        }
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("a rebuild with nothing changed writes nothing")
    func noOp() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        let first = try session.build()
        let before = try workspace.stamps("Public")
        let again = try session.build()
        #expect(again.writtenCount == 0)
        #expect(again.changedPaths.isEmpty)
        #expect(again.warnings == first.warnings)
        #expect(again.pageCount == first.pageCount)
        #expect(try workspace.stamps("Public") == before)
    }

    @Test("a failed build leaves the output alone, and the session builds again once fixed")
    func failedBuild() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        try session.build()
        let files = workspace.files("Public")
        let template = workspace.templates.appendingPathComponent("event.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try Data((text + "{{#unclosed}}\n").utf8).write(to: template)
        let note = "events/revenue/en.md"
        try workspace.write(try workspace.read(note) + "\nFixed later.\n", to: note)
        let error = try #require(throws: BuildError.self) { try session.build() }
        #expect(error.step == .templates)
        #expect(workspace.files("Public") == files)
        try Data(text.utf8).write(to: template)
        let summary = try session.build()
        #expect(summary.changedPaths.contains("en/revenue.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("a folder another build replaced is built whole again, not patched")
    func folderChangedUnderneath() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        try session.build()
        let path = "events/revenue/en.md"
        try workspace.write(try workspace.read(path) + "\nFrom the command line.\n", to: path)
        try workspace.build("Public", clean: true)
        try workspace.write(try workspace.read(path) + "\nFrom the session.\n", to: path)
        let summary = try session.build()
        #expect(summary.changedPaths.contains("en/revenue.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("an event deleted in a session takes its pages, and folders left empty, with it")
    func deletedEvent() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        try session.build()
        try FileManager.default.removeItem(
            at: workspace.content.appendingPathComponent("events/talks"))
        let summary = try session.build()
        #expect(summary.changedPaths.contains("en/talks.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
        let folders = { (name: String) in
            (FileManager.default.subpaths(atPath: workspace.root.appendingPathComponent(name).path)
                ?? []).sorted()
        }
        #expect(folders("Public") == folders("Clean"))
    }

    @Test("a session told the changed files looks only at those; at every file if told nothing")
    func changedFiles() throws {
        let workspace = try Workspace()
        try IncrementalBuildTests.age(workspace.content)
        Thread.sleep(forTimeInterval: 2.1)
        let session = Self.session(workspace)
        try session.build()
        let note = "events/revenue/en.md"
        let file = workspace.content.appendingPathComponent(note).path
        try workspace.write(try workspace.read(note) + "\nA new line.\n", to: note)
        // Told of another file only: the note is not looked at, so its page stays as it was.
        let other = workspace.content.appendingPathComponent("events/talks/en.md").path
        let unseen = try session.build(changedFiles: [other])
        #expect(!unseen.changedPaths.contains("en/revenue.html"))
        // Told of the note: it is read again.
        let told = try session.build(changedFiles: [file])
        #expect(told.changedPaths.contains("en/revenue.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
        // A path outside both folders: every file is looked at again.
        try workspace.write(try workspace.read(note) + "\nAnother line.\n", to: note)
        let outside = try session.build(changedFiles: [workspace.root.path + "/elsewhere.txt"])
        #expect(outside.changedPaths.contains("en/revenue.html"))
        // The content folder itself (an inotify queue overflow names it): every file.
        try workspace.write(try workspace.read(note) + "\nA third line.\n", to: note)
        let overflow = try session.build(changedFiles: [workspace.content.path])
        #expect(overflow.changedPaths.contains("en/revenue.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("files changed before a failed build are still read once it is fixed")
    func changedFilesAcrossFailure() throws {
        let workspace = try Workspace()
        let session = Self.session(workspace)
        try session.build()
        let template = workspace.templates.appendingPathComponent("event.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try Data((text + "{{#unclosed}}\n").utf8).write(to: template)
        let note = "events/revenue/en.md"
        try workspace.write(try workspace.read(note) + "\nDuring the failure.\n", to: note)
        #expect(throws: BuildError.self) {
            try session.build(
                changedFiles: [
                    template.path, workspace.content.appendingPathComponent(note).path,
                ])
        }
        try Data(text.utf8).write(to: template)
        let fixed = try session.build(changedFiles: [template.path])
        #expect(fixed.changedPaths.contains("en/revenue.html"))
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }
}
