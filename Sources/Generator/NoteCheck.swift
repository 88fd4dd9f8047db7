import Dispatch
import Markdown
import Synchronization
import Timeline

/// The check every note passes before any page is written: its size against
/// `max_note_size`, and its shape against the renderer's limits (see
/// ``MarkdownRenderer/check(_:)``), so that a note too big or shaped to make cmark-gfm take
/// quadratic time is an error naming its file and line, never a hang or a page without it.
enum NoteCheck {
    /// The notes that passed, by file, with the text and the limit they passed with, so
    /// that a build session checks again only the notes that changed.
    struct Passed: Sendable {
        fileprivate var bodies: [String: String] = [:]
        fileprivate var limit = 0
    }

    /// An error line (`FILE:LINE:COLUMN: error: …`) for each note over a limit, in
    /// timeline order, then by language code. Events are checked on every core.
    static func problems(in timeline: Timeline, maxNoteSize: Int) -> [String] {
        var passed = Passed()
        return problems(in: timeline, maxNoteSize: maxNoteSize, passed: &passed)
    }

    /// The same, but a note that `passed` says passed with the same text and limit is not
    /// checked again; `passed` is brought up to date.
    static func problems(in timeline: Timeline, maxNoteSize: Int, passed: inout Passed)
        -> [String]
    {
        let renderer = MarkdownRenderer(options: .init(maximumInputSize: maxNoteSize))
        let events = timeline.events
        let earlier = passed.limit == maxNoteSize ? passed.bodies : [:]
        let found = Mutex([Int: [String]]())
        let passing = Mutex([String: String]())
        DispatchQueue.concurrentPerform(iterations: events.count) { index in
            var problems: [String] = []
            var passes: [String: String] = [:]
            for (_, note) in events[index].notes.sorted(by: { $0.key < $1.key }) {
                // Unchanged notes share their text with the earlier one: a cheap comparison.
                if earlier[note.file] == note.body {
                    passes[note.file] = note.body
                    continue
                }
                do throws(MarkdownError) {
                    try renderer.check(note.body)
                    passes[note.file] = note.body
                } catch {
                    let (line, column) = error.position ?? (1, 1)
                    problems.append(
                        "\(note.file):\(note.bodyLine + line - 1):\(column): error: \(error)")
                }
            }
            if !problems.isEmpty { found.withLock { $0[index] = problems } }
            passing.withLock { $0.merge(passes) { first, _ in first } }
        }
        passed = Passed(bodies: passing.withLock { $0 }, limit: maxNoteSize)
        return found.withLock { found in found.keys.sorted().flatMap { found[$0]! } }
    }
}

extension NoteCheck.Passed {
    /// What a build that succeeded leaves passed: every note of `events` (the events it
    /// published), with the limit it checked them against.
    init(passedBy events: some Sequence<Event>, limit: Int) {
        var bodies: [String: String] = [:]
        for event in events {
            for note in event.notes.values { bodies[note.file] = note.body }
        }
        self.init(bodies: bodies, limit: limit)
    }
}
