import ArgumentParser
import Checks
import Content
import Dispatch
import Foundation
import Synchronization
import Timeline

/// `sitegen check`: reports translations, figures, links and sources that need a look,
/// without writing a site; or, with `--mark-translated`, marks translations up to date.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the content: translations, figures, links and sources.",
        discussion: """
            Loads the content as a build does and reports, as FILE:LINE:COLUMN: warning: \
            MESSAGE, translations made from an older default-language note, figures that \
            disagree with the event's record or with its other notes, links to events that do \
            not exist, and sources dated in the future; then a table of each event's \
            translations. Exits with 1 when there are errors, or warnings under --strict.

            --mark-translated SLUG LANGUAGE records that a translation is up to date with the \
            default-language note; --mark-all-translated does it for every translation.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The content folder: site.yml, i18n/ and events/.")
    var content = "Content"

    @Option(help: "text (FILE:LINE:COLUMN: lines and a table) or json (one object a line).")
    var format = Format.text

    @Flag(help: "Fail (exit status 1) on warnings too.")
    var strict = false

    @Flag(help: "Check events marked draft: true too.")
    var drafts = false

    @Flag(help: "Check external addresses with HEAD requests (without it they are listed).")
    var external = false

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Mark a translation as up to date with the default-language note.",
            valueName: "SLUG LANGUAGE"))
    var markTranslated: [String] = []

    @Flag(help: "Mark every translation of every event as up to date.")
    var markAllTranslated = false

    func validate() throws {
        if !markTranslated.isEmpty && markTranslated.count != 2 {
            throw ValidationError(
                "--mark-translated takes an event's slug and a language, such as "
                    + "--mark-translated scale-ai-founded el")
        }
        if !markTranslated.isEmpty && markAllTranslated {
            throw ValidationError(
                "--mark-translated and --mark-all-translated cannot be used together")
        }
    }

    func run() throws {
        if !markTranslated.isEmpty || markAllTranslated {
            try mark()
            return
        }
        let check = ContentCheck(
            folder: URL(fileURLWithPath: content), folderName: content, includesDrafts: drafts)
        let (report, externalLinks) = check.run()
        var findings = report.findings
        if external {
            // The command runs synchronously (an async main starts threads that valgrind,
            // which checks render-note, cannot follow); only these requests wait on tasks.
            findings += waiting { await ExternalLinkCheck.check(externalLinks) }
        } else {
            findings += externalLinks.map {
                Finding(
                    file: $0.file, line: $0.line, column: $0.column, severity: .note,
                    kind: .externalLink, message: "\($0.url) (not checked; pass --external)")
            }
        }
        findings.sort()
        let final = CheckReport(
            findings: findings, languages: report.languages,
            translationStatus: report.translationStatus)
        switch format {
        case .json: for finding in findings { print(finding.json) }
        case .text: printText(final, externalLinks: externalLinks)
        }
        if !final.errors.isEmpty || (strict && !final.warnings.isEmpty) {
            throw ExitCode.failure
        }
    }

    private func printText(_ report: CheckReport, externalLinks: [ExternalLink]) {
        for finding in report.findings where finding.severity != .note {
            print(finding.description)
        }
        if !report.translationStatus.isEmpty {
            print(
                "\nTranslations (original: the default language; current: marked from it; "
                    + "stale: made from an older note or never marked):")
            print(report.statusTable)
        }
        let addresses = Set(externalLinks.map(\.url)).count
        if externalLinks.isEmpty {
            print("\nNo external links in the notes and sources.")
        } else if external {
            print("\nChecked \(addresses) external addresses with HEAD requests.")
        } else {
            print("\nExternal links, not checked (pass --external to check them):")
            for link in externalLinks {
                let position = [link.line, link.column].compactMap { $0 }.map { ":\($0)" }
                print(Finding.visible("  \(link.file)\(position.joined()): \(link.url)"))
            }
        }
        let errors = report.errors.count
        let warnings = report.warnings.count
        print(
            "\n\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        )
    }

    private func mark() throws {
        let folder = URL(fileURLWithPath: content)
        let loaded: SiteContent
        do {
            loaded = try ContentLoader(folder: folder, folderName: content, includesDrafts: true)
                .load()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let marker = TranslationMarker(content: loaded, folder: folder, folderName: content)
        do {
            let marked =
                markAllTranslated
                ? try marker.markAll()
                : [try marker.mark(slug: markTranslated[0], language: markTranslated[1])]
            for (file, hash) in marked {
                print(
                    "\(file): marked as translated from the \(loaded.site.defaultLanguage.code) note \(hash)"
                )
            }
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The result of async work, waited for on the calling thread.
private func waiting<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
    let result = Mutex<Value?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await work()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}
