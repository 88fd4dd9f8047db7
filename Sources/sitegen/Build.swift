import ArgumentParser
import Content
import Foundation
import Generator
import Timeline

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

    @Option(
        help: """
            The output folder, replaced as a whole: only when it is missing, empty, or holds \
            nothing but what sitegen wrote there.
            """)
    var output = "Public"

    @Flag(
        help: """
            Replace the output folder even when it holds files sitegen did not make (move them \
            first). Never the content or templates folder, the folder sitegen runs in, your \
            home folder, or a file.
            """)
    var force = false

    @Flag(
        help: """
            Ignore the build cache (.sitegen-cache/ beside the output folder) and make every \
            file again.
            """)
    var clean = false

    @Flag(help: "Publish events marked draft: true.")
    var drafts = false

    @Option(help: "The address the site will live at, overriding base_url in site.yml.")
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each warning's details and the folders used.")
    var verbose = false

    func validate() throws {
        if let baseURL, Site.baseURL(from: baseURL) == nil {
            throw ValidationError(
                Terminal.escaped("--base-url '\(baseURL)' is not \(Site.baseURLRequirement)"))
        }
        if quiet && verbose {
            throw ValidationError("--quiet and --verbose cannot be used together")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        let progress = ProgressLine.onStandardError(started: started, quiet: quiet)
        var pageWritten: (@Sendable (Int, Int) -> Void)?
        if let progress {
            pageWritten = { done, total in progress.update(done: done, total: total) }
        }
        let generator = SiteGenerator(
            options: .init(
                content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
                output: URL(fileURLWithPath: output), includesDrafts: drafts,
                baseURL: baseURL.flatMap(Site.baseURL(from:)), force: force,
                clean: clean, progress: pageWritten))
        if verbose {
            Terminal.printError("sitegen: \(content) through \(templates) into \(output)")
        }
        let summary: BuildSummary
        do {
            summary = try generator.build()
            progress?.clear()
        } catch {
            progress?.clear()
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        if !quiet {
            for warning in summary.warnings { Terminal.printError(warning) }
            for notice in summary.notices { Terminal.printError(notice) }
            let elapsed = started.duration(to: .now)
            let seconds =
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let warnings = summary.warnings.isEmpty ? "" : ", \(summary.warnings.count) warnings"
            Terminal.print(
                "Published \(summary.pageCount) pages in \(summary.languageCount) languages to \(output)/ in "
                    + String(format: "%.2f s", seconds) + warnings)
        }
    }
}
