import Foundation

/// The fixture sites of these tests, and temporary copies of them to change.
enum FixtureSites {
    /// `Tests/ChecksTests/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A fixture site by name: `clean` or `drifted`.
    static func site(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Runs `body` with a copy of a fixture site in a temporary folder, removed afterwards.
    static func withCopy<Result>(of name: String, _ body: (URL) throws -> Result) throws -> Result {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let copy = temporary.appendingPathComponent(name)
        try FileManager.default.copyItem(at: site(name), to: copy)
        return try body(copy)
    }

    /// Every file under a folder with its bytes, by path relative to the folder.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
