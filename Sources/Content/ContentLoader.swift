import Dispatch
public import Foundation
import Synchronization
public import Timeline

/// Everything in `Content/`, checked: the site's settings, its interface strings and its
/// timeline, with the warnings found along the way.
public struct SiteContent: Sendable {
    /// The site's settings.
    public var site: Site

    /// The interface strings, by language code; every language of the site has them.
    public var strings: [String: InterfaceStrings]

    /// The events in order; drafts only when they were asked for.
    public var timeline: Timeline

    /// Problems that do not stop the build, such as a note missing in one language.
    public var warnings: [ContentProblem]
}

/// Reads a content folder into a ``SiteContent``, or reports every problem in it.
///
/// The folder holds `site.yml`, `i18n/<code>.yml` for each language, and
/// `events/<slug>/` with `event.yml` and a note `<code>.md` per language. Files and folders
/// whose names start with `.` are ignored. Folders are read in the order of their names'
/// bytes, so nothing depends on the order the file system lists them in.
public struct ContentLoader: Sendable {
    /// The content folder.
    public var folder: URL

    /// How the folder is named in messages, such as `Content`.
    public var folderName: String

    /// Whether events marked `draft: true` are kept.
    public var includesDrafts: Bool

    /// The events' records and notes as last read, when the loader is to read again only
    /// the files that changed since (a build session's); `nil` reads every file.
    public var cache: ContentCache?

    /// The paths, relative to the content folder, that changed since `cache`'s last load
    /// (as a watcher saw them: files and folders added, changed or removed): then only the
    /// event folders they are in are listed and read again, and the events folder only when
    /// one names an entry of it. `nil` (the default) looks at every file.
    public var changedFiles: Set<String>?

    /// Creates a loader for a folder, named in messages as `folderName` (its path when
    /// `nil`), reading unchanged event files from `cache` when one is given; with
    /// `changedFiles` too, it looks only at those (see ``changedFiles``).
    public init(
        folder: URL, folderName: String? = nil, includesDrafts: Bool = false,
        cache: ContentCache? = nil, changedFiles: Set<String>? = nil
    ) {
        self.folder = folder
        self.folderName = folderName ?? folder.path
        self.includesDrafts = includesDrafts
        self.cache = cache
        self.changedFiles = changedFiles
    }

    /// Reads and checks the whole folder.
    ///
    /// - Throws: ``ContentError`` with every problem found, warnings included, when there is
    ///   at least one error.
    public func load() throws(ContentError) -> SiteContent {
        var log = ProblemLog()
        let site = readSite(log: &log)
        let strings = site.map { readStrings(for: $0, log: &log) } ?? [:]
        let events = readEvents(site: site, log: &log)
        if let site { checkWords(strings, cover: events, site: site, log: &log) }
        guard log.errorCount == 0, let site else { throw ContentError(problems: log.problems) }
        let published = includesDrafts ? events : events.filter { !$0.isDraft }
        return SiteContent(
            site: site, strings: strings, timeline: Timeline(events: published),
            warnings: log.problems.sorted())
    }

    // MARK: Steps

