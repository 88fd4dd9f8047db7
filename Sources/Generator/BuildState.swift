import BinaryState
import Content
import Foundation
import Timeline

/// What a build session keeps between builds, on disk: `state.bin` in the build cache's
/// folder, so that the next `sitegen build` (a new process) starts where the last one left
/// off, as a session kept in memory does.
///
/// It holds every input file's and folder's stamp (from which the next build works out the
/// changed files itself), the content as parsed (the events folder's listing and each event
/// folder's reading, with its problems), each event's digests (the keys' memo), every
/// page's key, each note's cache key, and every output's key and files with each note's
/// warnings (``BuildCache/Outputs``). A ``StateFile`` of its own kind and version: a file
/// that is damaged, truncated, of another version, or not the one ``BuildCache`` recorded
/// the digest of, is not used, and the build reads every file.
struct BuildState {
    /// The state file's kind, in its header.
    static let kind = "sitegen-build-state"
    /// The format's version; bumped when what is written changes.
    static let version = 1

    /// Every input file's and folder's stamp (``InputStamps/of(_:)``), taken before the
    /// build read them.
    var stamps: [String: FileSystem.FileStamp]
    /// When they were taken.
    var stampedAt: Int64
    /// The content as the build read it.
    var content: ContentCache
    /// Each event's digests.
    var memo: OutputKeys.Memo
    /// Every page's path and key.
    var pageKeys: IncrementalBuild.PageKeys?
    /// Each note's cache key, with its warnings.
    var notes: RenderedNotes?
    /// Every output's key and files, and each note's warnings.
    var outputs: BuildCache.Outputs

    /// Writes the state file of what a session holds after a successful build at `path`
    /// (a new file: nothing may be there yet), streamed a megabyte at a time rather than
    /// held whole.
    ///
    /// - Returns: The payload's digest; `nil` when the session holds no outputs or the
    ///   file could not be written.
    static func write(
        _ state: SessionState, stamps: [String: FileSystem.FileStamp], stampedAt: Int64,
        contentShownAs: String, to path: String
    ) -> String? {
        guard let outputs = state.outputs,
            (try? FileSystem.createFile(path, contents: Data())) != nil,
            let handle = FileHandle(forWritingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        return try? StateFile.write(into: handle, kind: kind, version: version) { writer in
            write(
                state, outputs: outputs, stamps: stamps, stampedAt: stampedAt,
                contentShownAs: contentShownAs, into: &writer)
        }
    }

    private static func write(
        _ state: SessionState, outputs: BuildCache.Outputs,
        stamps: [String: FileSystem.FileStamp], stampedAt: Int64, contentShownAs: String,
        into writer: inout BinaryWriter
    ) {
        writer.write(stampedAt)
        writer.write(stamps) {
            $0.write($1.key)
            $0.write($1.value)
        }
        outputs.write(to: &writer)
        state.content.write(to: &writer)
        state.keys.write(to: &writer, matching: state.content.events(shownAs: contentShownAs))
        writer.writeOptional(state.pageKeys) { $1.write(to: &$0) }
        writer.writeOptional(state.notes) { $1.writeKeys(to: &$0) }
    }

    /// The state in a state file's bytes; `nil` when they are not a whole state file of
    /// this version, or hold anything the format never writes.
    static func read(_ bytes: [UInt8], contentShownAs: String) -> BuildState? {
        guard var reader = try? StateFile.payload(of: bytes, kind: kind, version: version)
        else { return nil }
        return try? read(&reader, contentShownAs: contentShownAs)
    }

    private static func read(_ reader: inout BinaryReader, contentShownAs: String)
        throws(BinaryReadError) -> BuildState
    {
        let stampedAt = try reader.readInt64()
        let stamps = try reader.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (try reader.readString(), try reader.readStamp())
        }
        let outputs = try BuildCache.Outputs(from: &reader)
        let content = ContentCache()
        try content.restore(from: &reader)
        let memo = try OutputKeys.Memo(
            from: &reader, events: content.events(shownAs: contentShownAs))
        let pageKeys = try reader.readOptional {
            (reader: inout BinaryReader) throws(BinaryReadError) in
            try IncrementalBuild.PageKeys(from: &reader)
        }
        let notes = try reader.readOptional {
            (reader: inout BinaryReader) throws(BinaryReadError) in
            try RenderedNotes.read(from: &reader, entries: outputs.notes)
        }
        guard reader.isAtEnd else { throw .malformed(at: reader.offset) }
        return BuildState(
            stamps: Dictionary(stamps, uniquingKeysWith: { _, last in last }),
            stampedAt: stampedAt, content: content, memo: memo, pageKeys: pageKeys,
            notes: notes ?? nil, outputs: outputs)
    }

