import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one line a long build shows on a terminal, such as
/// `Building: 5000 of 10192 pages, 1.3 s`: drawn from the first second on, redrawn in
/// place ten times a second (so the time moves while the content is read and while the
/// site is saved), and cleared before the summary. It is made only for a terminal, never
/// for a pipe, a file or `--quiet`.
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var total = 0
        var isShown = false
        var isStopped = false
    }

    private let started: ContinuousClock.Instant
    private let delay: Duration
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// A line that starts showing `delay` after `started` and hands its text to `write`.
    init(
        started: ContinuousClock.Instant, delay: Duration = .seconds(1),
        write: @escaping @Sendable (String) -> Void
    ) {
        self.started = started
        self.delay = delay
        self.write = write
    }

    /// A line on standard error, redrawn every `interval` by a thread of its own until
    /// ``clear()``, when standard error is a terminal and the build is not quiet;
    /// otherwise `nil`.
    static func onStandardError(
        started: ContinuousClock.Instant, quiet: Bool, interval: Duration = .milliseconds(100)
    ) -> ProgressLine? {
        guard isShown(quiet: quiet, descriptor: STDERR_FILENO) else { return nil }
        let line = ProgressLine(started: started) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        Thread.detachNewThread {
            while line.redraw() { Thread.sleep(forTimeInterval: interval.seconds) }
        }
        return line
    }

    /// Whether a build shows progress on this descriptor: only on a terminal, never quiet.
    static func isShown(quiet: Bool, descriptor: Int32) -> Bool {
        !quiet && isatty(descriptor) == 1
    }

    /// Records that `done` of `total` pages are written. Safe to call from any thread; a
    /// count lower than one already recorded is ignored.
    func update(done: Int, total: Int) {
        state.withLock { state in
            guard done > state.done else { return }
            state.done = done
            state.total = total
        }
    }

    /// Draws the line when the build has run for `delay`; `false` once it is cleared.
    @discardableResult
    func redraw(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            guard !state.isStopped else { return false }
            let elapsed = started.duration(to: now)
            guard elapsed >= delay else { return true }
            state.isShown = true
            write("\r\u{1b}[K" + Self.text(done: state.done, total: state.total, elapsed: elapsed))
            return true
        }
    }

    /// Stops the redrawing and removes the line, when it was shown, so the summary starts
    /// on a clean line.
    func clear() {
        state.withLock { state in
            state.isStopped = true
            guard state.isShown else { return }
            state.isShown = false
            write("\r\u{1b}[K")
        }
    }

    /// The line's text: `Building: 5000 of 10192 pages, 1.3 s`, or before the first page
    /// is written (the content is read and checked), `Building: preparing the pages, 1.3 s`.
    static func text(done: Int, total: Int, elapsed: Duration) -> String {
        let what = total > 0 ? "\(done) of \(total) pages" : "preparing the pages"
        return "Building: \(what), " + String(format: "%.1f s", elapsed.seconds)
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
