public import Content
public import Foundation
import Timeline

/// `sitegen new`: a new event's folder, with `event.yml` and a note per language of the
/// site, each translation marked as made from the default-language note.
///
/// The files are made in memory and loaded, with `site.yml` and `i18n/`, from a temporary
/// folder exactly as a build would load them; only when that loads without an error, and
/// no event has the slug (in any case or Unicode normalisation), is the folder created,
/// and no file is ever overwritten.
public struct EventScaffold: Sendable {
    /// The content folder.
    public var folder: URL
    /// How the folder is named in messages.
    public var folderName: String
    /// The new event's slug.
    public var slug: String
    /// Its date, as `event.yml` writes it (`2025`, `2025-06` or `2025-06-10`).
    public var date: String
    /// Its date's qualifier, such as `early`, if any.
    public var qualifier: String?
    /// The title every note starts with, until it is translated.
    public var title: String?

    /// Creates a scaffold.
    public init(
        folder: URL, folderName: String, slug: String, date: String, qualifier: String? = nil,
        title: String? = nil
    ) {
        self.folder = folder
        self.folderName = folderName
        self.slug = slug
        self.date = date
        self.qualifier = qualifier
        self.title = title
    }

    /// Writes the event's folder; returns the paths written. Throws every problem found,
    /// having written nothing.
    public func write() throws(ContentError) -> [String] {
        let files = try files()
        let target = folder.appendingPathComponent("events").appendingPathComponent(slug)
        do {
            try FileManager.default.createDirectory(
                at: target, withIntermediateDirectories: false)
        } catch {
            throw problem("cannot be created; check that events/ exists and can be written", in: "")
        }
        var written: [String] = []
        for (name, text) in files {
            do {
                try Data(text.utf8).write(
                    to: target.appendingPathComponent(name), options: .withoutOverwriting)
            } catch {
                throw problem("cannot be written; \(written.count) files were written", in: name)
            }
            written.append(shown("events/\(slug)/\(name)"))
        }
        return written
    }

    /// The files of the new folder, by name, in order; checked as a build would check them.
    public func files() throws(ContentError) -> [(name: String, text: String)] {
        guard ContentLoader.isSafeSlug(slug) else {
            throw problem(
                "'\(ContentLoader.visible(slug))' is not a safe name for an event: use letters, "
                    + "digits, - and _ only, such as 'scale-ai-founded'", in: "")
        }
        try refuseExistingSlug()
        let site = try loadSite()
        let record = eventRecord(defaultLanguage: site.defaultLanguage.code)
        let body = "\nWrite the note here.\n"
        let fingerprint = NoteFingerprint(body: body)
        var files = [(name: "event.yml", text: record)]
        for language in site.languages {
            let isDefault = language == site.defaultLanguage
            var frontMatter = [
                "title: \(Self.quoted(title ?? slug))",
                "summary: \(Self.quoted("One sentence that says what happened."))",
            ]
            if !isDefault {
                frontMatter.append("translated_from: \(fingerprint.hash)")
                frontMatter.append(
                    "translated_paragraphs: \(fingerprint.paragraphHashes.joined(separator: " "))")
            }
            files.append(
                (
                    "\(language.code).md",
                    "---\n" + frontMatter.joined(separator: "\n") + "\n---\n" + body
                ))
        }
        try checkLoads(files)
        return files
    }

    // MARK: Steps

    private func eventRecord(defaultLanguage: String) -> String {
        var lines = ["date: \(date)"]
        if let qualifier { lines.append("qualifier: \(qualifier)") }
        lines += [
            "draft: true  # remove this line to publish the event",
            "tags: []",
            "amounts: []",
            "sources:",
            "  - publisher: \"Publisher\"",
            "    title: \"Title of the source\"",
            "    date: \(date)",
            "    language: \(defaultLanguage)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Refuses a slug that an event (or any entry of events/) already has, in any case or
    /// Unicode normalisation.
    private func refuseExistingSlug() throws(ContentError) {
        let events = folder.appendingPathComponent("events")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: events.path)) ?? []
        let folded = slug.precomposedStringWithCanonicalMapping.lowercased()
        if let existing = names.first(where: {
            $0.precomposedStringWithCanonicalMapping.lowercased() == folded
        }) {
            throw problem(
                "already exists as events/\(existing); choose another slug, or edit that event",
                in: "")
        }
    }

    /// The site's settings, read from the content folder.
    private func loadSite() throws(ContentError) -> Site {
        let siteFile = folder.appendingPathComponent("site.yml")
        guard let text = try? String(contentsOf: siteFile, encoding: .utf8) else {
            throw ContentError(problems: [
                ContentProblem(
                    severity: .error, file: shown("site.yml"),
                    message: "missing or unreadable; sitegen new needs the site's languages")
            ])
        }
        return try Site.read(text, file: shown("site.yml"))
    }

    /// Loads the new event, with the site's settings and interface strings, from a
    /// temporary folder, as a build would; throws the errors, named as the real files.
    private func checkLoads(_ files: [(name: String, text: String)]) throws(ContentError) {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let eventFolder = temporary.appendingPathComponent("events").appendingPathComponent(slug)
        do {
            try FileManager.default.createDirectory(
                at: eventFolder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("site.yml"),
                to: temporary.appendingPathComponent("site.yml"))
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("i18n"),
                to: temporary.appendingPathComponent("i18n"))
            for (name, text) in files {
                try Data(text.utf8).write(to: eventFolder.appendingPathComponent(name))
            }
        } catch {
            throw problem("could not be tried out in a temporary folder: \(error)", in: "")
        }
        let loader = ContentLoader(folder: temporary, folderName: folderName, includesDrafts: true)
        do {
            _ = try loader.load()
        } catch {
            throw ContentError(problems: error.errors)
        }
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private func problem(_ message: String, in name: String) -> ContentError {
        let path = shown("events/\(slug)" + (name.isEmpty ? "" : "/\(name)"))
        return ContentError(problems: [
            ContentProblem(severity: .error, file: path, message: message)
        ])
    }

    private func shown(_ relativePath: String) -> String {
        folderName.hasSuffix("/") ? folderName + relativePath : folderName + "/" + relativePath
    }
}
