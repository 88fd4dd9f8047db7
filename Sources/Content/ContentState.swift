public import BinaryState
import Foundation
import Synchronization
public import Timeline

/// The model's values in ``BinaryWriter``'s format, for the build's state on disk and for
/// digests of them: every field, in a fixed order, optionals tagged, dictionaries in the
/// order of their keys' bytes. Reading checks what the model's initialisers check (a date
/// is a real day, a role or qualifier is one the model knows) and refuses anything else.
extension BinaryWriter {
    /// Writes an event with its notes.
    public mutating func write(_ event: Event) {
        write(event.slug)
        write(event.date)
        write(event.order)
        write(event.isDraft)
        write(event.isFeatured)
        write(event.tags)
        write(event.amounts) { $0.write($1) }
        write(event.sources) { $0.write($1) }
        write(event.notes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            $0.write($1.key)
            $0.write($1.value)
        }
    }

    /// Writes a note.
    public mutating func write(_ note: Note) {
        write(note.title)
        write(note.summary)
        write(note.label)
        write(note.body)
        write(note.bodyLine)
        write(note.file)
        write(note.translatedFrom)
        write(note.translatedParagraphs)
        write(note.translatedFromLine)
    }

    /// Writes a date.
    public mutating func write(_ date: EventDate) {
        write(date.year)
        write(date.month)
        write(date.day)
        write(date.qualifier?.rawValue)
    }

    /// Writes an amount; its figure as the decimal number's text.
    public mutating func write(_ amount: Amount) {
        write(amount.role.rawValue)
        write(amount.value.description)
        write(amount.currency)
        write(amount.qualifier?.rawValue)
    }

    /// Writes a source.
    public mutating func write(_ source: Source) {
        write(source.publisher)
        write(source.title)
        write(source.date)
        write(source.language)
        write(source.url?.absoluteString)
    }

    /// Writes the site's settings.
    public mutating func write(_ site: Site) {
        write(site.titles)
        write(site.baseURL?.absoluteString)
        write(site.languages) { $0.write($1) }
        write(site.defaultLanguage)
        write(site.maxNoteSize)
    }

    /// Writes a language.
    public mutating func write(_ language: Language) {
        write(language.code)
        write(language.name)
        write(language.direction.rawValue)
    }

    /// Writes a problem.
    mutating func write(_ problem: ContentProblem) {
        write(problem.severity == .error)
        write(problem.file)
        write(problem.line)
        write(problem.column)
        write(problem.message)
    }

    /// Writes a log's problems.
    mutating func write(_ log: ProblemLog) {
        write(log.problems) { $0.write($1) }
    }
}

extension BinaryReader {
    /// An event with its notes.
    public mutating func readEvent() throws(BinaryReadError) -> Event {
        let start = offset
        let slug = try readString()
        let date = try readDate()
        let order = try readOptionalInt()
        let isDraft = try readBool()
        let isFeatured = try readBool()
        let tags = try readStrings()
        let amounts = try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            try reader.readAmount()
        }
        let sources = try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            try reader.readSource()
        }
        let notes = try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (try reader.readString(), try reader.readNote())
        }
        guard Set(notes.map(\.0)).count == notes.count else { throw .malformed(at: start) }
        return Event(
            slug: slug, date: date, order: order, isDraft: isDraft, isFeatured: isFeatured,
            tags: tags, amounts: amounts, sources: sources,
            notes: Dictionary(uniqueKeysWithValues: notes))
    }

    /// A note.
    public mutating func readNote() throws(BinaryReadError) -> Note {
        Note(
            title: try readString(), summary: try readString(), label: try readOptionalString(),
            body: try readString(), bodyLine: try readInt(), file: try readString(),
            translatedFrom: try readOptionalString(), translatedParagraphs: try readStrings(),
            translatedFromLine: try readOptionalInt())
    }

    /// A date, refused unless it is one ``EventDate`` accepts.
    public mutating func readDate() throws(BinaryReadError) -> EventDate {
        let start = offset
        let (year, month, day) = (try readInt(), try readOptionalInt(), try readOptionalInt())
        let qualifier = try readOptionalString().map { text throws(BinaryReadError) in
            guard let qualifier = EventDate.Qualifier(rawValue: text) else {
                throw .malformed(at: start)
            }
            return qualifier
        }
        do {
            return try EventDate(year: year, month: month, day: day, qualifier: qualifier)
        } catch {
            throw .malformed(at: start)
        }
    }

    /// An amount.
    public mutating func readAmount() throws(BinaryReadError) -> Amount {
        let start = offset
        guard let role = Amount.Role(rawValue: try readString()),
            let value = Decimal(string: try readString(), locale: Locale(identifier: "en_US_POSIX"))
        else { throw .malformed(at: start) }
        let currency = try readString()
        let qualifier = try readOptionalString().map(Amount.Qualifier.init(rawValue:))
        guard qualifier != .some(nil) else { throw .malformed(at: start) }
        return Amount(role: role, value: value, currency: currency, qualifier: qualifier ?? nil)
    }

    /// A source.
    public mutating func readSource() throws(BinaryReadError) -> Source {
        let start = offset
        let publisher = try readOptionalString()
        let title = try readOptionalString()
        let date = try readDate()
        let language = try readString()
        let url = try readOptionalString().map(URL.init(string:))
        guard url != .some(nil) else { throw .malformed(at: start) }
        return Source(
            publisher: publisher, title: title, date: date, language: language, url: url ?? nil)
    }

    /// The site's settings.
    public mutating func readSite() throws(BinaryReadError) -> Site {
        let start = offset
        let titles = try readStringDictionary()
        let baseURL = try readOptionalString().map(URL.init(string:))
        guard baseURL != .some(nil) else { throw .malformed(at: start) }
        let languages = try readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            try reader.readLanguage()
        }
        return Site(
            titles: titles, baseURL: baseURL ?? nil, languages: languages,
            defaultLanguage: try readLanguage(), maxNoteSize: try readInt())
    }

    /// A language.
    public mutating func readLanguage() throws(BinaryReadError) -> Language {
        let start = offset
        let (code, name) = (try readString(), try readString())
        guard let direction = TextDirection(rawValue: try readString()) else {
            throw .malformed(at: start)
        }
        return Language(code: code, name: name, direction: direction)
    }

    /// A problem.
    mutating func readProblem() throws(BinaryReadError) -> ContentProblem {
        ContentProblem(
            severity: try readBool() ? .error : .warning, file: try readString(),
            line: try readOptionalInt(), column: try readOptionalInt(), message: try readString())
    }

    /// A log of problems.
    mutating func readLog() throws(BinaryReadError) -> ProblemLog {
        var log = ProblemLog()
        for problem in try readList({ (reader: inout BinaryReader) throws(BinaryReadError) in
            try reader.readProblem()
        }) {
            switch problem.severity {
            case .error:
                log.error(
                    problem.message, in: problem.file, line: problem.line, column: problem.column)
            case .warning:
                log.warning(
                    problem.message, in: problem.file, line: problem.line, column: problem.column)
            }
        }
        return log
    }
}

