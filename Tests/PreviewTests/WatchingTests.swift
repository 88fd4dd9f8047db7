import Foundation
import Synchronization
import Testing

@testable import Preview

/// The watcher and the queue that turns its changes into rebuilds.
@Suite("Watching for changes")
struct WatchingTests {
    final class Seen: Sendable {
        let paths = Mutex<[String]>([])
        func add(_ path: String) { paths.withLock { $0.append(path) } }
        var all: [String] { paths.withLock { $0 } }
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<100 where !condition() { try await Task.sleep(for: .milliseconds(50)) }
    }

    @Test(arguments: [nil, Duration.milliseconds(100)])
    func seesFilesInNewFoldersAndSkipsEditorFiles(polling: Duration?) async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let seen = Seen()
        let watcher = Watcher(folders: [root.path], polling: polling, changed: seen.add)
        defer { watcher.stop() }
        #expect((watcher.mode == .notified) == (polling == nil))
        let events = root.appendingPathComponent("events/new-event")
        try FileManager.default.createDirectory(at: events, withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        for name in [".en.md.swp", "en.md~", ".#en.md", "4913"] {
            try Data("x".utf8).write(to: events.appendingPathComponent(name))
        }
        try Data("note".utf8).write(to: events.appendingPathComponent("en.md"))
        let note = events.appendingPathComponent("en.md").path
        try await Self.waitUntil { seen.all.contains(note) }
        #expect(seen.all.contains(note))
        #expect(!seen.all.contains { Watcher.isIgnored(($0 as NSString).lastPathComponent) })
    }

    @Test func aBurstOfChangesIsOneBatch() async throws {
        // A long quiet period, so that a loaded machine's late wake-ups stay inside it; the
        // changes come from a thread of their own, as the watcher's do.
        let queue = RebuildQueue(quietPeriod: .milliseconds(500), longestWait: .seconds(5))
        let lastChange = Mutex(ContinuousClock.now)
        let batch = try await offThePool { () -> ([String]?, Duration) in
            Thread {
                for name in ["en.md.tmp", "en.md", "en.md", "el.md"] {
                    lastChange.withLock { $0 = .now }
                    queue.add(name)
                    Thread.sleep(forTimeInterval: 0.01)
                }
            }.start()
            let batch = queue.nextBatch()
            return (batch, lastChange.withLock { $0 }.duration(to: .now))
        }
        #expect(batch.0 == ["en.md.tmp", "en.md", "el.md"])
        #expect(batch.1 >= .milliseconds(500))
        queue.close()
        #expect(queue.nextBatch() == nil)
    }

    @Test func editorFilesAreIgnored() {
        for name in ["en.md.swp", ".en.md.swx", "en.md~", ".#en.md", "4913"] {
            #expect(Watcher.isIgnored(name), "\(name)")
        }
        for name in ["en.md", "event.yml", "style.css", "49130"] {
            #expect(!Watcher.isIgnored(name), "\(name)")
        }
    }
}
