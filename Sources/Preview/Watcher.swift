import CWatch
import Foundation
import Synchronization

/// Watches folders for changes to the files in them, through inotify on Linux (a watch per
/// folder, added for each new folder as it appears) or, when inotify cannot be had or polling
/// is asked for, by comparing every file's size, times and inode at an interval. Each change
/// is handed to `changed` with its path, from the watcher's own thread; editors' swap and
/// backup files (`*.swp`, `*.swx`, `*~`, `.#*`, `4913`) are left out.
final class Watcher: Sendable {
    /// How changes are found.
    enum Mode: Sendable, Equatable {
        /// inotify.
        case notified
        /// Polling at this interval; `reason` says why when it was not asked for.
        case polling(interval: Duration, reason: String?)
    }

    private let folders: [String]
    private let changed: @Sendable (String) -> Void
    private let stopped = Atomic(false)
    private let finished = DispatchSemaphore(value: 0)
    private let ready = DispatchSemaphore(value: 0)
    private let missedFolder = Atomic(false)
    /// How the watcher finds changes, once started.
    let mode: Mode

    /// Whether every change so far was seen, so the paths handed to `changed` are all that
    /// changed: false once a folder could not be watched (inotify's limit on watches), when
    /// a change is only noticed at the next poll or a full look.
    var seesEveryChange: Bool { !missedFolder.load(ordering: .relaxed) }

    /// Starts watching `folders` on a thread of its own, and returns once the watches are in
    /// place (or the first poll's look is taken): a change from then on is reported.
    init(
        folders: [String], polling: Duration?, changed: @escaping @Sendable (String) -> Void
    ) {
        self.folders = folders
        self.changed = changed
        let descriptor = polling == nil ? sitegen_watch_open() : -1
        if descriptor >= 0 {
            mode = .notified
        } else {
            let reason =
                polling == nil
                ? "inotify is not available (\(String(cString: strerror(errno))))" : nil
            mode = .polling(interval: polling ?? .milliseconds(300), reason: reason)
        }
        let thread = Thread { [self] in
            if descriptor >= 0 { notify(descriptor) } else { poll() }
            finished.signal()
        }
        thread.name = "sitegen-watcher"
        thread.start()
        ready.wait()
    }

    /// Stops watching, and waits for the watcher's thread to end.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        finished.wait()
    }

    /// Whether a file name is an editor's temporary or backup file.
    static func isIgnored(_ name: String) -> Bool {
        name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix("~")
            || name.hasPrefix(".#") || name == "4913"
    }

    private func notify(_ descriptor: Int32) {
        defer { sitegen_watch_close(descriptor) }
        var watches: [Int32: String] = [:]
        for folder in folders { add(folder, to: descriptor, &watches) }
        ready.signal()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped.load(ordering: .relaxed) {
            guard sitegen_watch_wait(descriptor, 100) == 1 else { continue }
            let count = buffer.withUnsafeMutableBytes {
                sitegen_watch_read(descriptor, $0.baseAddress, $0.count)
            }
            guard count > 0 else { continue }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                var event = sitegen_watch_event()
                while sitegen_watch_next(bytes.baseAddress, count, &offset, &event) == 1 {
                    handle(event, descriptor: descriptor, &watches)
                }
            }
        }
    }

    private func handle(
        _ event: sitegen_watch_event, descriptor: Int32, _ watches: inout [Int32: String]
    ) {
        let kind = event.kind
        if kind & Int32(SITEGEN_WATCH_OVERFLOW) != 0 {
            for folder in folders { changed(folder) }
            return
        }
        guard let folder = watches[event.watch] else { return }
        let name = String(cString: event.name)
        if name.isEmpty {
            if kind & Int32(SITEGEN_WATCH_GONE) != 0 { watches[event.watch] = nil }
            return
        }
        guard !Self.isIgnored(name) else { return }
        let path = folder + "/" + name
        if kind & Int32(SITEGEN_WATCH_FOLDER) != 0, kind & Int32(SITEGEN_WATCH_ADDED) != 0 {
            add(path, to: descriptor, &watches)
        }
        changed(path)
    }

    /// Watches a folder and every folder inside it (links are not followed).
    private func add(_ folder: String, to descriptor: Int32, _ watches: inout [Int32: String]) {
        var pending = [folder]
        while let next = pending.popLast() {
            let watch = sitegen_watch_add(descriptor, next)
            guard watch >= 0 else {
                missedFolder.store(true, ordering: .relaxed)
                continue
            }
            watches[watch] = next
            for name in (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? [] {
                var status = stat()
                let path = next + "/" + name
                if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                }
            }
        }
    }

    private func poll() {
        guard case .polling(let interval, _) = mode else {
            ready.signal()
            return
        }
        var known = snapshot()
        ready.signal()
        let step = Duration.milliseconds(50)
        var waited = Duration.zero
        while !stopped.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: 0.05)
            waited += step
            guard waited >= interval else { continue }
            waited = .zero
            let now = snapshot()
            for path in Set(known.keys).union(now.keys).sorted() where known[path] != now[path] {
                changed(path)
            }
            known = now
        }
    }

    /// Each file's (and folder's) size, modification and status-change times and inode.
    private func snapshot() -> [String: [Int64]] {
        var stamps: [String: [Int64]] = [:]
        var pending = folders
        while let folder = pending.popLast() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where !Self.isIgnored(name) {
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
                stamps[path] = [
                    Int64(status.st_size), Int64(status.st_mtim.tv_sec),
                    Int64(status.st_mtim.tv_nsec), Int64(status.st_ctim.tv_sec),
                    Int64(status.st_ctim.tv_nsec), Int64(status.st_ino),
                ]
            }
        }
        return stamps
    }
}
