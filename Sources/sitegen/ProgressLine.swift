import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one line a long build shows on a terminal while it writes pages, such as
/// `Building: 5000 of 10192 pages, 1.3 s`, redrawn in place from the first second on and
/// cleared before the summary. It is made only for a terminal, never for a pipe or a file.
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var lastDrawn: ContinuousClock.Instant?
    }

    private let started: ContinuousClock.Instant
    private let delay: Duration
    private let interval: Duration
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// A line that starts showing `delay` after `started`, is redrawn at most once per
    /// `interval` (and on the last page), and hands its text to `write`.
    init(
        started: ContinuousClock.Instant, delay: Duration = .seconds(1),
        interval: Duration = .milliseconds(100), write: @escaping @Sendable (String) -> Void
    ) {
        self.started = started
        self.delay = delay
        self.interval = interval
        self.write = write
    }

    /// A line on standard error when it is a terminal and the build is not quiet;
    /// otherwise `nil`, so nothing extra reaches a pipe, a file or `--quiet`.
    static func onStandardError(started: ContinuousClock.Instant, quiet: Bool) -> ProgressLine? {
        guard isShown(quiet: quiet, descriptor: STDERR_FILENO) else { return nil }
        return ProgressLine(started: started) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Whether a build shows progress on this descriptor: only on a terminal, never quiet.
    static func isShown(quiet: Bool, descriptor: Int32) -> Bool {
        !quiet && isatty(descriptor) == 1
    }

    /// Records that `done` of `total` pages are written; redraws the line when it is due.
    /// Safe to call from any thread; a count lower than one already seen is ignored.
    func update(done: Int, total: Int, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard done > state.done else { return }
            state.done = done
            let elapsed = started.duration(to: now)
            guard elapsed >= delay else { return }
            if let last = state.lastDrawn, last.duration(to: now) < interval, done < total {
                return
            }
            state.lastDrawn = now
            write("\r\u{1b}[K" + Self.text(done: done, total: total, elapsed: elapsed))
        }
    }

    /// Removes the line, when it was shown, so the summary starts on a clean line.
    func clear() {
        state.withLock { state in
            guard state.lastDrawn != nil else { return }
            state.lastDrawn = nil
            write("\r\u{1b}[K")
        }
    }

    /// The line's text: `Building: 5000 of 10192 pages, 1.3 s`.
    static func text(done: Int, total: Int, elapsed: Duration) -> String {
        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "Building: \(done) of \(total) pages, " + String(format: "%.1f s", seconds)
    }
}
