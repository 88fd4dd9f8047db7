import Content
import Timeline

/// Whether each translation was made from the current default-language note.
///
/// A translation records, in `translated_from`, the hash of the default-language note it
/// was brought up to date with, and in `translated_paragraphs` the hashes of that note's
/// paragraphs, which tell which paragraphs changed since.
enum TranslationCheck {
    /// The state of each language's note of an event, and a finding for each stale one.
    static func check(_ event: Event, site: Site) -> (
        states: [String: TranslationState], findings: [Finding]
    ) {
        let defaultCode = site.defaultLanguage.code
        var states: [String: TranslationState] = [:]
        var findings: [Finding] = []
        guard let original = event.notes[defaultCode] else { return ([:], []) }
        let fingerprint = NoteFingerprint(body: original.body, firstLine: original.bodyLine)
        states[defaultCode] = .original
        for language in site.languages where language.code != defaultCode {
            guard let note = event.notes[language.code] else {
                states[language.code] = .missing
                continue
            }
            if note.translatedFrom == fingerprint.hash {
                states[language.code] = .current
                continue
            }
            states[language.code] = .stale
            let command = "sitegen check --mark-translated \(event.slug) \(language.code)"
            let message: String
            if note.translatedFrom == nil {
                message =
                    "this translation was never marked as made from the \(defaultCode) note; "
                    + "once it says what \(original.file) says, run `\(command)`"
            } else {
                message =
                    "stale: \(original.file) changed since this translation was last marked; "
                    + "\(changes(since: note, now: fingerprint)); bring the translation up to "
                    + "date, then run `\(command)`"
            }
            findings.append(
                Finding(
                    file: note.file, line: note.translatedFromLine ?? 1, column: 1,
                    severity: .warning, kind: .translation, message: message))
        }
        return (states, findings)
    }

    /// Which paragraphs of the default note are new or changed since a translation was
    /// marked, in words.
    private static func changes(since note: Note, now fingerprint: NoteFingerprint) -> String {
        guard !note.translatedParagraphs.isEmpty else {
            return "which paragraphs changed is not recorded"
        }
        let known = Set(note.translatedParagraphs)
        let changed = fingerprint.paragraphHashes.indices.filter {
            !known.contains(fingerprint.paragraphHashes[$0])
        }
        if changed.isEmpty {
            return "paragraphs were removed or moved, none is new"
        }
        let list = changed.map { "\($0 + 1) at line \(fingerprint.paragraphLines[$0])" }
        return "new or changed: " + (changed.count == 1 ? "paragraph " : "paragraphs ")
            + list.joined(separator: ", ")
    }
}
