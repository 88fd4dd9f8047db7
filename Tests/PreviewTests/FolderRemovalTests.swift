import Foundation
import Testing

@testable import Preview

/// Removing the preview's temporary folder: everything in it goes, links are removed and
/// never followed.
@Suite("Removing the temporary folder")
struct FolderRemovalTests {
    @Test("a folder with nested folders, files and links goes; what the links name stays")
    func removesEverythingButFollowsNoLink() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent(
            "sitegen-removal-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        let site = root.appendingPathComponent("site")
        for folder in ["en", "el/tags", "ar/tags/deep", "assets"] {
            try manager.createDirectory(
                at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
            for index in 0..<50 {
                try Data("page \(index)".utf8).write(
                    to: site.appendingPathComponent("\(folder)/\(index).html"))
            }
        }
        try manager.createSymbolicLink(
            at: site.appendingPathComponent("en/linked-folder"), withDestinationURL: outside)
        try manager.createSymbolicLink(
            at: site.appendingPathComponent("linked-file"),
            withDestinationURL: outside.appendingPathComponent("kept.txt"))
        #expect(FolderRemoval.remove(site.path))
        #expect(!manager.fileExists(atPath: site.path))
        #expect(manager.fileExists(atPath: outside.appendingPathComponent("kept.txt").path))
        // Gone already: not an error.
        #expect(FolderRemoval.remove(site.path))
    }

    @Test("a link given as the folder is removed itself, not what it names")
    func linkAsFolder() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent(
            "sitegen-removal-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let target = root.appendingPathComponent("target")
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("kept.txt"))
        let link = root.appendingPathComponent("link")
        try manager.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(FolderRemoval.remove(link.path))
        #expect((try? manager.destinationOfSymbolicLink(atPath: link.path)) == nil)
        #expect(manager.fileExists(atPath: target.appendingPathComponent("kept.txt").path))
    }
}
