import Digest
import Foundation
import Synchronization

/// Where a build puts the site's files: a new site staged beside the output folder and
/// swapped in (``OutputFolder``), or the output folder updated in place (``InPlaceOutput``).
protocol SiteSink: Sendable {
    /// Records what the build puts in the site, for the manifest.
    var recorder: ManifestRecorder { get }
    /// Makes ready for writing files into the given folders (paths in the site).
    func prepare(folders: Set<String>) throws(BuildError)
    /// Whether ``prepare(folders:)`` needs every folder the site's files are in.
    var needsFolders: Bool { get }
    /// Keeps a file of the current site, unchanged, whose digest is known.
    func carry(_ path: String, digest: String) throws(BuildError)
    /// Keeps files of the current site, unchanged, whose digests are known, by path.
    func carry(_ files: [String: String]) throws(BuildError)
    /// Puts a file into the site; safe to call from several threads for different files.
    func write(_ contents: Data, to path: String) throws(BuildError)
    /// Undoes what can be undone after a failed build.
    func discard()
    /// Finishes the site: writes its manifest and removes the files it no longer has.
    func commit() throws(BuildError)
}

extension SiteSink {
    var needsFolders: Bool { true }

    func carry(_ files: [String: String]) throws(BuildError) {
        for (path, digest) in files.sorted(by: { $0.key < $1.key }) {
            try carry(path, digest: digest)
        }
    }
}

extension OutputFolder: SiteSink {}

/// An output folder that a build session wrote and finds as it left it, updated file by
/// file: each changed file is written beside the folder and renamed over the old one, the
/// files the site no longer has are removed (with folders left empty), and the manifest is
/// replaced last. A file whose bytes did not change is not written, so it keeps its
/// modification time.
///
/// Unlike a staged build, a build that fails while writing can leave some files new and
/// others old; the manifest is then made to say what the folder holds, so the next build
/// makes again whatever it needs. Only a build session uses it, on a folder it owns.
final class InPlaceOutput: SiteSink {
    /// The output folder.
    let location: OutputLocation
    /// Its manifest before the build.
    let previous: SiteManifest
    /// The files written or kept, by path, with their digests; the carried ones in one go.
    let recorder = ManifestRecorder()
    private let written = Mutex(0)
    private let carried = Mutex([String: String]())
    private let previousText: ManifestText?
    private let finished = Mutex((changed: Set<String>(), text: ManifestText?.none))

    /// The files whose contents the update changed, added or removed.
    var changedPaths: Set<String> { finished.withLock { $0.changed } }
    /// The manifest's text as the update left it.
    var manifestText: ManifestText? { finished.withLock { $0.text } }
    /// The site's files after the update, with their digests.
    var manifest: SiteManifest {
        var digests = carried.withLock { $0 }
        digests.merge(recorder.manifest.digests) { _, new in new }
        return SiteManifest(digests: digests)
    }
    var needsFolders: Bool { false }

    /// The folder beside the output folder where new files are written before they are
    /// renamed into place; a staged build removes it if it is left behind.
    private var staging: String {
        let parent = (location.path as NSString).deletingLastPathComponent
        return parent + "/.\((location.path as NSString).lastPathComponent).building"
    }

    /// An update of a folder whose manifest is `previous`, whose text is `previousText`
    /// when known (then the new text is the old one with the changed lines patched, when no
    /// file is added or removed).
    init(location: OutputLocation, previous: SiteManifest, previousText: ManifestText? = nil) {
        self.location = location
        self.previous = previous
        self.previousText = previousText
    }

