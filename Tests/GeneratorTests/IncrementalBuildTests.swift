import Foundation
import Testing

@testable import Generator

#if canImport(Glibc)
    import Glibc
#endif

/// Incremental builds: after random edits to a copy of the fixture site, a build that
/// reuses the last one's cache and output must write exactly what a clean build writes.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A temporary folder with a copy of the fixture content and the templates.
    final class Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var templates: URL { root.appendingPathComponent("Templates") }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("sitegen-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SiteBuildTests.fixture, to: content)
            try FileManager.default.copyItem(at: SiteBuildTests.templates, to: templates)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Builds into `output` (a path in the workspace).
        @discardableResult
        func build(
            _ output: String, content: URL? = nil, clean: Bool = false
        ) throws(BuildError) -> BuildSummary {
            try SiteGenerator(
                options: .init(
                    content: content ?? self.content, templates: templates,
                    output: root.appendingPathComponent(output), clean: clean)
            ).build()
        }

        /// Every file below a folder of the workspace, with its bytes.
        func files(_ folder: String) -> [String: Data] {
            let base = root.appendingPathComponent(folder)
            var result: [String: Data] = [:]
            for path in FileManager.default.subpaths(atPath: base.path) ?? [] {
                let full = base.appendingPathComponent(path).path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
                    !isFolder.boolValue
                {
                    result[path] = FileManager.default.contents(atPath: full)
                }
            }
            return result
        }

        /// Each file's modification time and inode below a folder of the workspace.
        func stamps(_ folder: String) throws -> [String: String] {
            let base = root.appendingPathComponent(folder)
            var result: [String: String] = [:]
            for path in [""] + (FileManager.default.subpaths(atPath: base.path) ?? []) {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: base.appendingPathComponent(path).path)
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(date) \(attributes[.systemFileNumber] ?? "")"
            }
            return result
        }

        /// Every file and folder below the content and templates folders, with its size,
        /// modification and status-change times and inode, by absolute path.
        func inputStamps() throws -> [String: [Int]] {
            var stamps: [String: [Int]] = [:]
            for folder in [content, templates] {
                for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
                    let full = folder.appendingPathComponent(path).path
                    var info = stat()
                    guard lstat(full, &info) == 0 else { continue }
                    stamps[full] = [
                        Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
                        info.st_ctim.tv_sec, info.st_ctim.tv_nsec, Int(info.st_ino),
                    ]
                }
            }
            return stamps
        }

        /// The paths added, changed or removed since `seen` (what a watcher reports), and
        /// `seen` brought up to date.
        func changedInputs(since seen: inout [String: [Int]]) throws -> Set<String> {
            let now = try inputStamps()
            defer { seen = now }
            return Set(Set(now.keys).union(seen.keys).filter { now[$0] != seen[$0] })
        }

        func read(_ path: String) throws -> String {
            try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        }

        func write(_ text: String, to path: String, in folder: URL? = nil) throws {
            try Data(text.utf8).write(to: (folder ?? content).appendingPathComponent(path))
        }
    }

    /// A small, seeded random number generator (SplitMix64), so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// The edits a writer makes.
    enum Edit: CaseIterable {
        case noteText, noteTitle, date, addEvent, deleteEvent, addTranslation
        case deleteTranslation, template, interfaceString, baseURL, eventLink, asset
        case sameSizeNote, brokenRecord
    }

    /// Makes one edit to the workspace's content or templates; returns what it did.
    static func apply(
        _ edit: Edit, to workspace: Workspace, using random: inout SeededGenerator
    ) throws -> String {
        let manager = FileManager.default
        let eventsFolder = workspace.content.appendingPathComponent("events")
        let slugs = try manager.contentsOfDirectory(atPath: eventsFolder.path).sorted()
        let slug = slugs.randomElement(using: &random)!
        let number = Int.random(in: 1...999, using: &random)
        switch edit {
        case .noteText:
            let path = "events/\(slug)/en.md"
            try workspace.write(try workspace.read(path) + "\nEdited \(number).\n", to: path)
            return "note text of \(slug)"
        case .noteTitle:
            let path = "events/\(slug)/en.md"
            let text = try workspace.read(path)
                .replacingOccurrences(of: "title: \"", with: "title: \"Edited \(number) ")
            try workspace.write(text, to: path)
            return "title of \(slug)"
        case .date:
            let path = "events/\(slug)/event.yml"
            let year = Int.random(in: 2014...2026, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let lines = try workspace.read(path).split(
                separator: "\n", omittingEmptySubsequences: false
            )
            .map {
                $0.hasPrefix("date:")
                    ? "date: \(year)-\(month < 10 ? "0" : "")\(month)" : String($0)
            }
            .filter { !$0.hasPrefix("qualifier:") }
            try workspace.write(lines.joined(separator: "\n"), to: path)
            return "date of \(slug) to \(year)-\(month)"
        case .addEvent:
            let new = "added-\(number)"
            guard !slugs.contains(new) else { return "nothing" }
            try manager.copyItem(
                at: eventsFolder.appendingPathComponent(slug),
                to: eventsFolder.appendingPathComponent(new))
            return "event \(new), copied from \(slug)"
        case .deleteEvent:
            guard slugs.count > 3 else { return "nothing" }
            try manager.removeItem(at: eventsFolder.appendingPathComponent(slug))
            return "event \(slug) deleted"
        case .addTranslation:
            let path = "events/\(slug)/el.md"
            try workspace.write(
                try workspace.read("events/\(slug)/en.md")
                    .replacingOccurrences(of: "title: \"", with: "title: \"[el] "), to: path)
            return "Greek note of \(slug)"
        case .deleteTranslation:
            try? manager.removeItem(at: eventsFolder.appendingPathComponent("\(slug)/ar.md"))
            return "Arabic note of \(slug) deleted"
        case .template:
            let name = ["footer", "event", "index", "layout"].randomElement(using: &random)!
            let path = workspace.templates.appendingPathComponent("\(name).mustache")
            let text = try String(contentsOf: path, encoding: .utf8)
            try Data((text + "<!-- edit \(number) -->\n").utf8).write(to: path)
            return "template \(name)"
        case .interfaceString:
            let path = "i18n/el.yml"
            let text = try workspace.read(path)
                .replacingOccurrences(of: "\"[el] Sources", with: "\"[el] Sources \(number)")
            try workspace.write(text, to: path)
            return "Greek interface string"
        case .baseURL:
            let path = "site.yml"
            let lines =
                try workspace.read(path).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("base_url:") }
                + (number % 3 == 0 ? [] : ["base_url: https://example.org/edit\(number)/"])
            try workspace.write(lines.joined(separator: "\n"), to: path)
            return "base URL"
        case .eventLink:
            let target = slugs.randomElement(using: &random)!
            let path = "events/\(slug)/en.md"
            try workspace.write(
                try workspace.read(path) + "\nSee [the other](event:\(target)).\n", to: path)
            return "link from \(slug) to \(target)"
        case .sameSizeNote:
            // The same size and modification time: only the status-change time tells.
            let path = workspace.content.appendingPathComponent("events/\(slug)/en.md")
            let date = try manager.attributesOfItem(atPath: path.path)[.modificationDate]
            let text = try String(contentsOf: path, encoding: .utf8)
            let letter = ["a", "e", "o"].randomElement(using: &random)!
            let body = text.range(of: "---\n", options: .backwards)!.upperBound
            let edited =
                text[..<body]
                + text[body...].replacingOccurrences(of: letter, with: letter.uppercased())
            let handle = try FileHandle(forWritingTo: path)
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            try manager.setAttributes([.modificationDate: date!], ofItemAtPath: path.path)
            return "same-size edit of \(slug)'s note"
        case .brokenRecord:
            let path = "events/\(slug)/event.yml"
            try workspace.write(try workspace.read(path) + "\namounts: [unclosed\n", to: path)
            return "broken record of \(slug)"
        case .asset:
            let path = workspace.templates.appendingPathComponent("assets/style.css")
            let text = try String(contentsOf: path, encoding: .utf8)
            try Data((text + "/* \(number) */\n").utf8).write(to: path)
            return "stylesheet"
        }
    }

    @Test(
        "after each random edit, the incremental output is byte-identical to a clean build",
        arguments: [1, 2, 3] as [UInt64])
    func randomEdits(seed: UInt64) throws {
        let workspace = try Workspace()
        // Inputs old enough for their stamps to be trusted, so the session's memory of the
        // files it read is used, not read around.
        try Self.age(workspace.content)
        try Self.age(workspace.templates)
        Thread.sleep(forTimeInterval: 2.1)
        var random = SeededGenerator(state: seed)
        let session = BuildSession(
            options: .init(
                content: workspace.content, templates: workspace.templates,
                output: workspace.root.appendingPathComponent("session/Public")))
        // A session told which files changed, as the preview's watcher tells it.
        let told = BuildSession(
            options: .init(
                content: workspace.content, templates: workspace.templates,
                output: workspace.root.appendingPathComponent("told/Public")))
        // When the last `sitegen build` that succeeded started (and stamped the inputs).
        var lastDiskBuild = Date()
        try workspace.build("incremental/Public")
        try session.build()
        try told.build()
        var seen = try workspace.inputStamps()
        // When a step last put the whole content folder back (every file new), and when
        // each edit was made: files changed within two seconds of a build's stamps are
        // read again by the next build.
        var replaced = Date.distantPast
        var edits: [Date] = []
        for step in 0..<12 {
            let edit = Edit.allCases.randomElement(using: &random)!
            let saved = workspace.root.appendingPathComponent("saved-\(step)")
            try FileManager.default.copyItem(at: workspace.content, to: saved)
            let what =
                "seed \(seed) step \(step): "
                + (try Self.apply(edit, to: workspace, using: &random))
            edits.append(Date())
            let before = workspace.files("incremental/Public")
            let beforeSession = workspace.files("session/Public")
            let beforeTold = workspace.files("told/Public")
            do {
                try workspace.build("clean/Public", clean: true)
            } catch {
                // An edit that breaks the site (a link to a deleted event) must break the
                // incremental builds too, leave their output alone, and is then undone.
                #expect(throws: BuildError.self, "\(what)") {
                    try workspace.build("incremental/Public")
                }
                #expect(throws: BuildError.self, "\(what)") { try session.build() }
                let changed = try workspace.changedInputs(since: &seen)
                #expect(throws: BuildError.self, "\(what)") {
                    try told.build(changedFiles: changed)
                }
                #expect(workspace.files("incremental/Public") == before)
                #expect(workspace.files("session/Public") == beforeSession)
                #expect(workspace.files("told/Public") == beforeTold)
                try FileManager.default.removeItem(at: workspace.content)
                try FileManager.default.moveItem(at: saved, to: workspace.content)
                replaced = Date()
                continue
            }
            // `sitegen build`: a new session, starting from the last build's state on disk.
            let disk = BuildSession(
                options: .init(
                    content: workspace.content, templates: workspace.templates,
                    output: workspace.root.appendingPathComponent("incremental/Public")),
                keepsCacheOnDisk: true)
            let started = Date()
            let lastStamped = lastDiskBuild
            let summary = try disk.build()
            lastDiskBuild = started
            // Files changed within two seconds of the last build's stamps are read again.
            let margin = lastStamped.addingTimeInterval(-2.5)
            if edit == .noteText || edit == .sameSizeNote, replaced < margin {
                // The edited event's folder, and those edited too recently before the last
                // build's stamps to be trusted on them (five files at most each), not every
                // file.
                let unsettled = edits.filter { $0 > margin }.count
                #expect(
                    disk.contentFilesRead <= 5 * unsettled,
                    "\(what): read \(disk.contentFilesRead)")
            }
            let sessionSummary = try session.build()
            let toldSummary = try told.build(
                changedFiles: try workspace.changedInputs(since: &seen))
            let clean = workspace.files("clean/Public")
            for (folder, old, summary) in [
                ("incremental/Public", before, summary),
                ("session/Public", beforeSession, sessionSummary),
                ("told/Public", beforeTold, toldSummary),
            ] {
                let files = workspace.files(folder)
                #expect(files.keys.sorted() == clean.keys.sorted(), "\(what), \(folder)")
                for (path, data) in clean where files[path] != data {
                    Issue.record("\(what): \(folder)/\(path) differs")
                }
                let changed = Set(files.keys).union(old.keys).filter {
                    files[$0] != old[$0] && $0 != ".sitegen-manifest"
                }
                #expect(Set(summary.changedPaths) == changed, "\(what), \(folder)")
                if files != old { #expect(summary.writtenCount > 0, "\(what), \(folder)") }
            }
        }
    }

    @Test("a one-note edit makes only the pages that show the note, and the feeds")
    func oneNoteEditWritesLittle() throws {
        let workspace = try Workspace()
        let full = try workspace.build("Public")
        let path = "events/revenue/el.md"
        try workspace.write(try workspace.read(path) + "\nOne more line.\n", to: path)
        let summary = try workspace.build("Public")
        // The Greek page and the Greek feed (with the Greek exports), nothing else.
        #expect(summary.writtenCount == 2)
        #expect(full.writtenCount > 20)
        #expect(summary.warnings == full.warnings)
    }

    @Test("a build with nothing to do writes nothing: every modification time is unchanged")
    func noOpLeavesEveryFileAlone() throws {
        let workspace = try Workspace()
        try workspace.build("Public")
        let before = try workspace.stamps("Public")
        let contents = workspace.files("Public")
        let summary = try workspace.build("Public")
        #expect(summary.writtenCount == 0)
        #expect(try workspace.stamps("Public") == before)
        #expect(workspace.files("Public") == contents)
        // Again with inputs old enough that their stamps alone say nothing changed.
        try Self.age(workspace.content)
        try Self.age(workspace.templates)
        // Changing a time changes the files' status time, which must settle too.
        Thread.sleep(forTimeInterval: 2.1)
        try workspace.build("Public")
        let aged = try workspace.stamps("Public")
        let second = try workspace.build("Public")
        #expect(second.writtenCount == 0)
        #expect(second.warnings == summary.warnings)
        #expect(try workspace.stamps("Public") == aged)
    }

    @Test("an edit that keeps a note's size and modification time is still seen")
    func sameSizeSameTimeEdit() throws {
        let workspace = try Workspace()
        try Self.age(workspace.content)
        try workspace.build("Public")
        let path = workspace.content.appendingPathComponent("events/revenue/en.md")
        let date = try FileManager.default.attributesOfItem(atPath: path.path)[.modificationDate]
        let text = try String(contentsOf: path, encoding: .utf8)
        let body = text.range(of: "---\n", options: .backwards)!.upperBound
        let edited = text[..<body] + text[body...].replacingOccurrences(of: "e", with: "E")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try Data(edited.utf8).write(to: path)
        try FileManager.default.setAttributes([.modificationDate: date!], ofItemAtPath: path.path)
        try workspace.build("Public")
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    @Test("--clean makes every file again, and the same bytes")
    func cleanBuild() throws {
        let workspace = try Workspace()
        let first = try workspace.build("Public")
        let files = workspace.files("Public")
        let again = try workspace.build("Public", clean: true)
        #expect(again.writtenCount == first.writtenCount)
        #expect(workspace.files("Public") == files)
    }

    @Test(
        "a corrupt, truncated or other version's cache is ignored",
        arguments: ["garbage", "truncated", "version", "empty"])
    func untrustedCache(kind: String) throws {
        let workspace = try Workspace()
        let first = try workspace.build("Public")
        let files = workspace.files("Public")
        let cache = workspace.root.appendingPathComponent(".sitegen-cache/Public/cache.json")
        let text = try String(contentsOf: cache, encoding: .utf8)
        let spoilt: String =
            switch kind {
            case "garbage": "\u{0}\u{1}not json at all"
            case "truncated": String(text.prefix(text.count / 2))
            case "version":
                text.replacingOccurrences(
                    of: "\"version\":\"\(SiteGenerator.version)\"", with: "\"version\":\"0.0.1\"")
            default: ""
            }
        #expect(spoilt != text)
        try Data(spoilt.utf8).write(to: cache)
        let path = "events/revenue/en.md"
        try workspace.write(try workspace.read(path) + "\nEdited.\n", to: path)
        let second = try workspace.build("Public")
        #expect(second.writtenCount == first.writtenCount)
        try workspace.build("Clean", clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
        #expect(workspace.files("Public") != files)
    }

    @Test("a cache made for another content folder is ignored")
    func otherContentFolder() throws {
        let workspace = try Workspace()
        let first = try workspace.build("Public")
        let other = workspace.root.appendingPathComponent("Other")
        try FileManager.default.copyItem(at: workspace.content, to: other)
        let path = "events/revenue/en.md"
        try workspace.write(try workspace.read(path) + "\nOther.\n", to: path, in: other)
        let second = try workspace.build("Public", content: other)
        #expect(second.writtenCount == first.writtenCount)
        try workspace.build("Clean", content: other, clean: true)
        #expect(workspace.files("Public") == workspace.files("Clean"))
    }

    /// Sets every file's modification time below a folder an hour back.
    static func age(_ folder: URL) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            try FileManager.default.setAttributes(
                [.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
    }
}
