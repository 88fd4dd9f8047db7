import ArgumentParser

/// The `sitegen` command.
@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Publishes a multilingual timeline as a static site.",
        discussion: """
            With no subcommand, sitegen builds the site: Content/ through Templates/ into \
            Public/.
            """,
        version: "0.2.0",
        subcommands: [Build.self, Serve.self, Check.self, New.self, RenderNote.self],
        defaultSubcommand: Build.self
    )
}
