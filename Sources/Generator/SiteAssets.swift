import Foundation

/// The files of the templates' `assets/` folder, listed before a build writes anything:
/// every regular file, and the file behind every symbolic link that stays inside the
/// folder, copied as a file. A link that leaves the folder or loops, a device, socket or
/// pipe, and a name with control characters are errors, all reported at once.
struct SiteAssets: Sendable {
    /// A file to copy: where it is read from, and its path in the site.
    struct File: Sendable, Equatable {
        /// The file to read, links resolved.
        var source: String
        /// Its path relative to the site's root, such as `assets/style.css`.
        var path: String
    }

    /// The files, in the order of their paths.
    var files: [File] = []

    /// The folders the files need in the site.
    var folders: Set<String> = []

    /// Lists the files of `folder`, to be published under `name`; an absent folder has none.
    static func scan(_ folder: URL, shownAs shown: String, publishedAs name: String)
        throws(BuildError) -> SiteAssets
    {
        var assets = SiteAssets()
        guard FileSystem.kind(of: folder.path) != .missing else { return assets }
        let root = FileSystem.resolved(folder.path)
        var problems: [String] = []
        // Each pending folder carries the real folders above it, to catch links that loop.
        var pending = [(real: root, shown: shown, path: name, above: [root])]
        while let current = pending.popLast() {
            assets.folders.insert(current.path)
            let names =
                ((try? FileManager.default.contentsOfDirectory(atPath: current.real)) ?? [])
                .sorted()
            for entry in names {
                let shownPath = current.shown + "/" + entry
                guard !entry.unicodeScalars.contains(where: Self.isForbiddenInName) else {
                    problems.append(
                        "\(shownPath): error: the name has a control "
                            + "character; rename the file")
                    continue
                }
                var real = current.real + "/" + entry
                var kind = FileSystem.kind(of: real)
                if kind == .link {
                    real = FileSystem.resolved(real)
                    guard real == root || real.hasPrefix(root + "/") else {
                        problems.append(
                            "\(shownPath): error: is a link to \(real), outside \(shown); sitegen "
                                + "publishes only what is inside it, so copy the file in instead")
                        continue
                    }
                    kind = FileSystem.kind(of: real)
                }
                switch kind {
                case .file:
                    assets.files.append(File(source: real, path: current.path + "/" + entry))
                case .folder where current.above.contains(real):
                    problems.append(
                        "\(shownPath): error: is a link to a folder that contains it, so it would "
                            + "be copied without end; remove the link")
                case .folder:
                    pending.append(
                        (real, shownPath, current.path + "/" + entry, current.above + [real]))
                case .link, .other, .missing:
                    problems.append(
                        "\(shownPath): error: is not a file or folder (a device, socket, pipe or "
                            + "broken link); remove it")
                }
            }
        }
        guard problems.isEmpty else { throw BuildError(step: .templates, problems: problems) }
        assets.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return assets
    }

    private static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\\"
    }
}
