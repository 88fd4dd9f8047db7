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
        // The master side of a new pseudo-terminal is a terminal too.
        let terminal = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(terminal >= 0, "no pseudo-terminal: \(String(cString: strerror(errno)))")
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

    @Test func showsAfterASecondWithThePagesWrittenAndClears() {
        let written = Written()
        let start = ContinuousClock.now
        let line = ProgressLine(started: start) { text in
            written.texts.withLock { $0.append(text) }
        }
        #expect(line.redraw(now: start + .milliseconds(500)))
        #expect(written.all.isEmpty, "a build shorter than a second shows no line")
        line.redraw(now: start + .milliseconds(1200))
        line.update(done: 3, total: 10)
        line.update(done: 2, total: 10)
        line.redraw(now: start + .milliseconds(1300))
        line.update(done: 10, total: 10)
        line.redraw(now: start + .milliseconds(2460))
        line.clear()
        #expect(!line.redraw(now: start + .milliseconds(2600)), "a cleared line stays cleared")
        line.clear()
        #expect(
            written.all == [
                "\r\u{1b}[KBuilding: preparing the pages, 1.2 s",
                "\r\u{1b}[KBuilding: 3 of 10 pages, 1.3 s",
                "\r\u{1b}[KBuilding: 10 of 10 pages, 2.5 s",
                "\r\u{1b}[K",
            ])
    }

    @Test func aLineNeverShownIsNotCleared() {
        let written = Written()
        let start = ContinuousClock.now
        let line = ProgressLine(started: start) { text in
            written.texts.withLock { $0.append(text) }
        }
        line.update(done: 5, total: 5)
        line.redraw(now: start + .milliseconds(900))
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
