import ArgumentParser
import Checks
import Content
import Foundation

/// `sitegen new`: scaffolds an event's folder.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a new event: events/SLUG/event.yml and a note per language.",
        discussion: """
            The event is a draft (draft: true) with a placeholder source and note; each \
            translation is marked as made from the default-language note. The files are \
            checked as a build would check them first: when anything is wrong, or the slug \
            is taken, nothing is written. No file is ever overwritten.
            """
    )

    @Argument(help: "The event's slug: letters, digits, - and _, such as scale-ai-founded.")
    var slug: String

    @Option(help: "The event's date: 2025, 2025-06 or 2025-06-10.")
    var date: String

    @Option(help: "early, mid, late or about.")
    var qualifier: String?

    @Option(help: "The title of every note, until it is translated (the slug when left out).")
    var title: String?

    @Option(help: "The content folder: site.yml, i18n/ and events/.")
    var content = "Content"

    func run() throws {
        let scaffold = EventScaffold(
            folder: URL(fileURLWithPath: content), folderName: content, slug: slug, date: date,
            qualifier: qualifier, title: title)
        do {
            for path in try scaffold.write() { print("created \(path)") }
        } catch {
            FileHandle.standardError.write(
                Data((error.description + "\nNothing was written.\n").utf8))
            throw ExitCode.failure
        }
    }
}