    func prepare(folders: Set<String>) throws(BuildError) {
        do {
            // What an interrupted build left is removed, never anything else.
            if FileSystem.kind(of: staging) != .missing {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
                guard FileSystem.kind(of: staging) == .folder,
                    names.isEmpty || names.contains(OutputFolder.stagingMark)
                else {
                    throw location.error(
                        "\(staging) is in the way: sitegen writes new files there, but it holds "
                            + "files sitegen did not make; move it elsewhere")
                }
                try FileManager.default.removeItem(atPath: staging)
            }
            try FileManager.default.createDirectory(
                atPath: staging, withIntermediateDirectories: false)
            try FileSystem.createFile(staging + "/" + OutputFolder.stagingMark, contents: Data())
            for folder in folders.sorted() where !folder.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: location.path + "/" + folder, withIntermediateDirectories: true)
            }
        } catch let error as BuildError {
            throw error
        } catch {
            discard()
            throw location.error("cannot be updated: \(error.localizedDescription)")
        }
    }

    func carry(_ path: String, digest: String) throws(BuildError) {
        carried.withLock { $0[path] = digest }
    }

    func carry(_ files: [String: String]) throws(BuildError) {
        carried.withLock { $0.merge(files) { _, new in new } }
    }

    func write(_ contents: Data, to path: String) throws(BuildError) {
        let digest = SHA256.hex(of: contents)
        if previous.digests[path] != digest {
            finished.withLock { _ = $0.changed.insert(path) }
            let number = written.withLock {
                $0 += 1
                return $0
            }
            let temporary = staging + "/\(number)"
            do throws(FileSystem.Failure) {
                let target = location.path + "/" + path
                let folder = (target as NSString).deletingLastPathComponent
                if FileSystem.kind(of: folder) == .missing {
                    try? FileManager.default.createDirectory(
                        atPath: folder, withIntermediateDirectories: true)
                }
                try FileSystem.createFile(temporary, contents: contents)
                try FileSystem.replace(target, with: temporary)
            } catch {
                throw location.error("\(path) cannot be written: \(error.reason)")
            }
        }
        recorder.record(path, digest: digest)
    }

    func discard() {
        var digests = previous.digests
        digests.merge(recorder.manifest.digests) { _, new in new }
        let manifest = SiteManifest(digests: digests)
        try? replaceManifest(with: ManifestText(manifest))
        try? FileManager.default.removeItem(atPath: staging)
    }

    func commit() throws(BuildError) {
        let written = recorder.manifest.digests
        let manifest = self.manifest
        let added = written.keys.filter { previous.digests[$0] == nil }
        // Every path of the old site is still there unless the new one has fewer old paths.
        let removed =
            previous.digests.count == manifest.digests.count - added.count
            ? [] : previous.digests.keys.filter { manifest.digests[$0] == nil }
        let text =
            added.isEmpty && removed.isEmpty
            ? previousText?.patched(with: written) ?? ManifestText(manifest)
            : ManifestText(manifest)
        do throws(FileSystem.Failure) {
            for path in removed {
                try FileSystem.remove(location.path + "/" + path)
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, FileSystem.removeFolderIfEmpty(location.path + "/" + folder)
                {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            try replaceManifest(with: text)
        } catch {
            discard()
            throw location.error("could not be updated: \(error.path): \(error.reason)")
        }
        finished.withLock {
            $0.changed.formUnion(removed)
            $0.changed.formUnion(added)
            $0.text = text
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func replaceManifest(with text: ManifestText) throws(FileSystem.Failure) {
        let temporary = staging + "/" + SiteManifest.fileName
        try? FileManager.default.removeItem(atPath: temporary)
        try FileSystem.createFile(temporary, contents: Data(text.bytes))
        try FileSystem.replace(location.path + "/" + SiteManifest.fileName, with: temporary)
    }
}

/// A manifest's text kept as bytes, with where each path's digest is in it, so that a
/// build that changed a few files' contents patches their lines instead of sorting and
/// writing out every line again.
struct ManifestText: Sendable {
    /// The text, as ``SiteManifest/text`` gives it.
    private(set) var bytes: [UInt8]
    /// Where each path's 64-digit digest starts in ``bytes``.
    private let offsets: [String: Int]

    /// The text of a manifest.
    init(_ manifest: SiteManifest) {
        bytes = Array(manifest.text.utf8)
        var offsets: [String: Int] = [:]
        offsets.reserveCapacity(manifest.digests.count)
        var start = 0
        // Each line is the digest, two spaces, the path and a line feed.
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            let path = String(decoding: bytes[(start + 66)..<index], as: UTF8.self)
            offsets[path] = start
            start = index + 1
        }
        self.offsets = offsets
    }

    /// The text with the digests of `files` (paths it lists, each with a 64-digit digest)
    /// replaced; `nil` when one is not listed or a digest is not 64 bytes long.
    func patched(with files: [String: String]) -> ManifestText? {
        var text = self
        for (path, digest) in files {
            guard let offset = offsets[path], digest.utf8.count == 64 else { return nil }
            text.bytes.replaceSubrange(offset..<(offset + 64), with: digest.utf8)
        }
        return text
    }
}
