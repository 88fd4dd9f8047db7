import Foundation
import Synchronization

/// Gathers changes into batches: a batch is handed out once no change has come for the quiet
/// period (30 ms by default), or a second after its first change when changes keep coming, so
/// that an editor's burst (a temporary file written, then renamed over the note) gives one
/// rebuild. Batches are taken one at a time by one thread, the rebuilding one; changes that
/// come during a rebuild make the next batch.
final class RebuildQueue: Sendable {
    private struct State {
        /// The changed paths, in the order they first changed.
        var paths: [String] = []
        var seen: Set<String> = []
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?
        var isClosed = false
    }

    private let state = Mutex(State())
    private let signal = DispatchSemaphore(value: 0)
    private let quietPeriod: Duration
    private let longestWait: Duration

    /// A queue whose batches wait for `quietPeriod` without changes.
    init(quietPeriod: Duration = .milliseconds(30), longestWait: Duration = .seconds(1)) {
        self.quietPeriod = quietPeriod
        self.longestWait = longestWait
    }

    /// Records a change to `path`.
    func add(_ path: String) {
        let now = ContinuousClock.now
        let wasEmpty = state.withLock { state -> Bool in
            let wasEmpty = state.paths.isEmpty
            if state.seen.insert(path).inserted { state.paths.append(path) }
            state.first = state.first ?? now
            state.last = now
            return wasEmpty
        }
        if wasEmpty { signal.signal() }
    }

    /// Ends `nextBatch` waits: it returns `nil` from now on.
    func close() {
        state.withLock { $0.isClosed = true }
        signal.signal()
    }

    /// Waits for the next batch of changed paths; `nil` once the queue is closed.
    func nextBatch() -> [String]? {
        while true {
            let (batch, closed, wait) = state.withLock {
                state -> ([String]?, Bool, Duration?) in
                guard !state.isClosed else { return (nil, true, nil) }
                guard let first = state.first, let last = state.last else {
                    return (nil, false, nil)
                }
                let now = ContinuousClock.now
                let quiet = last.advanced(by: quietPeriod)
                if now >= quiet || now >= first.advanced(by: longestWait) {
                    let batch = state.paths
                    state = State()
                    return (batch, false, nil)
                }
                return (nil, false, now.duration(to: quiet))
            }
            if closed { return nil }
            if let batch { return batch }
            if let wait {
                let seconds =
                    Double(wait.components.seconds)
                    + Double(wait.components.attoseconds) / 1e18
                _ = signal.wait(timeout: .now() + seconds)
            } else {
                signal.wait()
            }
        }
    }
}
