import Digest
import Foundation

/// The output folder, replaced as a whole and only when it is sitegen's to replace.
///
/// The new site is written into a staging folder and swapped in only when complete, in one
/// atomic exchange where the file system allows it, so a failed, killed or interrupted
/// build leaves the previous site whole. A folder is replaced only when it is missing,
/// empty, or holds nothing but what its `.sitegen-manifest` lists, unchanged (or with
/// `--force`); a lock file beside it (`.Public.lock`, there only while a build runs) keeps
/// two builds from writing it at once.
struct OutputFolder: Sendable {
    /// How the staging folder relates to the output folder.
    enum Placement: Sendable {
        /// Beside it, in the same parent: the usual case.
        case beside
        /// Inside it, because it is a mount point and cannot be renamed; the swap then
        /// exchanges its entries one by one.
        case inside
    }

    /// The output folder.
    let location: OutputLocation
    /// Where the staging folder is.
    let placement: Placement
    /// Records what the build writes, for the manifest.
    let recorder = ManifestRecorder()
    /// The output folder's manifest before the build, if it has one.
    private(set) var manifest: SiteManifest? = nil
    /// Whether every file the manifest lists was found in the folder when it was checked;
    /// `false` when it was not checked (a forced build, or no folder).
    private(set) var isComplete = false

    private var parent: String { (location.path as NSString).deletingLastPathComponent }
    private var name: String { (location.path as NSString).lastPathComponent }

    /// Where the new site is written.
    var staging: String {
        switch placement {
        case .beside: parent + "/.\(name).building"
        case .inside: location.path + "/" + Self.insideStagingName
        }
    }

    /// Where the previous site waits during a swap on a file system that cannot exchange.
    private var previous: String { parent + "/.\(name).previous" }

    /// The staging folder's name when it is inside the output folder.
    static let insideStagingName = ".sitegen-building"

    /// A file that marks a staging folder as sitegen's while it is being written.
    static let stagingMark = ".sitegen-staging"

    /// Takes the output folder for a build: locks it, repairs what an interrupted build
    /// left, and checks that it is sitegen's to replace.
    ///
    /// - Returns: The folder, and the lock, which the build holds until it ends.
    /// - Throws: ``BuildError`` at the output step when another build holds the lock, the
    ///   folder is read-only, or it holds files sitegen did not make (unless `force`).
    static func take(_ location: OutputLocation, force: Bool) throws(BuildError) -> (
        OutputFolder, FileSystem.FileLock
    ) {
        let lock = try Self.lock(location)
        let isMountPoint = location.exists && FileSystem.isMountPoint(location.path)
        var folder = OutputFolder(location: location, placement: isMountPoint ? .inside : .beside)
        let pending = PendingUpdate.find(beside: location)
        try folder.recover(keepingPending: pending != nil)
        try folder.checkWritable()
        try folder.checkOwnership(force: force, pending: pending?.manifest)
        if let pending { try folder.settle(pending, force: force) }
        if folder.location.exists, folder.manifest == nil {
            folder.manifest = SiteManifest.read(in: location.path)
        }
        return (folder, lock)
    }

