import Content
import Foundation
import Timeline

/// Which note of an event, in which language.
struct NoteKey: Hashable, Sendable {
    /// The event's slug.
    let slug: String
    /// The note's language code.
    let language: String
}

/// The note an event shows in a language: its own, or the default language's, which is then
/// named as the fallback.
struct ShownNote: Sendable {
    /// The note.
    let note: Note
    /// The note's event and language, to find it rendered.
    let key: NoteKey
    /// The language the note is written in when it is not the page's.
    let fallback: Language?

    /// The note an event shows in `language`; the loader made sure every event has a note in
    /// the default language.
    init(of event: Event, in language: Language, defaultLanguage: Language) {
        if let note = event.notes[language.code] {
            self.init(
                note: note, key: NoteKey(slug: event.slug, language: language.code), fallback: nil)
        } else if let note = event.notes[defaultLanguage.code] {
            self.init(
                note: note, key: NoteKey(slug: event.slug, language: defaultLanguage.code),
                fallback: defaultLanguage)
        } else {
            preconditionFailure(
                "\(event.slug) has no note in \(defaultLanguage.code), which the loader refuses")
        }
    }

    private init(note: Note, key: NoteKey, fallback: Language?) {
        self.note = note
        self.key = key
        self.fallback = fallback
    }

    /// The note's language: the fallback's, or the page's.
    func language(on page: Language) -> Language { fallback ?? page }
}
