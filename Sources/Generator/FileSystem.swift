import CFileSystem
import Content
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls the output folder needs that Foundation does not offer: an
/// atomic exchange of two folders, a lock, a write without `fsync`, hard links, `stat` and
/// `lstat`. Every
/// system call of the generator is in this file.
enum FileSystem {
    /// A failed system call: what was attempted, on which path, and the system's reason.
    struct Failure: Error, Sendable {
        /// The path the call was about.
        var path: String
        /// The system's error number.
        var code: Int32

        /// The system's reason, such as "Permission denied".
        var reason: String { String(cString: strerror(code)) }
    }

    /// What a path names, without following a final symbolic link.
    enum Kind: Sendable, Equatable {
        /// Nothing is there.
        case missing
        /// A folder.
        case folder
        /// A regular file.
        case file
        /// A symbolic link.
        case link
        /// A device, socket or pipe.
        case other
    }

    /// What a path names; a final symbolic link is not followed.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// What a path names, with its stamp: one `lstat`, a final link not followed (so a
    /// link's stamp is the link's own).
    static func status(of path: String) -> (kind: Kind, stamp: FileStamp) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return (.missing, FileStamp(size: 0, modified: 0, changed: 0, inode: 0))
        }
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        let stamp = FileStamp(
            size: Int64(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return (.folder, stamp)
        case S_IFREG: return (.file, stamp)
        case S_IFLNK: return (.link, stamp)
        default: return (.other, stamp)
        }
    }

    /// The device a path lives on (following links), or `nil` when it does not exist.
    static func device(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_dev)
    }

    /// Whether a folder is a mount point: on another device than the folder around it.
    static func isMountPoint(_ path: String) -> Bool {
        device(of: path) != device(of: (path as NSString).deletingLastPathComponent)
    }

    /// The time a file's contents last changed, in nanoseconds since 1970; `nil` when it
    /// does not exist. A final link is not followed.
    static func modificationTime(of path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Whether the owner's write permission is set on a path. sitegen honours it even when
    /// run as root, who could write anyway.
    static func isMarkedWritable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IWUSR != 0 && access(path, W_OK) == 0
    }

    /// The absolute path with every symbolic link and `.`/`..` resolved; parts that do not
    /// exist yet are appended as they are.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var missing: [String] = []
        while kind(of: existing) == .missing, existing != "/" {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realpath(existing, nil) else { return existing }
        defer { free(real) }
        var result = String(cString: real)
        for part in missing {
            result = result == "/" ? "/" + part : result + "/" + part
        }
        return result
    }

    /// Writes a new file; fails if something is already there. Unlike `Data.write`, it
    /// does not `fsync` each file: ``synchronize(_:)`` flushes the whole site once.
    static func createFile(_ path: String, contents: Data) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        let failure: Int32? = contents.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw Failure(path: path, code: failure) }
    }

    /// What a build remembers of an input file to tell, without reading it, that it has not
    /// changed (see ``Content/FileStamp``).
    typealias FileStamp = Content.FileStamp

    /// A file's stamp, following links; `nil` when it does not exist.
    static func stamp(of path: String) -> FileStamp? { FileStamp.of(path) }

    /// The time now, in nanoseconds since 1970, on the clock file times are taken from.
    static func now() -> Int64 { FileStamp.now() }

    /// Makes `destination` a new name for the existing file at `path` (a hard link); fails if
    /// something is already at `destination`, or the two are on different file systems.
    static func hardLink(_ path: String, to destination: String) throws(Failure) {
        guard link(path, destination) == 0 else {
            throw Failure(path: destination, code: errno)
        }
    }

    /// Removes a file; one that is already gone is not an error.
    static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Failure(path: path, code: errno) }
    }

    /// Makes a folder and the folders around it that are missing; one already there is not
    /// an error.
    static func createFolders(_ path: String) throws(Failure) {
        guard kind(of: path) != .folder else { return }
        try createFolders((path as NSString).deletingLastPathComponent)
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw Failure(path: path, code: errno)
        }
    }

    /// Removes a folder if it is empty; whether it did.
    static func removeFolderIfEmpty(_ path: String) -> Bool {
        rmdir(path) == 0
    }

    /// Replaces `destination` with `path` in one step (`rename(2)`).
    static func replace(_ destination: String, with path: String) throws(Failure) {
        guard rename(path, destination) == 0 else { throw Failure(path: destination, code: errno) }
    }

    /// Flushes the file system that holds a path to disk.
    static func synchronize(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        guard sitegen_sync_file_system(descriptor) == 0 else {
            throw Failure(path: path, code: errno)
        }
    }

    /// Swaps two existing paths in one step.
    static func exchange(_ first: String, _ second: String) throws(Failure) {
        guard sitegen_exchange(first, second) == 0 else { throw Failure(path: second, code: errno) }
    }

    /// Whether a failure of ``exchange(_:_:)`` means the file system cannot exchange.
    static func isUnsupported(_ failure: Failure) -> Bool {
        failure.code == EINVAL || failure.code == ENOSYS || failure.code == ENOTSUP
    }

    /// Renames a path, failing rather than replacing anything at the destination.
    static func move(_ from: String, to destination: String) throws(Failure) {
        guard sitegen_rename_no_replace(from, destination) == 0 else {
            throw Failure(path: destination, code: errno)
        }
    }

    /// An exclusive lock held through a lock file, from ``init(_:)`` until the lock is let
    /// go, when the file is removed. A file left by a process that was killed holds no
    /// lock, and the next build takes it over.
    final class FileLock: Sendable {
        private let descriptor: Int32
        private let path: String

        /// Takes the lock without waiting; `nil` when another process holds it.
        init?(_ path: String) throws(Failure) {
            // The file may be removed by the holder between our open and our lock: then the
            // lock is on a file no longer at the path, and we try again.
            for _ in 0..<8 {
                let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
                guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                    let code = errno
                    close(descriptor)
                    if code == EWOULDBLOCK { return nil }
                    throw Failure(path: path, code: code)
                }
                var held = stat()
                var named = stat()
                if fstat(descriptor, &held) == 0, stat(path, &named) == 0,
                    held.st_dev == named.st_dev, held.st_ino == named.st_ino
                {
                    self.descriptor = descriptor
                    self.path = path
                    return
                }
                close(descriptor)
            }
            return nil
        }

        deinit {
            unlink(path)
            close(descriptor)
        }
    }
}
