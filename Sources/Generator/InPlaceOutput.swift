import Digest
import Foundation
import Synchronization

/// An output folder that sitegen wrote and finds as it left it, updated file by file: what a
/// build that changes few of the site's files does instead of swapping in a whole new site.
///
/// Nothing in the folder is touched until every file is made: each file whose bytes changed
/// is written into the staging folder beside the output folder (`.Public.building`). Then,
/// in this order, the new manifest is put there as a pending manifest
/// (`.Public.building/.sitegen-manifest.pending`), each new file is renamed over its target,
/// the files the site no longer has are removed (with folders left empty), and the pending
/// manifest is renamed over `.sitegen-manifest`. A file whose bytes did not change is not
/// written, so it keeps its modification time.
///
/// A build killed during those steps leaves every file whole, old or new; the next build
/// finds the pending manifest and makes the folder's manifest say what it holds
/// (``PendingUpdate``) before it builds.
final class InPlaceOutput: SiteSink {
    /// A point of the update after which a test may stop it as if the process were killed.
    enum Step: Sendable, Equatable, CustomStringConvertible {
        /// Every changed file is in the staging folder; the output folder is untouched.
        case staged
        /// The pending manifest is written.
        case pendingManifestWritten
        /// This many files have been renamed into place.
        case replaced(Int)
        /// The files the site no longer has are removed.
        case removed
        /// The manifest is replaced; the staging folder is still there.
        case manifestReplaced

        var description: String {
            switch self {
            case .staged: "the files were staged"
            case .pendingManifestWritten: "the pending manifest was written"
            case .replaced(let count): "\(count) files were renamed into place"
            case .removed: "the files the site no longer has were removed"
            case .manifestReplaced: "the manifest was replaced"
            }
        }
    }

    /// The output folder.
    let location: OutputLocation
    /// Its manifest before the build.
    let previous: SiteManifest
    /// The files written or kept, by path, with their digests; the carried ones in one go.
    let recorder = ManifestRecorder()
    /// Where the update stops as if the process were killed: a test's fault hook, `nil` in
    /// every real build.
    let interruption: Step?
    private let stagedCount = Mutex(0)
    /// The changed files, by path in the site, with their names in the staging folder.
    private let staged = Mutex([String: String]())
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

    private var staging: String { PendingUpdate.staging(of: location) }

    /// An update of a folder whose manifest is `previous`, whose text is `previousText`
    /// when known (then the new text is the old one with the changed lines patched, when no
    /// file is added or removed).
    init(
        location: OutputLocation, previous: SiteManifest, previousText: ManifestText? = nil,
        interruption: Step? = nil
    ) {
        self.location = location
        self.previous = previous
        self.previousText = previousText
        self.interruption = interruption
    }

