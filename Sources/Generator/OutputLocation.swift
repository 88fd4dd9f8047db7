import Foundation

/// The output folder as the user named it, resolved through symbolic links and checked
/// against the places sitegen never replaces, whatever the command line says: the root of
/// the file system, the home folder, the folder sitegen runs in, the content and templates
/// folders (and any folder inside or around them), and anything that is not a folder.
struct OutputLocation: Sendable, Equatable {
    /// A folder the output may not be, be inside of (for some), or contain.
    struct ProtectedFolder: Sendable {
        /// Its path, resolved.
        var path: String
        /// How messages name it, such as "the content folder (Content)".
        var role: String
        /// Whether the output may not be inside it either.
        var protectsInside: Bool
    }

    /// How messages name the folder: as it was given.
    var shown: String

    /// The folder's path with every link resolved: where the site is really written. A
    /// symbolic link given as the output is followed and kept.
    var path: String

    /// Whether something is there already.
    var exists: Bool { FileSystem.kind(of: path) != .missing }

    /// Resolves the output folder and checks it.
    ///
    /// - Throws: ``BuildError`` at the output step, naming the folder and what it is, when
    ///   it is a place sitegen never replaces.
    static func resolve(
        _ output: URL, shownAs shown: String, protecting protected: [ProtectedFolder]
    ) throws(BuildError) -> OutputLocation {
        let path = FileSystem.resolved(output.path)
        let through = FileSystem.kind(of: output.path) == .link ? " (a link to \(path))" : ""
        func refuse(_ what: String) -> BuildError {
            BuildError(
                step: .output,
                problems: [
                    "\(shown): error: \(what)\(through); sitegen never replaces it, even with "
                        + "--force. Choose another folder with --output, such as Public"
                ])
        }
        if path == "/" { throw refuse("is the root of the file system") }
        switch FileSystem.kind(of: path) {
        case .file, .other: throw refuse("is a file, not a folder")
        case .folder, .missing, .link: break
        }
        for folder in protected {
            if path == folder.path { throw refuse("is \(folder.role)") }
            if folder.path.hasPrefix(path + "/") { throw refuse("contains \(folder.role)") }
            if folder.protectsInside, path.hasPrefix(folder.path + "/") {
                throw refuse("is inside \(folder.role)")
            }
        }
        return OutputLocation(shown: shown, path: path)
    }

    /// The places a build never replaces: the content and templates folders with what is
    /// inside them, and the working folder, the home folder and the folders around them.
    static func protectedFolders(content: URL, templates: URL) -> [ProtectedFolder] {
        var folders = [
            ProtectedFolder(
                path: FileSystem.resolved(content.path),
                role: "the content folder (\(content.relativePath))", protectsInside: true),
            ProtectedFolder(
                path: FileSystem.resolved(templates.path),
                role: "the templates folder (\(templates.relativePath))", protectsInside: true),
            ProtectedFolder(
                path: FileSystem.resolved(FileManager.default.currentDirectoryPath),
                role: "the folder sitegen runs in", protectsInside: false),
        ]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            folders.append(
                ProtectedFolder(
                    path: FileSystem.resolved(home), role: "your home folder",
                    protectsInside: false))
        }
        return folders
    }
}
