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
    /// Keeps a file of the current site, unchanged, whose digest is known.
    func carry(_ path: String, digest: String) throws(BuildError)
    /// Puts a file into the site; safe to call from several threads for different files.
    func write(_ contents: Data, to path: String) throws(BuildError)
    /// Undoes what can be undone after a failed build.
    func discard()
    /// Finishes the site: writes its manifest and removes the files it no longer has.
    func commit() throws(BuildError)
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
    let recorder = ManifestRecorder()
    private let written = Mutex(0)

    /// The folder beside the output folder where new files are written before they are
    /// renamed into place; a staged build removes it if it is left behind.
    private var staging: String {
        let parent = (location.path as NSString).deletingLastPathComponent
        return parent + "/.\((location.path as NSString).lastPathComponent).building"
    }

    /// An update of a folder whose manifest is `previous`.
    init(location: OutputLocation, previous: SiteManifest) {
        self.location = location
        self.previous = previous
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
        recorder.record(path, digest: digest)
    }

    func write(_ contents: Data, to path: String) throws(BuildError) {
        let digest = SHA256.hex(of: contents)
        if previous.digests[path] != digest {
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
        try? replaceManifest(with: SiteManifest(digests: digests))
        try? FileManager.default.removeItem(atPath: staging)
    }

    func commit() throws(BuildError) {
        let manifest = recorder.manifest
        do throws(FileSystem.Failure) {
            for path in previous.digests.keys where manifest.digests[path] == nil {
                try FileSystem.remove(location.path + "/" + path)
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, FileSystem.removeFolderIfEmpty(location.path + "/" + folder)
                {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            try replaceManifest(with: manifest)
        } catch {
            discard()
            throw location.error("could not be updated: \(error.path): \(error.reason)")
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func replaceManifest(with manifest: SiteManifest) throws(FileSystem.Failure) {
        let temporary = staging + "/" + SiteManifest.fileName
        try? FileManager.default.removeItem(atPath: temporary)
        try FileSystem.createFile(temporary, contents: Data(manifest.text.utf8))
        try FileSystem.replace(location.path + "/" + SiteManifest.fileName, with: temporary)
    }
}
