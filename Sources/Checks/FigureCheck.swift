import Content
import Foundation
import Timeline

/// Checks the figures of an event's notes against its record and against each other.
enum FigureCheck {
    /// The figures one note states: those checked against the record, and those in
    /// paragraphs an ignore-figure directive silences.
    struct NoteFigures {
        var language: String
        var note: Note
        var figures: [StatedFigure]
        var silenced: [StatedFigure]
    }

    /// The findings for one event's notes, given each note's full text.
    ///
    /// A year is accepted when it is the event's, a source's, or another event's of the
    /// timeline (`timelineYears`): notes of a timeline refer to its other events.
    static func check(
        _ event: Event, site: Site, texts: [String: String], timelineYears: Set<Int>,
        readers: [String: FigureReader]
    ) -> [Finding] {
        var perNote: [NoteFigures] = []
        for language in site.languages {
            guard let note = event.notes[language.code] else { continue }
            let reader = readers[language.code] ?? FigureReader(language: language.code)
            let (figures, silenced) = figures(
                of: note, text: texts[language.code] ?? "", reader: reader)
            perNote.append(
                NoteFigures(
                    language: language.code, note: note, figures: figures, silenced: silenced))
        }
        var findings = perNote.flatMap { against(event, $0, timelineYears: timelineYears) }
        findings += acrossLanguages(perNote, event: event)
        return findings
    }

    /// The figures of a note: its title and summary lines, then its paragraphs; and apart,
    /// those of paragraphs after an ignore-figure directive. Code blocks are left out.
    static func figures(of note: Note, text: String, reader: FigureReader) -> (
        checked: [StatedFigure], silenced: [StatedFigure]
    ) {
        var figures: [StatedFigure] = []
        var silenced: [StatedFigure] = []
        let lines = textLines(text)
        for (offset, line) in lines.prefix(max(0, note.bodyLine - 1)).enumerated()
        where line.hasPrefix("title:") || line.hasPrefix("summary:") {
            let key = line.prefix { $0 != ":" }.count + 1
            let value = line.last == "\r" ? line.dropFirst(key).dropLast() : line.dropFirst(key)
            let masked = String(repeating: " ", count: key) + String(value)
            figures += reader.figures(in: MarkdownMask.prose(masked), lineNumber: offset + 1)
        }
        for paragraph in NoteText(body: note.body, firstLine: note.bodyLine).paragraphs
        where !paragraph.isCode {
            for (offset, line) in paragraph.lines.enumerated() where reader.mayHoldFigures(line) {
                let found = reader.figures(
                    in: MarkdownMask.prose(line), lineNumber: paragraph.firstLine + offset)
                if paragraph.isSilenced { silenced += found } else { figures += found }
            }
        }
        return (figures, silenced)
    }

    /// The figures of one note that disagree with the record.
    private static func against(_ event: Event, _ stated: NoteFigures, timelineYears: Set<Int>)
        -> [Finding]
    {
        var findings: [Finding] = []
        let knownYears = Set(event.sources.map(\.date.year)).union(timelineYears)
        for figure in stated.figures {
            let message: String
            switch figure.value {
            case .money(let value, let currency):
                if event.amounts.contains(where: { $0.value == value && $0.currency == currency }) {
                    continue
                }
                message =
                    "this note says \(Self.words(value, currency)); "
                    + recordSays(event, near: value, currency)
            case .year(let year):
                if year == event.date.year || knownYears.contains(year) { continue }
                message =
                    "this note mentions \(year), which is neither the event's year "
                    + "(\(event.date.year)), a source's year nor the year of an event of the "
                    + "timeline; check it, or put <!-- check: ignore-figure --> before the "
                    + "paragraph if it is right"
            }
            findings.append(
                Finding(
                    file: stated.note.file, line: figure.line, column: figure.column,
                    severity: .warning, kind: .figure, message: message))
        }
        return findings
    }

    /// What the record holds nearest a figure, in words, and what to do.
    private static func recordSays(_ event: Event, near value: Decimal, _ currency: String)
        -> String
    {
        let advice =
            "correct the note, fix the record's amounts, or put <!-- check: ignore-figure --> "
            + "before the paragraph if the difference is deliberate"
        let candidates = event.amounts.filter { $0.currency == currency }
        guard
            let nearest = candidates.min(by: {
                distance($0.value, value) < distance($1.value, value)
            })
        else {
            return "the record has no amount in \(currency); " + advice
        }
        let role = nearest.role.rawValue.replacingOccurrences(of: "_", with: " ")
        return "the record's \(role) is \(words(nearest.value, nearest.currency)); " + advice
    }

    private static func distance(_ a: Decimal, _ b: Decimal) -> Decimal {
        let ratio = a > b ? a / b : b / a
        return ratio
    }

    /// A figure in words, such as "15 billion USD" or "870 million USD".
    static func words(_ value: Decimal, _ currency: String) -> String {
        for (factor, name) in [
            (Decimal(1_000_000_000_000), "trillion"), (Decimal(1_000_000_000), "billion"),
            (Decimal(1_000_000), "million"),
        ] where value >= factor {
            return "\(value / factor) \(name) \(currency)"
        }
        return "\(value) \(currency)"
    }

    /// A figure stated by most of an event's notes (at least two, and more than half) but
    /// not by one of them: a finding at the first line of that note's text. A figure in a
    /// silenced paragraph counts as stated.
    private static func acrossLanguages(_ notes: [NoteFigures], event: Event) -> [Finding] {
        guard notes.count >= 3 else { return [] }
        let sets = notes.map { Set(($0.figures + $0.silenced).map(\.value)) }
        let all = sets.reduce(into: Set<StatedFigure.Value>()) { $0.formUnion($1) }.sorted()
        var findings: [Finding] = []
        for value in all {
            let stating = notes.indices.filter { sets[$0].contains(value) }
            guard stating.count >= 2, stating.count * 2 > notes.count else { continue }
            let languages = stating.map { notes[$0].language }.joined(separator: ", ")
            for index in notes.indices where !sets[index].contains(value) {
                let note = notes[index].note
                let firstLine =
                    NoteText(body: note.body, firstLine: note.bodyLine).paragraphs.first?
                    .firstLine ?? note.bodyLine
                let what: String
                switch value {
                case .money(let amount, let currency): what = words(amount, currency)
                case .year(let year): what = "the year \(year)"
                }
                findings.append(
                    Finding(
                        file: note.file, line: firstLine, column: 1,
                        severity: .warning, kind: .figure,
                        message:
                            "the \(languages) notes state \(what), and this note does not; "
                            + "add it (with <!-- check: ignore-figure --> before its paragraph "
                            + "when the record does not hold it)"))
            }
        }
        return findings
    }
}
