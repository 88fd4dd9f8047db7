import Synchronization
import Timeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What tells, without reading a file, that it has not changed: its size, its times of
/// change (nanoseconds since 1970) and its inode.
///
/// An edit that keeps the size and puts the modification time back still changes the
/// status-change time (`ctime`), which no user call can set, and an editor that saves by
/// renaming a new file over the old one changes the inode.
public struct FileStamp: Sendable, Hashable, Codable {
    /// The size in bytes.
    public var size: Int64
    /// When its contents last changed.
    public var modified: Int64
    /// When its contents or metadata last changed.
    public var changed: Int64
    /// Its inode number.
    public var inode: UInt64

    /// Creates a stamp.
    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// A file's stamp, following links; `nil` when it does not exist.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The time now, in nanoseconds since 1970, on the clock file times are taken from.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// How long after a file changed its stamp is trusted: two seconds, far more than any
    /// file system's clock tick (FAT's is two seconds). A file changed within the same tick
    /// as it was read may have changed again without its stamp saying so.
    public static let clockMargin: Int64 = 2_000_000_000

    /// Whether a path is a symbolic link, and the stamp of the file it names (the link's
    /// target's, for a link): one `lstat` for a file that is not a link.
    static func ofEntry(_ path: String) -> (isLink: Bool, stamp: FileStamp?) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (false, nil) }
        guard info.st_mode & S_IFMT != S_IFLNK else { return (true, of(path)) }
        return (false, FileStamp(info))
    }

    private init(_ info: stat) {
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(
            size: Int64(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    /// Whether this stamp, taken at `takenAt`, is old enough to be trusted.
    public func isSettled(at takenAt: Int64) -> Bool {
        modified < takenAt - Self.clockMargin && changed < takenAt - Self.clockMargin
    }
}

/// The events' records and notes as last read, by file, so that a loader given the cache
/// reads and parses again only the files whose stamp changed: what a build session keeps
/// between builds.
///
/// A file is taken from the cache only when its stamp is the one it had when it was read,
/// that stamp had settled by then (``FileStamp/isSettled(at:)``), and it is named the same
/// way in messages; the problems found reading it are kept with it and reported again.
/// Safe to use from several threads at once.
public final class ContentCache: Sendable {
    /// One file as read: its stamp, when it was read, what it held and what was wrong.
    struct Entry<Value: Sendable>: Sendable {
        var stamp: FileStamp
        var readAt: Int64
        var shownAs: String
        var value: Value
        var problems: ProblemLog
    }

    /// The events folder's listing as last read: the folders accepted as events, with the
    /// problems found among its entries.
    struct Listing: Sendable {
        var eventsFolder: String
        var shownAs: String
        var accepted: [(slug: String, folder: String)]
        var problems: ProblemLog
    }

    /// One event folder as last read: the event (with its notes) and the problems found,
    /// for the site it was read with (which languages its notes may be in).
    struct EventRead: Sendable {
        var site: Site?
        var event: Event?
        var problems: ProblemLog
    }

    private let records = Mutex([String: Entry<Event?>]())
    private let notes = Mutex([String: Entry<Note?>]())
    private let reads = Mutex(0)
    private let asked = Mutex(Set<String>())
    let listingMemo = Mutex(Listing?.none)
    let eventMemo = Mutex((shownAs: "", reads: [String: EventRead]()))

    /// An empty cache.
    public init() {}

    /// How many files were read and parsed through this cache so far (the others came
    /// from it).
    public var filesRead: Int { reads.withLock { $0 } }

    /// An event record from the cache, or read with `read` and remembered; `stamp` is the
    /// file's, taken before reading.
    func record(
        at path: String, stamp: FileStamp?, shownAs: String, log: inout ProblemLog,
        read: (inout ProblemLog) -> Event?
    ) -> Event? {
        value(in: records, at: path, stamp: stamp, shownAs: shownAs, log: &log, read: read)
    }

    /// A note from the cache, or read with `read` and remembered; `stamp` is the file's,
    /// taken before reading.
    func note(
        at path: String, stamp: FileStamp?, shownAs: String, log: inout ProblemLog,
        read: (inout ProblemLog) -> Note?
    ) -> Note? {
        value(in: notes, at: path, stamp: stamp, shownAs: shownAs, log: &log, read: read)
    }

    /// The events folder's listing as last read, if it was of `eventsFolder`, named in
    /// messages as `shownAs`.
    func listing(of eventsFolder: String, shownAs: String) -> Listing? {
        listingMemo.withLock { $0 }.flatMap {
            $0.eventsFolder == eventsFolder && $0.shownAs == shownAs ? $0 : nil
        }
    }

    /// Remembers the events folder's listing.
    func remember(_ listing: Listing) {
        listingMemo.withLock { $0 = listing }
    }

    /// Each event folder as last read by a loader naming the content folder `shownAs`, by
    /// the folder's path.
    func eventsRead(shownAs: String) -> [String: EventRead] {
        eventMemo.withLock { $0.shownAs == shownAs ? $0.reads : [:] }
    }

    /// Remembers how each event folder read, by the folder's path; the folders not given
    /// are forgotten.
    func remember(eventsRead: [String: EventRead], shownAs: String) {
        eventMemo.withLock { $0 = (shownAs, eventsRead) }
    }

    /// Forgets everything but the file stamps' entries: the next load lists and reads every
    /// folder again.
    public func forgetFolders() {
        listingMemo.withLock { $0 = nil }
        eventMemo.withLock { $0 = ("", [:]) }
    }

    /// Forgets the files not asked for since the last call, so that deleted events do not
    /// stay in memory: called when a load ends. With `folders`, only the files inside those
    /// folders are looked at (a load that read only them).
    func forgetFilesNotAsked(inside folders: [String]? = nil) {
        let kept = asked.withLock { asked in
            defer { asked = [] }
            return asked
        }
        if let folders {
            guard !folders.isEmpty else { return }
            let prefixes = folders.map { $0 + "/" }
            let forgotten = { (path: String) in
                !kept.contains(path) && prefixes.contains(where: { path.hasPrefix($0) })
            }
            records.withLock { $0 = $0.filter { !forgotten($0.key) } }
            notes.withLock { $0 = $0.filter { !forgotten($0.key) } }
            return
        }
        // Every file asked for has an entry (or none, when it has gone), so equal counts
        // mean nothing else is kept.
        let count = records.withLock { $0.count } + notes.withLock { $0.count }
        guard count > kept.count else { return }
        records.withLock { $0 = $0.filter { kept.contains($0.key) } }
        notes.withLock { $0 = $0.filter { kept.contains($0.key) } }
    }

    private func value<Value: Sendable>(
        in entries: borrowing Mutex<[String: Entry<Value>]>, at path: String, stamp: FileStamp?,
        shownAs: String, log: inout ProblemLog, read: (inout ProblemLog) -> Value
    ) -> Value {
        asked.withLock { _ = $0.insert(path) }
        if let stamp, let entry = entries.withLock({ $0[path] }), entry.stamp == stamp,
            entry.shownAs == shownAs, stamp.isSettled(at: entry.readAt)
        {
            log.append(entry.problems)
            return entry.value
        }
        let readAt = FileStamp.now()
        var fileLog = ProblemLog()
        let value = read(&fileLog)
        log.append(fileLog)
        reads.withLock { $0 += 1 }
        // The stamp was taken before reading: a file changed while it was read has a newer
        // stamp, so the next build reads it again.
        if let stamp {
            let entry = Entry(
                stamp: stamp, readAt: readAt, shownAs: shownAs, value: value, problems: fileLog)
            entries.withLock { $0[path] = entry }
        } else {
            entries.withLock { $0[path] = nil }
        }
        return value
    }
}

/// What a path names, asked with one system call and a plain path: the loader asks it of
/// every file, and going through `URL` and `FileManager` cost more than reading the files.
enum PathKind {
    /// Whether the path names a folder, following links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether the path itself is a symbolic link (`lstat`).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
