import Foundation
import Generator
import Testing

@testable import Preview

/// Editing the sandbox's content while the preview serves it.
@Suite("Rebuilding on a change", .serialized)
struct RebuildTests {
    static let page = "/fixture/en/founding.html"

    static func note(title: String) -> String {
        "---\ntitle: \"\(title)\"\nsummary: \"The company is founded.\"\n---\n\nIt was founded.\n"
    }

    @Test func anEditReloadsTheBrokenNoteShowsErrorsAndTheFixRecovers() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let first = try await sandbox.request(Self.page)
        let listener = try EventListener(
            port: sandbox.port, page: Self.page, entityTag: first.headers["etag"] ?? "")
        defer { listener.close() }
        // A page that listens to an unrelated event page: told `built`, not `reload`.
        let other = try await sandbox.request("/fixture/el/revenue.html")
        let bystander = try EventListener(
            port: sandbox.port, page: "/fixture/el/revenue.html",
            entityTag: other.headers["etag"] ?? "")
        defer { bystander.close() }

        try sandbox.write(Self.note(title: "Founding, edited"), to: "events/founding/en.md")
        #expect(try await listener.next("reload") != nil)
        let edited = try await sandbox.request(Self.page)
        #expect(edited.text.contains("<h1>Founding, edited</h1>"))
        #expect(edited.headers["etag"] != first.headers["etag"])

        try sandbox.write("---\ntitle: [\n---\n\nBroken.\n", to: "events/founding/en.md")
        let failure = try #require(try await listener.next("failed"))
        #expect(failure.contains("events/founding/en.md:3:1: error: invalid YAML"))
        #expect(!failure.contains("warning:"))
        let stillGood = try await sandbox.request(Self.page)
        #expect(stillGood.status == 200)
        #expect(stillGood.text.contains("<h1>Founding, edited</h1>"))
        #expect(try await bystander.next("failed") != nil)

        try sandbox.write(Self.note(title: "Founding, fixed"), to: "events/founding/en.md")
        #expect(try await listener.next("reload") != nil)
        let fixed = try await sandbox.request(Self.page)
        #expect(fixed.text.contains("<h1>Founding, fixed</h1>"))

        let reports = sandbox.events.all
        let failures = reports.compactMap { event -> [String]? in
            if case .failed(_, let error, _) = event { return error.problems }
            return nil
        }
        #expect(failures.count == 1)
        #expect(failures.first?.first?.contains("events/founding/en.md:3:1: error:") == true)
        let rebuilds = reports.compactMap { event -> PreviewBuild? in
            if case .built(let build) = event, !build.trigger.isEmpty { return build }
            return nil
        }
        #expect(rebuilds.count == 2)
        #expect(
            rebuilds.allSatisfy { $0.trigger.first?.hasSuffix("events/founding/en.md") == true })
        #expect(rebuilds.allSatisfy { $0.summary.writtenCount > 0 && $0.reloadedPages >= 1 })
    }

    @Test func aPageThatMissedARebuildIsToldToReload() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let listener = try EventListener(
            port: sandbox.port, page: Self.page, entityTag: "\"an-old-tag\"")
        defer { listener.close() }
        #expect(try await listener.next("reload", seconds: 10) != nil)
    }

    @Test func aFirstBuildThatFailsShowsItsErrorsUntilTheFix() async throws {
        let sandbox = try await Sandbox { content in
            try Data("---\ntitle: [\n---\n".utf8).write(
                to: content.appendingPathComponent("events/founding/en.md"))
        }
        defer { Task { await sandbox.close() } }
        let missing = try await sandbox.request(Self.page)
        #expect(missing.status == 404)
        #expect(missing.text.contains("/__sitegen/live.js"))
        let listener = try EventListener(port: sandbox.port, page: Self.page, entityTag: "")
        defer { listener.close() }
        let failure = try #require(try await listener.next("failed", seconds: 10))
        #expect(failure.contains("events/founding/en.md:3:1: error: invalid YAML"))
        try sandbox.write(Self.note(title: "Founding, at last"), to: "events/founding/en.md")
        #expect(try await listener.next("reload") != nil)
        let page = try await sandbox.request(Self.page)
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Founding, at last</h1>"))
    }

    @Test func aClosedPageIsForgotten() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let listener = try EventListener(port: sandbox.port, page: Self.page, entityTag: "")
        #expect(try await listener.next("reload", seconds: 10) != nil)
        #expect(sandbox.session.listeningPages == 1)
        listener.close()
        for _ in 0..<300 where sandbox.session.listeningPages > 0 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(sandbox.session.listeningPages == 0)
    }

    @Test func thePollingWatcherRebuildsToo() async throws {
        let sandbox = try await Sandbox(pollInterval: .milliseconds(100))
        defer { Task { await sandbox.close() } }
        let first = try await sandbox.request(Self.page)
        let listener = try EventListener(
            port: sandbox.port, page: Self.page, entityTag: first.headers["etag"] ?? "")
        defer { listener.close() }
        try sandbox.write(Self.note(title: "Founding, polled"), to: "events/founding/en.md")
        #expect(try await listener.next("reload") != nil)
        #expect(try await sandbox.request(Self.page).text.contains("<h1>Founding, polled</h1>"))
    }
}