extension ContentCache {
    /// Writes what a load told the changed files reuses: the events folder's listing and
    /// each event folder as last read (with the site it was read with and its problems).
    /// The files' own entries are left out: a changed folder's files are read again.
    public func write(to writer: inout BinaryWriter) {
        writer.writeOptional(listingMemo.withLock { $0 }) { writer, listing in
            writer.write(listing.eventsFolder)
            writer.write(listing.shownAs)
            writer.write(listing.accepted) {
                $0.write($1.slug)
                $0.write($1.folder)
            }
            writer.write(listing.problems)
        }
        let (shownAs, reads) = eventMemo.withLock { $0 }
        writer.write(shownAs)
        var lastSite: Site?
        writer.write(reads) {
            writer, entry in
            writer.write(entry.key)
            // 0: no site; 1: the previous entry's; 2: a site follows.
            switch entry.value.site {
            case nil: writer.write(UInt64(0))
            case let site? where site == lastSite: writer.write(UInt64(1))
            case let site?:
                writer.write(UInt64(2))
                writer.write(site)
                lastSite = site
            }
            writer.writeOptional(entry.value.event) { $0.write($1) }
            writer.write(entry.value.problems)
        }
    }

    /// Takes the listing and event folders ``write(to:)`` wrote, replacing what the cache
    /// held; on an error the cache is left as it was.
    public func restore(from reader: inout BinaryReader) throws(BinaryReadError) {
        let listing = try reader.readOptional {
            (reader: inout BinaryReader) throws(BinaryReadError) in
            Listing(
                eventsFolder: try reader.readString(), shownAs: try reader.readString(),
                accepted: try reader.readList {
                    (reader: inout BinaryReader) throws(BinaryReadError) in
                    (slug: try reader.readString(), folder: try reader.readString())
                }, problems: try reader.readLog())
        }
        let shownAs = try reader.readString()
        var lastSite: Site?
        let reads = try reader.readList {
            (reader: inout BinaryReader) throws(BinaryReadError) -> (String, EventRead) in
            let folder = try reader.readString()
            let start = reader.offset
            let site: Site?
            switch try reader.readUInt64() {
            case 0: site = nil
            case 1:
                guard let lastSite else { throw .malformed(at: start) }
                site = lastSite
            case 2:
                site = try reader.readSite()
                lastSite = site
            default: throw .malformed(at: start)
            }
            let event = try reader.readOptional {
                (reader: inout BinaryReader) throws(BinaryReadError) in try reader.readEvent()
            }
            return (folder, EventRead(site: site, event: event, problems: try reader.readLog()))
        }
        listingMemo.withLock { $0 = listing }
        eventMemo.withLock {
            $0 = (shownAs, Dictionary(reads, uniquingKeysWith: { _, last in last }))
        }
    }

    /// The site's settings the event folders were last read with, by a loader naming the
    /// content folder `shownAs`.
    public func site(shownAs: String) -> Site? {
        eventsRead(shownAs: shownAs).values.lazy.compactMap(\.site).first
    }

    /// Each event as last read by a loader naming the content folder `shownAs`, by slug
    /// (its folder's name).
    public func events(shownAs: String) -> [String: Event] {
        var events: [String: Event] = [:]
        for (folder, read) in eventsRead(shownAs: shownAs) {
            guard let event = read.event else { continue }
            let slug = folder.lastIndex(of: "/").map { folder[folder.index(after: $0)...] }
            events[String(slug ?? folder[...])] = event
        }
        return events
    }
}