    /// Makes an empty staging folder, removing one an interrupted build left (never
    /// anything else); the output folder is not touched.
    func prepare(folders: Set<String>) throws(BuildError) {
        do {
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

    /// Writes a file into the staging folder when its bytes differ from the folder's.
    func write(_ contents: Data, to path: String) throws(BuildError) {
        let digest = SHA256.hex(of: contents)
        if previous.digests[path] != digest {
            let number = stagedCount.withLock {
                $0 += 1
                return $0
            }
            do throws(FileSystem.Failure) {
                try FileSystem.createFile(staging + "/\(number)", contents: contents)
            } catch {
                throw location.error("\(path) cannot be written: \(error.reason)")
            }
            staged.withLock { $0[path] = "\(number)" }
        }
        recorder.record(path, digest: digest)
    }

    /// Removes the staging folder; the output folder was not touched.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Puts the staged files in place, removes the files the site no longer has and
    /// replaces the manifest, in the order that lets a build cut short be finished.
    func commit() throws(BuildError) {
        try stop(after: .staged)
        let manifest = self.manifest
        let removed = previous.digests.keys.filter { manifest.digests[$0] == nil }
        let text = newManifestText(manifest, removing: !removed.isEmpty)
        let pending = staging + "/" + PendingUpdate.fileName
        do throws(FileSystem.Failure) {
            let partial = staging + "/.sitegen-manifest.partial"
            try FileSystem.createFile(partial, contents: Data(text.bytes))
            try FileSystem.replace(pending, with: partial)
        } catch {
            discard()
            throw location.error("could not be updated: \(error.path): \(error.reason)")
        }
        try stop(after: .pendingManifestWritten)
        let files = staged.withLock { $0 }
        try place(files)
        try remove(removed)
        try stop(after: .removed)
        do throws(FileSystem.Failure) {
            try FileSystem.replace(location.path + "/" + SiteManifest.fileName, with: pending)
        } catch {
            throw abandon(error)
        }
        try stop(after: .manifestReplaced)
        finished.withLock {
            $0.changed = Set(files.keys).union(removed)
            $0.text = text
        }
        discard()
    }

    /// The new manifest's text: the old one patched when no file is added or removed.
    private func newManifestText(_ manifest: SiteManifest, removing: Bool) -> ManifestText {
        let written = recorder.manifest.digests
        let adds = written.keys.contains { previous.digests[$0] == nil }
        guard !adds, !removing, let patched = previousText?.patched(with: written) else {
            return ManifestText(manifest)
        }
        return patched
    }

    /// Renames each staged file over its target, in the order of the paths.
    private func place(_ files: [String: String]) throws(BuildError) {
        for (number, path) in files.keys.sorted(by: SiteManifest.bytesPrecede).enumerated() {
            let target = location.path + "/" + path
            do throws(FileSystem.Failure) {
                try FileSystem.createFolders((target as NSString).deletingLastPathComponent)
                try FileSystem.replace(target, with: staging + "/" + files[path]!)
            } catch {
                throw abandon(error)
            }
            try stop(after: .replaced(number + 1))
        }
    }

    /// Removes the files the site no longer has, and the folders they leave empty.
    private func remove(_ paths: [String]) throws(BuildError) {
        for path in paths.sorted(by: SiteManifest.bytesPrecede) {
            do throws(FileSystem.Failure) {
                try FileSystem.remove(location.path + "/" + path)
            } catch {
                throw abandon(error)
            }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, FileSystem.removeFolderIfEmpty(location.path + "/" + folder) {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// After a failure among the renames: the manifest is made to say what the folder now
    /// holds (or, failing that, left for the next build to settle), and the error returned.
    private func abandon(_ failure: FileSystem.Failure) -> BuildError {
        _ = try? PendingUpdate(manifest: manifest).settle(location, previous: previous)
        return location.error("could not be updated: \(failure.path): \(failure.reason)")
    }

    /// Stops the update as if the process were killed, when a test asks for it.
    private func stop(after step: Step) throws(BuildError) {
        guard let interruption, interruption == step else { return }
        throw location.error("stopped by a test after \(step)")
    }
}

/// The new manifest of an update in place that was cut short (killed, or a rename failed),
/// left in the staging folder as `.sitegen-manifest.pending`: a file of the output folder
/// that is as this manifest or the folder's own lists it is sitegen's.
struct PendingUpdate: Sendable {
    /// The pending manifest's name in the staging folder.
    static let fileName = ".sitegen-manifest.pending"

    /// The site the update was making.
    let manifest: SiteManifest

    /// The staging folder of updates in place: beside the output folder,
    /// `.<name>.building`, as a staged build's.
    static func staging(of location: OutputLocation) -> String {
        let parent = (location.path as NSString).deletingLastPathComponent
        return parent + "/.\((location.path as NSString).lastPathComponent).building"
    }

    /// The update cut short beside an output folder, if there is one: a pending manifest
    /// in a staging folder that sitegen marked as its own.
    static func find(beside location: OutputLocation) -> PendingUpdate? {
        let staging = staging(of: location)
        guard FileSystem.kind(of: staging) == .folder,
            FileSystem.kind(of: staging + "/" + OutputFolder.stagingMark) == .file
        else { return nil }
        return SiteManifest.read(file: staging + "/" + fileName).map(PendingUpdate.init)
    }

    /// Makes the output folder's manifest say what the folder holds: each file on which
    /// `previous` (its manifest) and the pending one differ is read again, and listed with
    /// its digest, or left out when it is not there. Then the staging folder is removed.
    ///
    /// The caller has checked that every such file is as one of the two lists it.
    /// - Returns: The folder's manifest now.
    @discardableResult
    func settle(_ location: OutputLocation, previous: SiteManifest?) throws(FileSystem.Failure)
        -> SiteManifest
    {
        let old = previous?.digests ?? [:]
        var digests = old
        for path in Set(old.keys).union(manifest.digests.keys)
        where old[path] != manifest.digests[path] {
            let full = location.path + "/" + path
            digests[path] =
                FileSystem.kind(of: full) == .file
                ? FileManager.default.contents(atPath: full).map { SHA256.hex(of: $0) } : nil
        }
        let settled = SiteManifest(digests: digests)
        let staging = Self.staging(of: location)
        let partial = staging + "/.sitegen-manifest.settled"
        try? FileManager.default.removeItem(atPath: partial)
        try FileSystem.createFile(partial, contents: Data(settled.text.utf8))
        try FileSystem.replace(location.path + "/" + SiteManifest.fileName, with: partial)
        try? FileManager.default.removeItem(atPath: staging)
        return settled
    }
}
