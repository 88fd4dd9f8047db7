import Dispatch
import Markdown
import Synchronization
import Timeline

/// The check every note passes before any page is written: its size against
/// `max_note_size`, and its shape against the renderer's limits (see
/// ``MarkdownRenderer/check(_:)``), so that a note too big or shaped to make cmark-gfm take
/// quadratic time is an error naming its file and line, never a hang or a page without it.
enum NoteCheck {
    /// An error line (`FILE:LINE:COLUMN: error: …`) for each note over a limit, in
    /// timeline order, then by language code. Events are checked on every core.
    static func problems(in timeline: Timeline, maxNoteSize: Int) -> [String] {
        let renderer = MarkdownRenderer(options: .init(maximumInputSize: maxNoteSize))
        let events = timeline.events
        let found = Mutex([Int: [String]]())
        DispatchQueue.concurrentPerform(iterations: events.count) { index in
            var problems: [String] = []
            for (_, note) in events[index].notes.sorted(by: { $0.key < $1.key }) {
                do throws(MarkdownError) {
                    try renderer.check(note.body)
                } catch {
                    let (line, column) = error.position ?? (1, 1)
                    problems.append(
                        "\(note.file):\(note.bodyLine + line - 1):\(column): error: \(error)")
                }
            }
            if !problems.isEmpty { found.withLock { $0[index] = problems } }
        }
        return found.withLock { found in found.keys.sorted().flatMap { found[$0]! } }
    }
}
