import ArgumentParser

/// The `sitegen` command.
@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Publishes a multilingual timeline as a static site.",
        discussion: """
            Site generation is not built yet. This version renders single Markdown notes \
            with `sitegen render-note`, the way the site will render them.
            """,
        version: "0.1.0",
        subcommands: [RenderNote.self]
    )

    func run() throws {
        print(Self.helpMessage())
    }
}
