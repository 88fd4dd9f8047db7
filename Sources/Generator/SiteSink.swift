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