    /// Locks an output folder for a build, through the lock file beside it.
    ///
    /// - Throws: ``BuildError`` at the output step when another build holds the lock, or the
    ///   folder's parent cannot be made.
    static func lock(_ location: OutputLocation) throws(BuildError) -> FileSystem.FileLock {
        let parent = (location.path as NSString).deletingLastPathComponent
        let name = (location.path as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true)
            guard let taken = try FileSystem.FileLock(parent + "/.\(name).lock") else {
                throw location.error(
                    "another sitegen build is writing this folder now; wait for it to finish, "
                        + "then build again")
            }
            return taken
        } catch let error as BuildError {
            throw error
        } catch {
            throw location.error("its folder cannot be made or locked: \(reason(error))")
        }
    }

    // MARK: Writing

    /// Makes an empty staging folder with the given subfolders (paths relative to the
    /// site's root).
    func prepare(folders: Set<String>) throws(BuildError) {
        do {
            try FileManager.default.createDirectory(
                atPath: staging, withIntermediateDirectories: false)
            try FileSystem.createFile(staging + "/" + Self.stagingMark, contents: Data())
            for folder in folders.sorted() where !folder.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: staging + "/" + folder, withIntermediateDirectories: true)
            }
        } catch {
            discard()
            throw location.error("the new site cannot be written beside it: \(Self.reason(error))")
        }
    }

    /// Writes one new file into the staging folder and records it for the manifest; safe
    /// to call from several threads at once for different files.
    func write(_ contents: Data, to path: String) throws(BuildError) {
        do {
            try FileSystem.createFile(staging + "/" + path, contents: contents)
        } catch {
            throw location.error("\(path) cannot be written: \(error.reason)")
        }
        recorder.record(path, contents: contents)
    }

    /// Carries a file of the current output folder into the staging folder unchanged (a hard
    /// link, or a copy where links cannot be made) and records it with its digest, which the
    /// caller checked against the current manifest.
    func carry(_ path: String, digest: String) throws(BuildError) {
        let current = location.path + "/" + path
        do throws(FileSystem.Failure) {
            do throws(FileSystem.Failure) {
                try FileSystem.hardLink(current, to: staging + "/" + path)
            } catch {
                guard let contents = FileManager.default.contents(atPath: current),
                    SHA256.hex(of: contents) == digest
                else { throw error }
                try FileSystem.createFile(staging + "/" + path, contents: contents)
            }
        } catch {
            throw location.error("\(path) cannot be carried over: \(error.reason)")
        }
        recorder.record(path, digest: digest)
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Writes the manifest, flushes the new site to disk, and swaps it in for the output
    /// folder; the previous site is then removed.
    func commit() throws(BuildError) {
        do {
            try FileSystem.createFile(
                staging + "/" + SiteManifest.fileName, contents: Data(recorder.manifest.text.utf8))
            try FileManager.default.removeItem(atPath: staging + "/" + Self.stagingMark)
            try FileSystem.synchronize(staging)
            switch placement {
            case .beside: try swapBeside()
            case .inside: try swapInside()
            }
        } catch {
            discard()
            throw location.error("could not be replaced: \(Self.reason(error))")
        }
    }

    private func swapBeside() throws {
        guard location.exists else {
            return try FileSystem.move(staging, to: location.path)
        }
        do throws(FileSystem.Failure) {
            try FileSystem.exchange(staging, location.path)
        } catch  where FileSystem.isUnsupported(error) {
            // Two renames instead; `recover()` finishes or undoes them after a crash.
            try FileSystem.move(location.path, to: previous)
            do {
                try FileSystem.move(staging, to: location.path)
            } catch {
                try? FileSystem.move(previous, to: location.path)
                throw error
            }
            try FileManager.default.removeItem(atPath: previous)
            return
        }
        // The staging folder now holds the previous site.
        try FileManager.default.removeItem(atPath: staging)
    }

    /// Swaps a mount point's entries one by one, the manifest last; what is left of the
    /// previous site ends up in the staging folder, which is then removed.
    private func swapInside() throws {
        let manager = FileManager.default
        let incoming = try manager.contentsOfDirectory(atPath: staging)
            .sorted {
                ($0 == SiteManifest.fileName ? 1 : 0, $0) < (
                    $1 == SiteManifest.fileName ? 1 : 0, $1
                )
            }
        for entry in incoming {
            let current = location.path + "/" + entry
            if FileSystem.kind(of: current) == .missing {
                try FileSystem.move(staging + "/" + entry, to: current)
            } else {
                try FileSystem.exchange(staging + "/" + entry, current)
            }
        }
        let kept = Set(incoming).union([Self.insideStagingName])
        for entry in try manager.contentsOfDirectory(atPath: location.path)
        where !kept.contains(entry) {
            try FileSystem.move(location.path + "/" + entry, to: staging + "/" + entry)
        }
        try manager.removeItem(atPath: staging)
    }

    // MARK: Checks before a build

    /// Repairs what an interrupted build left: a staging folder is removed (unless it holds
    /// an update in place cut short, which ``settle(_:force:)`` finishes), and a previous
    /// site moved aside by a swap that did not finish is put back.
    private func recover(keepingPending: Bool) throws(BuildError) {
        if FileSystem.kind(of: staging) != .missing, !(keepingPending && placement == .beside) {
            guard Self.isSitegens(staging) else {
                throw location.error(
                    "\(staging) is in the way: sitegen writes the new site there, but it holds "
                        + "files sitegen did not make; move it elsewhere")
            }
            discard()
        }
        guard placement == .beside, FileSystem.kind(of: previous) != .missing else { return }
        // With no output folder, the previous site is the only copy: put it back. With
        // one, the swap had finished, and the previous site is removed if it is sitegen's.
        if location.exists, !Self.isSitegens(previous) {
            throw location.error(
                "\(previous) is in the way: sitegen keeps the previous site there during a swap, "
                    + "but it holds files sitegen did not make; move it elsewhere")
        }
        do {
            if location.exists {
                try FileManager.default.removeItem(atPath: previous)
            } else {
                try FileSystem.move(previous, to: location.path)
            }
        } catch {
            throw location.error("could not be restored from \(previous): \(Self.reason(error))")
        }
    }

    private func checkWritable() throws(BuildError) {
        let folder = location.exists && placement == .inside ? location.path : parent
        if location.exists, !FileSystem.isMarkedWritable(location.path) {
            throw location.error(
                "is read-only; make it writable (chmod u+w \(location.shown)) or choose another "
                    + "folder with --output")
        }
        if !FileSystem.isMarkedWritable(folder) {
            throw location.error(
                "cannot be replaced, because \(folder) is read-only or not yours to write; "
                    + "choose another folder with --output")
        }
    }

    /// Finishes an update in place that was cut short: the folder's manifest is made to say
    /// what the folder holds, and the staging folder is removed. A forced build, which
    /// trusts nothing in the folder, only removes the staging folder.
    private mutating func settle(_ pending: PendingUpdate, force: Bool) throws(BuildError) {
        guard location.exists, !force else {
            try? FileManager.default.removeItem(atPath: PendingUpdate.staging(of: location))
            return
        }
        do throws(FileSystem.Failure) {
            manifest = try pending.settle(location, previous: manifest)
            // Files were read again, not all checked: the folder is not trusted to be whole.
            isComplete = false
        } catch {
            throw location.error(
                "an update cut short could not be finished: \(error.path): \(error.reason)")
        }
    }

    /// Refuses a folder that holds anything its manifest (or the pending manifest of an
    /// update in place cut short) does not account for.
    private mutating func checkOwnership(force: Bool, pending: SiteManifest?) throws(BuildError) {
        guard location.exists, !force else { return }
        let manifest = SiteManifest.read(in: location.path)
        self.manifest = manifest
        let (foreign, listedFound) = SiteManifest.survey(
            of: location.path, manifest: manifest, pending: pending,
            ignoring: placement == .inside ? [Self.insideStagingName] : [])
        isComplete = listedFound == manifest?.digests.count
        guard !foreign.isEmpty else { return }
        let listed = foreign.prefix(5).map { "  \(location.shown)/\($0)" }
        let more = foreign.count > 5 ? ["  … and \(foreign.count - 5) more"] : []
        let what =
            manifest == nil
            ? "is not empty and was not made by sitegen (it has no \(SiteManifest.fileName))"
            : "holds files sitegen did not make"
        throw BuildError(
            step: .output,
            problems: [
                "\(location.shown): error: \(what), and replacing it would delete them:"
            ] + listed + more + [
                "Move them elsewhere and build again with --force, or choose another folder with "
                    + "--output. Files to publish with the site belong in the templates' assets/ folder."
            ])
    }

    /// Whether a folder is one sitegen made: empty, or marked as staging or as a site.
    private static func isSitegens(_ path: String) -> Bool {
        guard FileSystem.kind(of: path) == .folder else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.isEmpty || names.contains(stagingMark)
            || SiteManifest.read(in: path) != nil
    }

    private static func reason(_ error: any Error) -> String {
        if let failure = error as? FileSystem.Failure {
            return "\(failure.path): \(failure.reason)"
        }
        return error.localizedDescription
    }
}

extension OutputLocation {
    /// A build error at the output step about this folder.
    func error(_ message: String) -> BuildError {
        BuildError(step: .output, problems: ["\(shown): error: \(message)"])
    }
}