    /// The inputs that changed since these stamps were taken, from the stamps now: every
    /// file or folder added, removed, or with another stamp, and every one whose stamp had
    /// not settled when it was taken (it may have changed again within the same tick of the
    /// file system's clock); `nil` when the stamps now are not known.
    func changes(since current: [String: FileSystem.FileStamp]?) -> ChangedInputs {
        guard let current else { return .unknown }
        var content = Set<String>()
        var templates = false
        func changed(_ key: String) {
            if key.hasPrefix("0/") {
                var path = key.dropFirst(2)
                while path.hasSuffix("/") { path = path.dropLast() }
                content.insert(String(path))
            } else {
                templates = true
            }
        }
        for (path, stamp) in current {
            if stamps[path] != stamp || !stamp.isSettled(at: stampedAt) { changed(path) }
        }
        for path in stamps.keys where current[path] == nil { changed(path) }
        return .known(content: content, templates: templates)
    }

    /// Puts this state into a session that has not built yet, with the inputs changed since
    /// as its changes: the notes of the events the build published (all of them, with
    /// drafts) passed the notes' check.
    func restore(
        into state: inout SessionState, changes: ChangedInputs, contentShownAs: String,
        includesDrafts: Bool
    ) {
        if let site = content.site(shownAs: contentShownAs) {
            state.checkedNotes = NoteCheck.Passed(
                passedBy: content.events(shownAs: contentShownAs).values.filter {
                    includesDrafts || !$0.isDraft
                }, limit: site.maxNoteSize)
        }
        state.content = content
        state.keys = memo
        state.pageKeys = pageKeys
        state.notes = notes
        state.outputs = outputs
        state.changes = changes
    }
}

extension BinaryWriter {
    /// Writes a file's stamp.
    mutating func write(_ stamp: FileSystem.FileStamp) {
        write(stamp.size)
        write(stamp.modified)
        write(stamp.changed)
        write(stamp.inode)
    }
}

extension BinaryReader {
    /// A file's stamp.
    mutating func readStamp() throws(BinaryReadError) -> FileSystem.FileStamp {
        FileSystem.FileStamp(
            size: try readInt64(), modified: try readInt64(), changed: try readInt64(),
            inode: try readUInt64())
    }
}

extension BuildCache.Outputs {
    /// Writes every output's key and files and each note's warnings.
    func write(to writer: inout BinaryWriter) {
        writer.write(units) {
            writer, unit in
            writer.write(unit.key)
            writer.write(unit.value.key)
            writer.write(unit.value.files)
        }
        writer.write(notes) {
            writer, note in
            writer.write(note.key)
            writer.write(note.value.warnings)
            writer.write(note.value.linkedEvents)
        }
    }

    /// The outputs ``write(to:)`` wrote.
    init(from reader: inout BinaryReader) throws(BinaryReadError) {
        let units = try reader.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (
                try reader.readString(),
                BuildCache.Unit(
                    key: try reader.readString(), files: try reader.readStringDictionary())
            )
        }
        let notes = try reader.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (
                try reader.readString(),
                BuildCache.NoteEntry(
                    warnings: try reader.readStrings(), linkedEvents: try reader.readStrings())
            )
        }
        self.init(
            units: Dictionary(units, uniquingKeysWith: { _, last in last }),
            notes: Dictionary(notes, uniquingKeysWith: { _, last in last }))
    }
}
