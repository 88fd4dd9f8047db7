public import Content
public import Foundation
import Timeline

/// `sitegen check --mark-translated`: records in a translation's front matter that it now
/// says what the default-language note says, by writing that note's fingerprint into
/// `translated_from` and `translated_paragraphs`. Every other byte of the file stays as
/// it was.
public struct TranslationMarker: Sendable {
    /// Why a note could not be marked.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The file or folder concerned.
        public var path: String
        /// What went wrong and what to do.
        public var message: String

        /// `path: message`.
        public var description: String { "\(path): error: \(message)" }
    }

    /// The content, loaded.
    public var content: SiteContent

    /// The content folder.
    public var folder: URL

    /// How the folder is named in messages.
    public var folderName: String

    /// Creates a marker for loaded content.
    public init(content: SiteContent, folder: URL, folderName: String) {
        self.content = content
        self.folder = folder
        self.folderName = folderName
    }

    /// Marks one event's note in one language; returns its path and the hash written.
    public func mark(slug: String, language: String) throws(Failure) -> (
        file: String, hash: String
    ) {
        let defaultCode = content.site.defaultLanguage.code
        guard let event = content.timeline.event(withSlug: slug) else {
            throw Failure(
                path: shown("events/\(slug)"),
                message: "no such event; give the name of a folder in events/")
        }
        guard content.site.language(withCode: language) != nil else {
            throw Failure(
                path: shown("site.yml"),
                message: "'\(language)' is not one of the site's languages")
        }
        guard language != defaultCode else {
            throw Failure(
                path: shown("events/\(slug)/\(language).md"),
                message: "this is the default-language note, which translations are made from; "
                    + "mark a translation instead")
        }
        guard let note = event.notes[language], let original = event.notes[defaultCode] else {
            throw Failure(
                path: shown("events/\(slug)/\(language).md"),
                message: "no such note; write the translation first")
        }
        let fingerprint = NoteFingerprint(body: original.body, firstLine: original.bodyLine)
        let file = url(of: note.file)
        guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8)
        else {
            throw Failure(path: note.file, message: "cannot be read; check its permissions")
        }
        let marked = Self.marking(text, with: fingerprint)
        guard marked != text else { return (note.file, fingerprint.hash) }
        do {
            try Data(marked.utf8).write(to: file, options: .atomic)
        } catch {
            throw Failure(path: note.file, message: "cannot be written; check its permissions")
        }
        return (note.file, fingerprint.hash)
    }

    /// Marks every translation of every event; returns each file marked and its hash.
    public func markAll() throws(Failure) -> [(file: String, hash: String)] {
        var marked: [(file: String, hash: String)] = []
        for event in content.timeline.events {
            for language in content.site.languages
            where language != content.site.defaultLanguage && event.notes[language.code] != nil {
                marked.append(try mark(slug: event.slug, language: language.code))
            }
        }
        return marked
    }

    /// A note's text with `translated_from` and `translated_paragraphs` set in its front
    /// matter: lines that exist are replaced, missing ones go before the closing `---`, in
    /// the file's own line endings. Nothing else changes.
    static func marking(_ text: String, with fingerprint: NoteFingerprint) -> String {
        var lines = textLines(text).map(String.init)
        let ending = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        guard
            let closing = lines.indices.dropFirst().first(where: {
                let fence = lines[$0].trimmingCharacters(in: .whitespacesAndNewlines)
                return fence == "---" || fence == "..."
            })
        else { return text }
        let values = [
            ("translated_from", fingerprint.hash),
            ("translated_paragraphs", fingerprint.paragraphHashes.joined(separator: " ")),
        ]
        var insertAt = closing
        for (key, value) in values {
            let line = value.isEmpty ? "\(key): \"\"" : "\(key): \(value)"
            if let existing = lines[1..<insertAt].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[existing] = line + ending
            } else {
                lines.insert(line + ending, at: insertAt)
                insertAt += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    private func shown(_ relativePath: String) -> String {
        folderName.hasSuffix("/") ? folderName + relativePath : folderName + "/" + relativePath
    }

    private func url(of shownPath: String) -> URL {
        let prefix = folderName.hasSuffix("/") ? folderName : folderName + "/"
        return folder.appendingPathComponent(String(shownPath.dropFirst(prefix.count)))
    }
}
