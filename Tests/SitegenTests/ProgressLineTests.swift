import Foundation
import Synchronization
import Testing

@testable import sitegen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The line a long build shows on a terminal: when it is shown, what it says, how often it
/// is redrawn, and that it is cleared.
@Suite("Progress line")
struct ProgressLineTests {
    /// Everything the line wrote, in order.
    final class Written: Sendable {
        let texts = Mutex<[String]>([])
        var all: [String] { texts.withLock { $0 } }
    }

    @Test func isShownOnATerminalOnlyAndNeverWhenQuiet() throws {
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0, "no pseudo-terminal: \(String(cString: strerror(errno)))")
        defer { close(master) }
        try #require(grantpt(master) == 0 && unlockpt(master) == 0)
        let terminal = open(String(cString: ptsname(master)), O_RDWR | O_NOCTTY)
        try #require(terminal >= 0)
        defer { close(terminal) }
        #expect(ProgressLine.isShown(quiet: false, descriptor: terminal))
        #expect(!ProgressLine.isShown(quiet: true, descriptor: terminal))

        let pipe = Pipe()
        #expect(
            !ProgressLine.isShown(
                quiet: false, descriptor: pipe.fileHandleForWriting.fileDescriptor))
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-progress-\(UUID().uuidString)")
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(descriptor >= 0)
        defer {
            close(descriptor)
            unlink(file.path)
        }
        #expect(!ProgressLine.isShown(quiet: false, descriptor: descriptor))
    }

    @Test func showsAfterASecondRedrawsAtMostTenTimesASecondAndClears() {
        let written = Written()
        let start = ContinuousClock.now
        let line = ProgressLine(started: start) { text in written.texts.withLock { $0.append(text) }
        }
        line.update(done: 1, total: 10, now: start + .milliseconds(500))
        #expect(written.all.isEmpty, "a build shorter than a second shows no line")
        line.update(done: 2, total: 10, now: start + .milliseconds(1200))
        line.update(done: 3, total: 10, now: start + .milliseconds(1250))
        line.update(done: 4, total: 10, now: start + .milliseconds(1310))
        line.update(done: 10, total: 10, now: start + .milliseconds(1320))
        line.update(done: 9, total: 10, now: start + .milliseconds(2000))
        line.clear()
        line.clear()
        #expect(
            written.all == [
                "\r\u{1b}[KBuilding: 2 of 10 pages, 1.2 s",
                "\r\u{1b}[KBuilding: 4 of 10 pages, 1.3 s",
                "\r\u{1b}[KBuilding: 10 of 10 pages, 1.3 s",
                "\r\u{1b}[K",
            ])
    }

    @Test func aLineNeverShownIsNotCleared() {
        let written = Written()
        let start = ContinuousClock.now
        let line = ProgressLine(started: start) { text in written.texts.withLock { $0.append(text) }
        }
        line.update(done: 5, total: 5, now: start + .milliseconds(900))
        line.clear()
        #expect(written.all.isEmpty)
    }

    @Test func aBuildIntoAPipeShowsNoProgress() throws {
        try withTemporaryFolder { folder in
            let result = try runSitegen([
                "--content",
                repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site").path,
                "--templates", repository.appendingPathComponent("Templates").path, "--output",
                folder.appendingPathComponent("Public").path,
            ])
            #expect(result.status == 0)
            for text in [result.standardOutput, result.standardError] {
                #expect(!text.contains("\r"))
                #expect(!text.contains("\u{1b}"))
                #expect(!text.contains("Building:"))
            }
        }
    }
}
