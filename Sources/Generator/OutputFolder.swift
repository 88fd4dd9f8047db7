import Foundation

/// The output folder, replaced as a whole: the new site is written into a folder beside it
/// and swapped in only when complete, so a failed or interrupted build leaves it as it was,
/// and files that no longer belong to the site are gone.
struct OutputFolder {
    let url: URL

    private var parent: URL { url.deletingLastPathComponent() }
    private var staging: URL { parent.appendingPathComponent(".\(url.lastPathComponent).building") }
    private var previous: URL {
        parent.appendingPathComponent(".\(url.lastPathComponent).previous")
    }

    /// Writes `files` (paths relative to the site's root) and a copy of `assets` into a new
    /// folder, then swaps it in for the output folder.
    func replace(
        with files: [(path: String, contents: Data)], copying assets: URL, as assetsName: String
    )
        throws(BuildError)
    {
        let manager = FileManager.default
        do {
            for stale in [staging, previous] where manager.fileExists(atPath: stale.path) {
                try manager.removeItem(at: stale)
            }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                let destination = staging.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try file.contents.write(to: destination)
            }
            if manager.fileExists(atPath: assets.path) {
                try manager.copyItem(at: assets, to: staging.appendingPathComponent(assetsName))
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildError(
                step: .writing, problems: ["\(staging.path): error: \(error.localizedDescription)"])
        }
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
            throw BuildError(
                step: .writing,
                problems: [
                    "\(url.path): error: could not replace it: \(error.localizedDescription)"
                ])
        }
    }
}
