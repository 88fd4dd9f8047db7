import ArgumentParser
import Foundation
import Generator

/// `sitegen build`, the default: publishes the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Publishes Content/ through Templates/ into Public/ (the default command).",
        discussion: """
            The site is written beside the output folder and swapped in only when the whole \
            build succeeded: a failed build leaves the previous output as it was. Problems are \
            printed as FILE:LINE:COLUMN: error: MESSAGE, all of them in one run.
            """
    )

    @Option(help: "The content folder: site.yml, i18n/ and events/.")
    var content = "Content"

    @Option(help: "The templates folder: the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "The output folder, replaced as a whole.")
    var output = "Public"

    @Flag(help: "Publish events marked draft: true.")
    var drafts = false

    @Option(help: "The address the site will live at, overriding base_url in site.yml.")
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each warning's details and the folders used.")
    var verbose = false

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.host == nil {
            throw ValidationError(
                "--base-url '\(baseURL)' is not an absolute address such as https://example.org/")
        }
        if quiet && verbose {
            throw ValidationError("--quiet and --verbose cannot be used together")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        let generator = SiteGenerator(
            options: .init(
                content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
                output: URL(fileURLWithPath: output), includesDrafts: drafts,
                baseURL: baseURL.flatMap { URL(string: $0.hasSuffix("/") ? $0 : $0 + "/") }))
        if verbose {
            printError("sitegen: \(content) through \(templates) into \(output)")
        }
        let summary: BuildSummary
        do {
            summary = try generator.build()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if !quiet {
            for warning in summary.warnings { printError(warning) }
            for notice in summary.notices { printError(notice) }
            let elapsed = started.duration(to: .now)
            let seconds =
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let warnings = summary.warnings.isEmpty ? "" : ", \(summary.warnings.count) warnings"
            print(
                "Published \(summary.pageCount) pages in \(summary.languageCount) languages to \(output)/ in "
                    + String(format: "%.2f s", seconds) + warnings)
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
