import Markdown
import Timeline

/// The check every note passes before any page is written: its size against
/// `max_note_size`, and its shape against the renderer's limits (see
/// ``MarkdownRenderer/check(_:)``), so that a note too big or shaped to make cmark-gfm take
/// quadratic time is an error naming its file and line, never a hang or a page without it.
enum NoteCheck {
    /// An error line (`FILE:LINE:COLUMN: error: …`) for each note over a limit, in
    /// timeline order, then by language code.
    static func problems(in timeline: Timeline, maxNoteSize: Int) -> [String] {
        let renderer = MarkdownRenderer(options: .init(maximumInputSize: maxNoteSize))
        var problems: [String] = []
        for event in timeline.events {
            for (_, note) in event.notes.sorted(by: { $0.key < $1.key }) {
                do {
                    try renderer.check(note.body)
                } catch {
                    let (line, column) = error.position ?? (1, 1)
                    problems.append(
                        "\(note.file):\(note.bodyLine + line - 1):\(column): error: \(error)")
                }
            }
        }
        return problems
    }
}
