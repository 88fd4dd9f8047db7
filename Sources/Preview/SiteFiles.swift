import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read from the served folder, with what its validators are made from.
struct SiteFile: Sendable {
    /// The file's bytes.
    var contents: Data
    /// A strong entity tag from the file's inode, size and modification time, the way static
    /// hosts make one: a rewritten file (sitegen writes a new file) gets a new tag, one carried
    /// over unchanged keeps it.
    var entityTag: String
    /// The modification time, in whole seconds since 1970.
    var modified: Int64
}

/// What is at a path inside the served folder.
enum SiteEntry: Sendable, Equatable {
    case file
    case folder
    case missing
}

/// The served folder on disk: every system call the preview makes on it is here. Paths given
/// are relative to the folder and already checked to hold no `.` or `..` segment; a path whose
/// real location (symbolic links followed) leaves the folder counts as missing.
struct SiteFiles: Sendable {
    /// The folder, as given.
    var root: String

    /// The largest file served (sitegen writes nothing near it).
    static let largestFile = 256 << 20

    /// What is at `relative`, once any symbolic link is followed and found to stay inside.
    func entry(at relative: String) -> SiteEntry {
        guard let real = realLocation(of: relative) else { return .missing }
        var status = stat()
        guard stat(real, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .missing
        }
    }

    /// The regular file at `relative`, or `nil` when there is none (or it leaves the folder).
    func file(at relative: String) -> SiteFile? {
        guard let real = realLocation(of: relative) else { return nil }
        let descriptor = open(real, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_size <= Self.largestFile
        else { return nil }
        let size = Int(status.st_size)
        var contents = Data(count: size)
        let filled = contents.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < size {
                let count = read(descriptor, buffer.baseAddress! + done, size - done)
                if count <= 0 { break }
                done += count
            }
            return done
        }
        contents.count = filled
        let nanoseconds =
            Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        let tag = [UInt64(status.st_ino), UInt64(filled), UInt64(bitPattern: nanoseconds)]
            .map { String($0, radix: 16) }.joined(separator: "-")
        return SiteFile(
            contents: contents, entityTag: "\"\(tag)\"", modified: Int64(status.st_mtim.tv_sec))
    }

    /// The real path of `relative` inside the folder, or `nil` when it does not exist or its
    /// real path (links resolved) is outside the folder's real path.
    private func realLocation(of relative: String) -> String? {
        guard let base = Self.realPath(root) else { return nil }
        let joined = relative.isEmpty ? base : base + "/" + relative
        guard let real = Self.realPath(joined) else { return nil }
        return real == base || real.hasPrefix(base == "/" ? "/" : base + "/") ? real : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Dates in HTTP's one format (RFC 9110's IMF-fixdate), such as `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// The date `seconds` after 1970 in UTC.
    static func text(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):"
            + "\(two(parts.tm_sec)) GMT"
    }

    /// The seconds after 1970 that an IMF-fixdate names, or `nil` for any other text.
    static func seconds(_ text: String) -> Int64? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int32(fields[1]),
            let month = months.firstIndex(of: String(fields[2])), let year = Int32(fields[3])
        else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int32($0) }
        guard clock.count == 3 else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = clock[0]
        parts.tm_min = clock[1]
        parts.tm_sec = clock[2]
        return Int64(timegm(&parts))
    }
}

/// Removing the preview's temporary folder, through Foundation, which removes a link as
/// itself and never follows it. (A walk of our own with `unlinkat` measured no faster: on a
/// site of ten thousand files the time is the file system freeing them.)
enum FolderRemoval {
    /// Removes a folder and everything in it; a path that is not there is not an error.
    /// - Returns: Whether everything was removed.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        let manager = FileManager.default
        do {
            try manager.removeItem(atPath: path)
            return true
        } catch {
            // Gone already (`attributesOfItem` does not follow a link) is not a failure.
            return (try? manager.attributesOfItem(atPath: path)) == nil
        }
    }
}
