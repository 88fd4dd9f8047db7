import BinaryState
import Content
import Digest
import Foundation

/// What the last successful build into an output folder remembers, so that the next one
/// renders and writes only what changed: `.sitegen-cache/<output folder's name>/` beside
/// the output folder, with `cache.json` (small, read by every build) and `state.bin`
/// (``BuildState``: read only by a build that has something to do).
///
/// It holds the stamps of every input file (to tell a build that has nothing to do without
/// reading the content), the key of every output file (a digest of everything the file is
/// made from) with the digest it was written with, and what each note's rendering warned
/// about. A cache that is missing, unreadable, from another version or build of sitegen, or
/// made for another content folder, templates folder or set of options is ignored; the
/// build is then a full one, and writes a new cache.
struct BuildCache: Codable, Sendable {
    /// One output unit (a page, a group of data files, an asset): its key and the files it
    /// wrote, each with its SHA-256 digest.
    struct Unit: Codable, Sendable, Equatable {
        /// The digest of everything the unit is made from.
        var key: String
        /// The files it wrote, by path in the site, with their digests.
        var files: [String: String]
    }

    /// What a note's rendering said, so that an unchanged note need not be rendered again
    /// to report it.
    struct NoteEntry: Codable, Sendable, Equatable {
        /// Its warnings, as printed.
        var warnings: [String]
        /// The events its `event:` links name, which must all still exist.
        var linkedEvents: [String]
    }

    /// Everything a cache must match to be used: the format, sitegen's version and binary,
    /// the folders and the options.
    var identity: BuildIdentity
    /// When the input files were stamped, in nanoseconds since 1970.
    var stampedAt: Int64
    /// The digest of every input file's stamp (``InputStamps/text(of:)``); `nil` when the
    /// inputs could not all be stamped (a symbolic link among them), so that a build is
    /// never skipped on their word.
    var inputsDigest: String?
    /// The digest of the output folder's manifest as the build left it.
    var manifestDigest: String
    /// The last build's summary, repeated by a build that has nothing to do.
    var pageCount: Int
    /// See ``pageCount``.
    var languageCount: Int
    /// See ``pageCount``.
    var warnings: [String]
    /// See ``pageCount``.
    var notices: [String]
    /// The digest of the payload of the state file written with this cache, as its header
    /// names it.
    var stateDigest = ""
    /// The outputs' keys and the notes' renderings.
    struct Outputs: Codable, Sendable {
        /// Every output unit, by its name.
        var units: [String: Unit]
        /// Every note's rendering, by the note's key.
        var notes: [String: NoteEntry]
    }

    /// A cache of a build that succeeded.
    init(
        identity: BuildIdentity, stampedAt: Int64, inputs: [String: FileSystem.FileStamp]?,
        manifestDigest: String, summary: BuildSummary
    ) {
        self.identity = identity
        self.stampedAt = stampedAt
        self.inputsDigest = inputs.map(InputStamps.digest(of:))
        self.manifestDigest = manifestDigest
        self.pageCount = summary.pageCount
        self.languageCount = summary.languageCount
        self.warnings = summary.warnings
        self.notices = summary.notices
    }

    /// The summary of a build that had nothing to do.
    var summary: BuildSummary {
        BuildSummary(
            pageCount: pageCount, languageCount: languageCount, warnings: warnings,
            notices: notices, writtenCount: 0)
    }

    /// The name of the folder, beside the output folder, that holds the caches.
    static let folderName = ".sitegen-cache"

    /// The cache's file name inside its folder.
    static let fileName = "cache.json"

    /// The largest state file read: 1 GiB, seven times a 10,000-event site's; a larger one
    /// is ignored rather than read into memory.
    static let largestState: Int64 = 1 << 30

    /// The state file's name inside the cache's folder.
    static let stateFileName = "state.bin"

    /// The folder of the cache of an output folder: `.sitegen-cache/<name>` in its parent.
    static func folder(forOutput output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return parent + "/" + folderName + "/" + (output as NSString).lastPathComponent
    }

    /// The cache of an output folder, when there is one that matches `identity`; anything
    /// else (missing, unreadable, corrupt, another version or content folder) is `nil`.
    static func read(forOutput output: String, matching identity: BuildIdentity) -> BuildCache? {
        guard let cache = read(BuildCache.self, at: folder(forOutput: output) + "/" + fileName),
            cache.identity == identity
        else { return nil }
        return cache
    }

    /// The state this cache's build left (``BuildState``); `nil` when it cannot be read, is
    /// damaged, or is not the one written with this cache.
    func state(forOutput output: String, contentShownAs: String) -> BuildState? {
        let path = Self.folder(forOutput: output) + "/" + Self.stateFileName
        guard FileSystem.kind(of: path) == .file,
            let size = FileSystem.stamp(of: path)?.size, size <= Self.largestState,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let bytes = [UInt8](data)
        // The header names the payload's digest, which reading checks.
        guard StateFile.namedDigest(of: bytes) == stateDigest else { return nil }
        return BuildState.read(bytes, contentShownAs: contentShownAs)
    }

