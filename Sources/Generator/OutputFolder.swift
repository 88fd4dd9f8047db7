import Foundation

/// The output folder, replaced as a whole: the new site is written into a folder beside it
/// and swapped in only when complete, so a failed or interrupted build leaves it as it was,
/// and files that no longer belong to the site are gone.
struct OutputFolder: Sendable {
    let url: URL

    private var parent: URL { url.deletingLastPathComponent() }
    /// Where the new site is written.
    var staging: URL { parent.appendingPathComponent(".\(url.lastPathComponent).building") }
    private var previous: URL {
        parent.appendingPathComponent(".\(url.lastPathComponent).previous")
    }

    /// Makes an empty staging folder with the given subfolders (paths relative to the
    /// site's root), removing what an interrupted build left behind.
    func prepare(folders: Set<String>) throws(BuildError) {
        let manager = FileManager.default
        do {
            for stale in [staging, previous] where manager.fileExists(atPath: stale.path) {
                try manager.removeItem(at: stale)
            }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for folder in folders.sorted() where !folder.isEmpty {
                try manager.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        } catch {
            discard()
            throw writingError(error)
        }
    }

    /// Writes one file into the staging folder; safe to call from several threads at once
    /// for different files.
    func write(_ contents: Data, to path: String) throws(BuildError) {
        do {
            try contents.write(to: staging.appendingPathComponent(path))
        } catch {
            throw writingError(error)
        }
    }

    /// Copies a folder (the templates' assets) into the staging folder under a name.
    func copy(_ folder: URL, as name: String) throws(BuildError) {
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        do {
            try FileManager.default.copyItem(at: folder, to: staging.appendingPathComponent(name))
        } catch {
            throw writingError(error)
        }
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Swaps the staging folder in for the output folder.
    func commit() throws(BuildError) {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: url.path) {
                try manager.moveItem(at: url, to: previous)
            }
            do {
                try manager.moveItem(at: staging, to: url)
            } catch {
                if manager.fileExists(atPath: previous.path) {
                    try? manager.moveItem(at: previous, to: url)
                }
                throw error
            }
            try? manager.removeItem(at: previous)
        } catch {
            discard()
            throw BuildError(
                step: .writing,
                problems: [
                    "\(url.path): error: could not replace it: \(error.localizedDescription)"
                ])
        }
    }

    private func writingError(_ error: any Error) -> BuildError {
        BuildError(
            step: .writing, problems: ["\(staging.path): error: \(error.localizedDescription)"])
    }
}
