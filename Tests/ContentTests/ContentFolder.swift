import Content
import Foundation
import Testing
import Timeline

/// A content folder written into a temporary folder for one test, from a valid minimal
/// site that each test changes file by file.
struct ContentFolder {
    /// Files by the UTF-8 bytes of their path relative to the content folder (bytes, because
    /// Swift's `==` on strings would merge paths that differ only in Unicode normalisation).
    var files: [[UInt8]: Data]

    /// Symbolic links to make after the files, by path relative to the content folder, each
    /// to its destination as written (absolute, or relative to the link's folder).
    var links: [String: String] = [:]

    /// A valid site in English (the default) and Greek, with two events.
    static var minimal: ContentFolder {
        var folder = ContentFolder(files: [:])
        folder["site.yml"] = """
            title:
              en: "Test"
              el: "Δοκιμή"
            default_language: en
            languages:
              - code: en
                name: English
                direction: ltr
              - code: el
                name: Ελληνικά
                direction: ltr

            """
        let strings = InterfaceStrings.Key.allCases.map { key in
            "\(key.rawValue): \"\(key.rawValue) \(key.placeholders.map { "{\($0)}" }.joined(separator: " "))\""
        }.joined(separator: "\n")
        let dates = DateForm.allCases.map { form in
            let month = form.hasMonth ? " {month_of}" : ""
            return
                "  \(form.rawValue): \"\(form.requiredPlaceholders.map { "{\($0)}" }.joined(separator: " "))\(month)\""
        }.joined(separator: "\n")
        let files =
            strings + "\ndates:\n" + dates
            + "\nevent_count:\n  one: \"{number} event\"\n  other: \"{number} events\"\n"
            + "amounts: {}\n"
        folder["i18n/en.yml"] = files
        folder["i18n/el.yml"] = files
        for (slug, date) in [("first", "2016"), ("second", "2025-06-08")] {
            folder["events/\(slug)/event.yml"] = """
                date: \(date)
                sources:
                  - publisher: Wire
                    title: "Report"
                    date: 2025-06
                    language: en

                """
            folder["events/\(slug)/en.md"] =
                "---\ntitle: \"\(slug)\"\nsummary: \"S.\"\n---\n\nText.\n"
            folder["events/\(slug)/el.md"] =
                "---\ntitle: \"Τίτλος\"\nsummary: \"Π.\"\n---\n\nΚείμενο.\n"
        }
        return folder
    }

    /// The text of a file; setting it replaces the file, `nil` removes it.
    subscript(path: String) -> String? {
        get { files[Array(path.utf8)].map { String(decoding: $0, as: UTF8.self) } }
        set { files[Array(path.utf8)] = newValue.map { Data($0.utf8) } }
    }

    /// Writes the folder and loads it.
    func load(includesDrafts: Bool = false) throws -> Result<SiteContent, ContentError> {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in files {
            let url = root.appendingPathComponent(String(decoding: path, as: UTF8.self))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for (path, destination) in links {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: url.path, withDestinationPath: destination)
        }
        let loader = ContentLoader(
            folder: root, folderName: "Content", includesDrafts: includesDrafts)
        return Result { () throws(ContentError) in try loader.load() }
    }

    /// The problems of a load that must fail, as `file:line:column: severity: message`.
    func problems() throws -> [String] {
        switch try load() {
        case .success:
            Issue.record("the content loaded without errors")
            return []
        case .failure(let error): return error.problems.map(\.description)
        }
    }
}