    private static func read<Value: Decodable>(_ type: Value.Type, at path: String) -> Value? {
        guard FileSystem.kind(of: path) == .file,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// Writes the cache and the state file beside the output folder, each file replacing
    /// the previous one in one step; `writeState` writes the state file at the path it is
    /// given and returns its payload's digest. A cache that cannot be written is left out:
    /// the next build is then a full one.
    mutating func write(forOutput output: String, state writeState: (String) -> String?) {
        let parent = (output as NSString).deletingLastPathComponent
        let folder = Self.folder(forOutput: output)
        // Never through a link or into something that is not a folder.
        for path in [parent + "/" + Self.folderName, folder] {
            switch FileSystem.kind(of: path) {
            case .folder: continue
            case .missing:
                guard
                    (try? FileManager.default.createDirectory(
                        atPath: path, withIntermediateDirectories: false)) != nil
                else { return }
            default: return
            }
        }
        let partial = folder + "/.partial"
        try? FileManager.default.removeItem(atPath: partial)
        guard let digest = writeState(partial) else {
            try? FileManager.default.removeItem(atPath: partial)
            return
        }
        stateDigest = digest
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self),
            (try? FileSystem.replace(folder + "/" + Self.stateFileName, with: partial)) != nil
        else {
            try? FileManager.default.removeItem(atPath: partial)
            return
        }
        // An older sitegen's file, which nothing reads now.
        try? FileManager.default.removeItem(atPath: folder + "/outputs.json")
        _ = Self.replace(folder + "/" + Self.fileName, with: data)
    }

    /// Replaces a file with new contents in one step; whether it succeeded.
    private static func replace(_ path: String, with data: Data) -> Bool {
        let partial = (path as NSString).deletingLastPathComponent + "/.partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try FileSystem.createFile(partial, contents: data)
            try FileSystem.replace(path, with: partial)
            return true
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            return false
        }
    }

    /// Whether nothing a build reads changed since this cache was written, and the output
    /// folder is still what that build left: then a build has nothing to do.
    ///
    /// A file whose stamp is too close to the moment the stamps were taken may have changed
    /// again within the same tick of the file system's clock, and counts as changed.
    func isCurrent(inputs current: [String: FileSystem.FileStamp]?, manifestDigest digest: String?)
        -> Bool
    {
        guard let inputsDigest, let current, digest == manifestDigest else { return false }
        let settled = stampedAt - Self.clockMargin
        return current.values.allSatisfy { $0.modified < settled && $0.changed < settled }
            && InputStamps.digest(of: current) == inputsDigest
    }

    /// How long after a file changed its stamp is trusted (``Content/FileStamp/clockMargin``).
    static let clockMargin = FileSystem.FileStamp.clockMargin
}

/// What a build cache must match to be used: the cache's format, sitegen's version and the
/// running binary, the content and templates folders, and the options that change output.
struct BuildIdentity: Codable, Sendable, Equatable {
    /// The cache's format; bumped when it changes.
    var format = 2
    /// sitegen's version, bumped by hand when output changes.
    var version = SiteGenerator.version
    /// The running binary's size, modification time and inode, so a rebuilt sitegen does
    /// not trust what an older one cached.
    var binary: FileSystem.FileStamp? = FileSystem.stamp(of: "/proc/self/exe")
    /// How the content and templates folders are named in messages, which the cached
    /// warnings repeat.
    var shownAs: [String]
    /// The content folder, resolved.
    var content: String
    /// The templates folder, resolved.
    var templates: String
    /// Whether drafts are published.
    var includesDrafts: Bool
    /// The base URL given on the command line, which overrides `site.yml`'s.
    var baseURL: String?
}

/// Every file under some folders, stamped.
enum InputStamps {
    /// The digest of a set of stamps: each path and its stamp in ``BinaryWriter``'s
    /// encoding, in the order of the paths.
    static func digest(of stamps: [String: FileSystem.FileStamp]) -> String {
        var writer = BinaryWriter(capacity: stamps.count * 80)
        // Any fixed order will do: String's own, which is quick for ASCII paths.
        for (path, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(stamp)
        }
        return SHA256.hex(of: writer.bytes)
    }

    /// The stamp of every file and folder under each folder (the folder itself included),
    /// by `number/relative path` (`number` the folder's place in `folders`; a folder's path
    /// ends with `/`); `nil` when a
    /// symbolic link is among them, since a link's target can change without the link's
    /// stamp saying so.
    static func of(_ folders: [String]) -> [String: FileSystem.FileStamp]? {
        var stamps: [String: FileSystem.FileStamp] = [:]
        for (number, folder) in folders.enumerated() {
            // A folder's own stamp changes when an entry is added, removed or renamed.
            stamps["\(number)/"] = FileSystem.status(of: folder).stamp
            var pending = [""]
            while let relative = pending.popLast() {
                let here = relative.isEmpty ? folder : folder + "/" + relative
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: here)
                else { continue }
                for name in names {
                    let path = relative.isEmpty ? name : relative + "/" + name
                    let status = FileSystem.status(of: folder + "/" + path)
                    switch status.kind {
                    case .folder:
                        pending.append(path)
                        stamps["\(number)/" + path + "/"] = status.stamp
                    case .file: stamps["\(number)/" + path] = status.stamp
                    case .missing: continue
                    case .link, .other: return nil
                    }
                }
            }
        }
        return stamps
    }
}
