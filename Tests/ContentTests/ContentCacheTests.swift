import Content
import Foundation
import Testing
import Timeline

/// A loader given a ``ContentCache`` reads again only the files whose stamp changed, and
/// loads exactly what a loader without one loads.
@Suite("Content cache")
struct ContentCacheTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/valid-site")

    /// A copy of the valid fixture in a temporary folder, its files' times an hour back and
    /// settled (their status-change time, which setting a time changes, over two seconds
    /// old), so that the cache trusts their stamps.
    static func settledCopy() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-content-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: root)
        let old = Date(timeIntervalSinceNow: -3600)
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            try FileManager.default.setAttributes(
                [.modificationDate: old], ofItemAtPath: root.appendingPathComponent(path).path)
        }
        Thread.sleep(forTimeInterval: 2.1)
        return root
    }

    static func load(_ root: URL, cache: ContentCache? = nil) throws -> SiteContent {
        try ContentLoader(folder: root, folderName: "Content", cache: cache).load()
    }

    static func expectSame(_ cached: SiteContent, _ fresh: SiteContent) {
        #expect(cached.timeline == fresh.timeline)
        #expect(cached.warnings == fresh.warnings)
        #expect(cached.site == fresh.site)
    }

    @Test("unchanged files come from the cache; an edited one is read again")
    func onlyChangedFilesAreRead() throws {
        let root = try Self.settledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache()
        let first = try Self.load(root, cache: cache)
        let readFirst = cache.filesRead
        #expect(readFirst > 10)
        Self.expectSame(try Self.load(root, cache: cache), first)
        #expect(cache.filesRead == readFirst)

        let note = root.appendingPathComponent("events/revenue/en.md")
        try Data((try String(contentsOf: note, encoding: .utf8) + "\nMore.\n").utf8).write(to: note)
        let edited = try Self.load(root, cache: cache)
        #expect(cache.filesRead == readFirst + 1)
        Self.expectSame(edited, try Self.load(root))
        #expect(
            edited.timeline.events.first { $0.slug == "revenue" }?.notes["en"]?.body
                .hasSuffix("More.\n") == true)
    }

    @Test("an edit that keeps the size and puts the modification time back is still read")
    func sameSizeSameTimeEdit() throws {
        let root = try Self.settledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache()
        _ = try Self.load(root, cache: cache)
        let note = root.appendingPathComponent("events/revenue/en.md")
        let date = try FileManager.default.attributesOfItem(atPath: note.path)[.modificationDate]
        let text = try String(contentsOf: note, encoding: .utf8)
        let body = text.range(of: "---\n", options: .backwards)!.upperBound
        let edited = text[..<body] + text[body...].replacingOccurrences(of: "e", with: "E")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        // Written in place, so the inode stays; only the status-change time tells.
        let handle = try FileHandle(forWritingTo: note)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: date!], ofItemAtPath: note.path)
        let loaded = try Self.load(root, cache: cache)
        Self.expectSame(loaded, try Self.load(root))
    }

    @Test("deleted and added events and broken files are seen, with every problem")
    func eventsComeAndGo() throws {
        let root = try Self.settledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache()
        _ = try Self.load(root, cache: cache)
        let events = root.appendingPathComponent("events")
        try FileManager.default.removeItem(at: events.appendingPathComponent("talks"))
        try FileManager.default.copyItem(
            at: events.appendingPathComponent("round"), to: events.appendingPathComponent("copy"))
        Self.expectSame(try Self.load(root, cache: cache), try Self.load(root))

        let record = events.appendingPathComponent("round/event.yml")
        try Data("date: [unclosed\n".utf8).write(to: record)
        let broken = try #require(throws: ContentError.self) { try Self.load(root, cache: cache) }
        let fresh = try #require(throws: ContentError.self) { try Self.load(root) }
        #expect(broken == fresh)
        // Twice: the file's problems are kept with it.
        #expect(throws: fresh) { try Self.load(root, cache: cache) }
    }
}
