import Foundation
import Generator
import Synchronization
import Testing

/// The progress callback a build calls as it writes pages, which the command line turns
/// into its progress line.
@Suite("Build progress")
struct BuildProgressTests {
    /// Every call the callback received, from whichever thread.
    final class Calls: Sendable {
        let list = Mutex<[(done: Int, total: Int)]>([])
    }

    @Test func theCallbackCountsEveryPageOnce() throws {
        let calls = Calls()
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        let summary = try SiteGenerator(
            options: .init(
                content: SiteBuildTests.fixture, templates: SiteBuildTests.templates,
                output: output,
                progress: { done, total in calls.list.withLock { $0.append((done, total)) } })
        ).build()
        let recorded = calls.list.withLock { $0 }
        #expect(summary.pageCount > 1)
        #expect(recorded.count == summary.pageCount)
        #expect(recorded.map(\.done).sorted() == Array(1...summary.pageCount))
        #expect(recorded.allSatisfy { $0.total == summary.pageCount })
        let pages = SiteBuildTests.files(in: output).filter { $0.hasSuffix(".html") }
        #expect(pages.count == summary.pageCount)
    }

    @Test func aFailedBuildStopsBeforeCountingEveryPage() throws {
        let calls = Calls()
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "title: [\n".write(
            to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        #expect(throws: BuildError.self) {
            try SiteGenerator(
                options: .init(
                    content: content, templates: SiteBuildTests.templates,
                    output: root.appendingPathComponent("Public"),
                    progress: { done, total in calls.list.withLock { $0.append((done, total)) } })
            ).build()
        }
        #expect(calls.list.withLock { $0.isEmpty })
    }
}