    private func readSite(log: inout ProblemLog) -> Site? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            log.error(
                "no such folder; create it, or name the content folder with --content",
                in: folderName)
            return nil
        }
        let path = shown("site.yml")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path)
        else {
            log.error("missing; it names the site's languages and title", in: path)
            return nil
        }
        guard
            let text = readText(
                folder.appendingPathComponent("site.yml"), shownAs: path, log: &log)
        else { return nil }
        return SiteFile.read(text, file: path, log: &log)
    }

    private func readStrings(for site: Site, log: inout ProblemLog) -> [String: InterfaceStrings] {
        let i18n = folder.appendingPathComponent("i18n")
        var strings: [String: InterfaceStrings] = [:]
        for language in site.languages {
            let path = shown("i18n/\(language.code).yml")
            let url = i18n.appendingPathComponent("\(language.code).yml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.error(
                    "missing; every language in site.yml needs its interface strings (copy another "
                        + "language's file and translate it)",
                    in: path)
                continue
            }
            if let text = readText(url, shownAs: path, log: &log),
                let file = StringsFile.read(text, language: language.code, file: path, log: &log)
            {
                strings[language.code] = file
            }
        }
        for name in entries(of: i18n)
        where !site.languages.contains(where: { "\($0.code).yml" == name }) {
            log.error(
                "interface strings for a language site.yml does not list; add the language to "
                    + "site.yml or remove the file",
                in: shown("i18n/\(name)"))
        }
        return strings
    }

    /// Every language has words for every currency and a label for every tag the events
    /// use; each gap is an error naming the language's file and the first event that needs
    /// it.
    private func checkWords(
        _ strings: [String: InterfaceStrings], cover events: [Event], site: Site,
        log: inout ProblemLog
    ) {
        var currencies: [(code: String, slug: String)] = []
        var tags: [(tag: String, slug: String)] = []
        for event in events {
            for amount in event.amounts
            where !currencies.contains(where: { $0.code == amount.currency }) {
                currencies.append((amount.currency, event.slug))
            }
            for tag in event.tags where !tags.contains(where: { $0.tag == tag }) {
                tags.append((tag, event.slug))
            }
        }
        for language in site.languages {
            guard let words = strings[language.code] else { continue }
            let path = shown("i18n/\(language.code).yml")
            for (code, slug) in currencies where words.amounts[code] == nil {
                log.error(
                    "no words for the currency \(code), which events/\(slug)/event.yml uses; add "
                        + "`\(code):` under 'amounts', with the forms of every scale",
                    in: path)
            }
            for (tag, slug) in tags where words.tagLabels[tag] == nil {
                log.error(
                    "no label for the tag '\(tag)', which events/\(slug)/event.yml uses; add "
                        + "`\(tag): …` under 'tag_labels'",
                    in: path)
            }
        }
    }

    private func readEvents(site: Site?, log: inout ProblemLog) -> [Event] {
        let eventsFolder = folder.appendingPathComponent("events")
        guard FileManager.default.fileExists(atPath: eventsFolder.path) else {
            cache?.forgetFilesNotAsked()
            cache?.forgetFolders()
            if FileManager.default.fileExists(atPath: folder.path) {
                log.error("missing; it holds one folder per event", in: shown("events"))
            }
            return []
        }
        let listing = eventListing(eventsFolder)
        log.append(listing.problems)
        let results = readEventFolders(listing.accepted, site: site)
        var events: [Event] = []
        for (event, eventLog) in results {
            log.append(eventLog)
            if let event { events.append(event) }
        }
        if events.isEmpty, log.errorCount == 0, site != nil {
            log.error(
                "has no events; add a folder with an event.yml and a note", in: shown("events"))
        }
        return events
    }

    /// The event folders in `events/`, listed again unless the cache has the listing and no
    /// changed path names an entry of the events folder (or the folder itself).
    private func eventListing(_ eventsFolder: URL) -> ContentCache.Listing {
        let path = eventsFolder.path
        if let changedFiles, let kept = cache?.listing(of: path, shownAs: folderName),
            !changedFiles.contains(where: Self.changesListing)
        {
            return kept
        }
        var problems = ProblemLog()
        let accepted = eventFolders(in: eventsFolder, log: &problems)
        let listing = ContentCache.Listing(
            eventsFolder: path, shownAs: folderName, accepted: accepted, problems: problems)
        cache?.remember(listing)
        return listing
    }

    /// Whether a changed path (relative to the content folder) may change the events
    /// folder's listing: the folder itself, an entry of it, or a folder above it.
    private static func changesListing(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.isEmpty || (parts[0] == "events" && parts.count <= 2)
    }

    /// Each accepted event folder read, on every core, each into its own log, in folder
    /// order (so messages come out in the same order every time); with ``changedFiles``,
    /// the folders no changed path is in are taken from the cache as they last read.
    private func readEventFolders(_ accepted: [(slug: String, folder: String)], site: Site?)
        -> [(Event?, ProblemLog)]
    {
        let kept = changedFiles == nil ? [:] : cache?.eventsRead(shownAs: folderName) ?? [:]
        let touched = touchedFolders()
        var results = [(Event?, ProblemLog)](repeating: (nil, ProblemLog()), count: accepted.count)
        var pending: [Int] = []
        for (index, entry) in accepted.enumerated() {
            if let read = kept[entry.folder], read.site == site, !touched.contains(entry.slug) {
                results[index] = (read.event, read.problems)
            } else {
                pending.append(index)
            }
        }
        let read = Mutex([Int: (Event?, ProblemLog)]())
        let toRead = pending
        DispatchQueue.concurrentPerform(iterations: toRead.count) { position in
            let index = toRead[position]
            var eventLog = ProblemLog()
            let event = readEvent(
                slug: accepted[index].slug, folder: accepted[index].folder, site: site,
                log: &eventLog)
            read.withLock { $0[index] = (event, eventLog) }
        }
        for (index, result) in read.withLock({ $0 }) { results[index] = result }
        remember(accepted, results, site: site, reread: pending.map { accepted[$0].folder })
        return results
    }

    /// The slugs of the event folders a changed path is in (or names).
    private func touchedFolders() -> Set<String> {
        guard let changedFiles else { return [] }
        var slugs = Set<String>()
        for path in changedFiles {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count >= 2, parts[0] == "events" { slugs.insert(String(parts[1])) }
        }
        return slugs
    }

    /// Keeps what each event folder read in the cache, and forgets the files of folders
    /// that were read again or are gone (all files, after a load that looked at every one).
    private func remember(
        _ accepted: [(slug: String, folder: String)], _ results: [(Event?, ProblemLog)],
        site: Site?, reread: [String]
    ) {
        guard let cache else { return }
        var memo: [String: ContentCache.EventRead] = [:]
        memo.reserveCapacity(accepted.count)
        for (entry, result) in zip(accepted, results) {
            memo[entry.folder] = .init(site: site, event: result.0, problems: result.1)
        }
        if changedFiles == nil {
            cache.forgetFilesNotAsked()
        } else {
            let gone = cache.eventsRead(shownAs: folderName).keys.filter { memo[$0] == nil }
            cache.forgetFilesNotAsked(inside: reread + gone)
        }
        cache.remember(eventsRead: memo, shownAs: folderName)
    }

    /// The folders of `events/` that can be events: folders inside the content folder,
    /// with a safe slug short enough for a file name, no two the same but for case or
    /// Unicode normalisation; each other entry is a problem logged.
    private func eventFolders(in eventsFolder: URL, log: inout ProblemLog) -> [(
        slug: String, folder: String
    )] {
        var seen: [String: String] = [:]  // folded slug -> slug
        var accepted: [(slug: String, folder: String)] = []
        let eventsPath = eventsFolder.path
        // The two folders above every event's are the same: looked at for links once.
        let levels = PathKind.isLink(eventsPath) || PathKind.isLink(folder.path) ? 3 : 1
        for slug in entries(of: eventsFolder) {
            let folderPath = eventsPath + "/" + slug
            let path = shown("events/\(Self.visible(slug))")
            guard PathKind.isFolder(folderPath) else {
                log.warning("not a folder, so not an event; ignored", in: path)
                continue
            }
            if let problem = problem(withEventFolder: folderPath, slug: slug, levels: levels) {
                log.error(problem, in: path)
                continue
            }
            // ASCII needs no normalising, which is slow through Foundation.
            let folded =
                slug.utf8.allSatisfy { $0 < 0x80 }
                ? slug.lowercased() : slug.precomposedStringWithCanonicalMapping.lowercased()
            if let other = seen[folded] {
                log.error(
                    "'\(slug)' and '\(other)' differ only in case or Unicode normalisation, so their "
                        + "pages would overwrite each other; rename one",
                    in: path)
                continue
            }
            seen[folded] = slug
            accepted.append((slug, folderPath))
        }
        return accepted
    }

    /// Why an event folder cannot be read, if it cannot: a link out of the content folder,
    /// a name too long for a page's file name, or an unsafe name.
    private func problem(withEventFolder folderPath: String, slug: String, levels: Int) -> String? {
        if let outside = pathOutside(folderPath, levels: levels) {
            return Self.outsideMessage(outside)
        }
        guard slug.utf8.count <= Self.longestSlug else {
            return "the folder's name is \(slug.utf8.count) bytes long, and a page's file name "
                + "(the name and .html) may have at most 255; shorten it to "
                + "\(Self.longestSlug) bytes or fewer"
        }
        guard Self.isSafeSlug(slug) else {
            return
                "'\(Self.visible(slug))' is not a safe name for an event: use letters, digits, - "
                + "and _ only (no spaces, dots, slashes or control characters), such as "
                + "'scale-ai-founded'"
        }
        return nil
    }

    private func readEvent(
        slug: String, folder: String, site: Site?, log: inout ProblemLog
    ) -> Event? {
        let recordPath = shown("events/\(slug)/event.yml")
        // The event's folder and the two above it were checked for links already.
        let record = folder + "/event.yml"
        let names = entries(atPath: folder)
        var event: Event?
        if !names.contains("event.yml") {
            log.error(
                "missing; every event needs its date and sources in event.yml", in: recordPath)
        } else {
            let (isLink, stamp) = FileStamp.ofEntry(record)
            if isLink, let outside = linkOutside(record) {
                log.error(Self.outsideMessage(outside), in: recordPath)
            } else {
                event = readRecord(record, stamp: stamp, slug: slug, shownAs: recordPath, log: &log)
            }
        }

        let notes = readNotes(slug: slug, folder: folder, names: names, site: site, log: &log)
        if let site {
            checkTranslations(of: slug, names: Set(names), notes: notes, site: site, log: &log)
        }
        event?.notes = notes
        return event
    }

    /// The notes of an event, by language code; files that are not notes are logged.
    private func readNotes(
        slug: String, folder: String, names: [String], site: Site?, log: inout ProblemLog
    )
        -> [String: Note]
    {
        var notes: [String: Note] = [:]
        for name in names where name != "event.yml" {
            let path = shown("events/\(slug)/\(name)")
            guard name.hasSuffix(".md") else {
                log.warning("not a note (<language>.md) or event.yml; ignored", in: path)
                continue
            }
            let code = String(name.dropLast(3))
            guard Language.isValidCode(code) else {
                log.error(
                    "'\(Self.visible(code))' in the file name is not a language code; name each note "
                        + "after its language, such as \(site?.defaultLanguage.code ?? "en").md",
                    in: path)
                continue
            }
            if let site, site.language(withCode: code) == nil {
                log.error(
                    "a note in '\(code)', which site.yml does not list; add '\(code)' to its languages "
                        + "or remove the note",
                    in: path)
                continue
            }
            let file = folder + "/" + name
            let (isLink, stamp) = FileStamp.ofEntry(file)
            if isLink, let outside = linkOutside(file) {
                log.error(Self.outsideMessage(outside), in: path)
                continue
            }
            notes[code] = readNote(file, stamp: stamp, shownAs: path, log: &log)
        }

        return notes
    }

    /// A missing note in the default language is an error; in another language, a warning.
    private func checkTranslations(
        of slug: String, names: Set<String>, notes: [String: Note], site: Site,
        log: inout ProblemLog
    ) {
        let folderPath = shown("events/\(slug)")
        let defaultCode = site.defaultLanguage.code
        if notes[defaultCode] == nil, !names.contains("\(defaultCode).md") {
            log.error(
                "no note in \(defaultCode), the default language; add \(defaultCode).md",
                in: folderPath)
        }
        for language in site.languages where language.code != defaultCode {
            if !names.contains("\(language.code).md") {
                log.warning(
                    "no note in \(language.code); its readers will see the \(defaultCode) note "
                        + "with a notice",
                    in: folderPath)
            }
        }
    }

    // MARK: Files

    /// An event's record, read and parsed, or taken from the cache when the file has not
    /// changed since the cache read it.
    private func readRecord(
        _ file: String, stamp: FileStamp?, slug: String, shownAs path: String,
        log: inout ProblemLog
    ) -> Event? {
        func read(_ log: inout ProblemLog) -> Event? {
            TextFile.read(URL(fileURLWithPath: file), shownAs: path, log: &log).flatMap {
                EventFolder.readRecord($0, slug: slug, file: path, log: &log)
            }
        }
        guard let cache else { return read(&log) }
        return cache.record(at: file, stamp: stamp, shownAs: path, log: &log, read: read)
    }

    /// A note, read and parsed, or taken from the cache when the file has not changed since
    /// the cache read it.
    private func readNote(
        _ file: String, stamp: FileStamp?, shownAs path: String, log: inout ProblemLog
    ) -> Note? {
        func read(_ log: inout ProblemLog) -> Note? {
            TextFile.read(URL(fileURLWithPath: file), shownAs: path, log: &log).flatMap {
                EventFolder.readNote($0, file: path, log: &log)
            }
        }
        guard let cache else { return read(&log) }
        return cache.note(at: file, stamp: stamp, shownAs: path, log: &log, read: read)
    }

    /// The text of a file inside the content folder; a file reached through a symbolic link
    /// that leaves the folder is an error, never read.
    private func readText(_ url: URL, shownAs path: String, log: inout ProblemLog) -> String? {
        if let outside = pathOutside(url.path, levels: 3) {
            log.error(Self.outsideMessage(outside), in: path)
            return nil
        }
        return TextFile.read(url, shownAs: path, log: &log)
    }

    /// Where a file or folder really is, when a link takes it out of the content folder.
    /// Only the item and the folders above it, `levels` in all counting the item, are
    /// looked at for links: the content's folders are no deeper, and a file in an event's
    /// folder needs only itself looked at once its folder was.
    private func pathOutside(_ path: String, levels: Int) -> String? {
        var current = path
        var linked = false
        for level in 0..<levels where !linked {
            linked = PathKind.isLink(current)
            if level + 1 < levels { current = (current as NSString).deletingLastPathComponent }
        }
        return linked ? linkOutside(path) : nil
    }

    /// Where a path that goes through a link really is, when that is outside the content
    /// folder.
    private func linkOutside(_ path: String) -> String? {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let root = folder.resolvingSymlinksInPath().path
        return real.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? nil : real
    }

    private static func outsideMessage(_ real: String) -> String {
        "is reached through a link to \(real), outside the content folder; sitegen reads only "
            + "what is inside it, so copy it in instead"
    }

    /// The names in a folder, hidden ones left out, sorted by their bytes.
    private func entries(of folder: URL) -> [String] {
        entries(atPath: folder.path)
    }

    /// The names in a folder, hidden ones left out, sorted by their bytes.
    private func entries(atPath folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }

    /// A path inside the content folder, as messages show it.
    private func shown(_ relativePath: String) -> String {
        folderName.hasSuffix("/") ? folderName + relativePath : folderName + "/" + relativePath
    }

    /// The longest slug, in UTF-8 bytes, whose page's file name (`SLUG.html`) fits in the 255
    /// bytes most file systems allow.
    static let longestSlug = 250

    /// Whether a folder name can be an event's slug: letters, marks and digits of any
    /// script, `-` and `_`; so never `..`, a slash, a space or a control character.
    public static func isSafeSlug(_ slug: String) -> Bool {
        // Most slugs are ASCII letters, digits, - and _: answered without Unicode's tables.
        if !slug.isEmpty, slug.utf8.allSatisfy(isPlainSlugByte) { return true }
        return !slug.isEmpty
            && slug.unicodeScalars.allSatisfy { scalar in
                scalar == "-" || scalar == "_"
                    || [
                        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
                        .otherLetter,
                        .nonspacingMark, .spacingMark, .decimalNumber,
                    ]
                    .contains(scalar.properties.generalCategory)
            }
    }

    private static func isPlainSlugByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
            || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
    }

    /// A name with control characters made visible, for messages.
    public static func visible(_ name: String) -> String {
        // No ASCII control character and no byte past ASCII: nothing to make visible.
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return name }
        return name.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
