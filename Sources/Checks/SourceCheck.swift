import Foundation
import Timeline

/// Checks an event's sources beyond what loading checks (at least one source, a language
/// code, an http or https address): that no source is dated after today.
///
/// A source dated after the event is normal for a timeline told in hindsight (an article
/// of 2025 on a company founded in 2016), so only a date in the future is reported.
enum SourceCheck {
    /// The findings for one event's sources, as of `today` (year, month, day).
    static func check(
        _ event: Event, file: String, text: String, today: (year: Int, month: Int, day: Int)
    ) -> [Finding] {
        let lines = textLines(text)
        var findings: [Finding] = []
        for source in event.sources where isAfter(source.date, today) {
            let line = lines.firstIndex {
                $0.hasPrefix(" ") && $0.contains("date:") && $0.contains(source.date.isoText)
            }
            findings.append(
                Finding(
                    file: file, line: line.map { $0 + 1 }, column: line.map { _ in 1 },
                    severity: .warning, kind: .source,
                    message:
                        "the source '\(source.title ?? source.publisher ?? source.language)' is dated \(source.date), after today; "
                        + "correct its date"))
        }
        return findings
    }

    /// Whether the earliest day a date can mean is after today.
    private static func isAfter(_ date: EventDate, _ today: (year: Int, month: Int, day: Int))
        -> Bool
    {
        date.earliestDay > today
    }
}
