import Content
import Digest
import Foundation
import Synchronization

/// The files a build wrote, each with its SHA-256 digest: `.sitegen-manifest` at the root of
/// every site sitegen makes. It marks the folder as sitegen's, so a later build knows what
/// it may replace, and it is in `sha256sum`'s format, so `sha256sum -c .sitegen-manifest`
/// checks a published copy.
struct SiteManifest: Sendable, Equatable {
    /// The manifest's file name at the site's root.
    static let fileName = ".sitegen-manifest"

    /// Each file's digest, by its path relative to the site's root.
    var digests: [String: String]

    /// One line a file, `DIGEST  PATH`, sorted by the paths' bytes.
    var text: String {
        var text = ""
        text.reserveCapacity(digests.count * 100)
        for path in digests.keys.sorted(by: Self.bytesPrecede) {
            text += digests[path]! + "  " + path + "\n"
        }
        return text
    }

    /// Whether one text comes before another in the order of their UTF-8 bytes; the same
    /// as comparing their `utf8` views, with `memcmp`.
    static func bytesPrecede(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                let common = min(one.count, other.count)
                let order =
                    common == 0 ? 0 : memcmp(one.baseAddress!, other.baseAddress!, common)
                return order != 0 ? order < 0 : one.count < other.count
            }
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    /// The manifest in a folder, or `nil` when there is none or it is not one sitegen wrote.
    static func read(in folder: String) -> SiteManifest? {
        read(file: folder + "/" + fileName)
    }

    /// The manifest in a file, or `nil` when there is none or it is not one sitegen wrote.
    static func read(file path: String) -> SiteManifest? {
        guard FileSystem.kind(of: path) == .file,
            let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        var digests: [String: String] = [:]
        // Read as bytes: a large site's manifest has a line for each of thousands of files.
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            guard line.count > 66, line.prefix(64).allSatisfy(Self.isHexDigit),
                line.dropFirst(64).starts(with: "  ".utf8)
            else { return nil }
            digests[String(decoding: line.dropFirst(66), as: UTF8.self)] =
                String(decoding: line.prefix(64), as: UTF8.self)
        }
        return SiteManifest(digests: digests)
    }
}

extension SiteManifest {
    /// Whether every file the manifest lists is still in `folder`, as a regular file.
    func isComplete(in folder: String) -> Bool {
        digests.keys.allSatisfy { FileSystem.kind(of: folder + "/" + $0) == .file }
    }
}

/// The manifest of a build in progress; files are added from any thread.
final class ManifestRecorder: Sendable {
    private let digests = Mutex([String: String]())

    /// Records a file written at a path relative to the site's root.
    func record(_ path: String, contents: Data) {
        let digest = SHA256.hex(of: contents)
        digests.withLock { $0[path] = digest }
    }

    /// Records a file at a path relative to the site's root whose digest is known.
    func record(_ path: String, digest: String) {
        digests.withLock { $0[path] = digest }
    }

    /// What has been recorded so far.
    var manifest: SiteManifest { SiteManifest(digests: digests.withLock { $0 }) }
}

/// A file in an existing output folder that sitegen did not make, and why it says so.
struct ForeignFile: Sendable, Equatable, CustomStringConvertible {
    /// Why the file is not sitegen's to replace.
    enum Reason: String, Sendable {
        /// The folder's manifest does not list it, or the folder has no manifest.
        case notMade = "not made by sitegen"
        /// The manifest lists it, but its contents changed since.
        case changed = "changed since sitegen wrote it"
        /// A link, device, socket or pipe: sitegen writes none of these.
        case notAFile = "not a regular file"
    }

    /// The path relative to the folder.
    var path: String
    /// Why it is not sitegen's.
    var reason: Reason

    var description: String { "\(path) (\(reason.rawValue))" }
}

extension SiteManifest {
    /// The files in a folder that this manifest does not account for, in path order:
    /// unlisted files, files whose contents changed, and anything that is not a file.
    ///
    /// A listed file is hashed only when it changed after the manifest was written, so a
    /// folder just built costs a walk, not a read of every file.
    static func foreignFiles(
        in folder: String, manifest: SiteManifest?, ignoring ignored: Set<String> = []
    ) -> [ForeignFile] {
        survey(of: folder, manifest: manifest, ignoring: ignored).foreign
    }

    /// The same walk, which also counts the files the manifest lists that are there as
    /// regular files: when that is all of them, the folder is complete (``isComplete(in:)``).
    ///
    /// With `pending`, the manifest of an update in place that was cut short
    /// (``PendingUpdate``), a file is also sitegen's when it is as `pending` lists it.
    static func survey(
        of folder: String, manifest: SiteManifest?, pending update: SiteManifest? = nil,
        ignoring ignored: Set<String> = []
    ) -> (foreign: [ForeignFile], listedFound: Int) {
        let written = FileSystem.modificationTime(of: folder + "/" + fileName) ?? .min
        var found: [ForeignFile] = []
        var listedFound = 0
        var pending = [""]
        while let relative = pending.popLast() {
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + relative))
                ?? []
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty, name == fileName || ignored.contains(name) { continue }
                let full = folder + "/" + path
                let status = FileSystem.status(of: full)
                switch status.kind {
                case .folder:
                    pending.append(path)
                case .file:
                    let digest = manifest?.digests[path]
                    let pendingDigest = update?.digests[path]
                    guard digest != nil || pendingDigest != nil else {
                        found.append(ForeignFile(path: path, reason: .notMade))
                        continue
                    }
                    if digest != nil { listedFound += 1 }
                    if status.stamp.modified >= written,
                        case let actual = SHA256.hex(
                            of: FileManager.default.contents(atPath: full) ?? Data()),
                        actual != digest, actual != pendingDigest
                    {
                        found.append(ForeignFile(path: path, reason: .changed))
                    }
                case .link, .other:
                    found.append(ForeignFile(path: path, reason: .notAFile))
                case .missing:
                    continue
                }
            }
        }
        return (
            found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, listedFound
        )
    }
}
