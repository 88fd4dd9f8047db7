import ArgumentParser
import Dispatch
import Foundation
import Generator
import Preview
import Synchronization
import Timeline

#if canImport(Glibc)
    import Glibc
#endif

/// `sitegen serve`: a live preview.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds the site into a temporary folder and serves it with live reload.",
        discussion: """
            The site is served as a static host would serve it, under base_url's path, and \
            rebuilt when Content/ or Templates/ change; open pages reload, or show the build's \
            errors. Public/ is never touched. Ctrl-C stops it and removes the temporary folder.
            """
    )

    @Option(help: "The content folder: site.yml, i18n/ and events/.")
    var content = "Content"

    @Option(help: "The templates folder: the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "The address to listen on (127.0.0.1, the loopback, unless given).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Flag(help: "Publish events marked draft: true.")
    var drafts = false

    @Option(help: "The address the site will live at, overriding base_url in site.yml.")
    var baseURL: String?

    @Flag(help: "Open the site in a browser (with xdg-open).")
    var open = false

    @Flag(help: "Poll for changes every 300 ms instead of using inotify.")
    var poll = false

    func validate() throws {
        if let baseURL, Site.baseURL(from: baseURL) == nil {
            throw ValidationError(
                Terminal.escaped("--base-url '\(baseURL)' is not \(Site.baseURLRequirement)"))
        }
    }

    func run() throws {
        let options = PreviewOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            host: host, port: port, includesDrafts: drafts,
            baseURL: baseURL.flatMap(Site.baseURL(from:)),
            pollInterval: poll ? .milliseconds(300) : nil)
        let session: PreviewSession
        do {
            session = try PreviewSession(options: options, report: ServeReport().print)
        } catch {
            Terminal.printError("sitegen: \(error.description)")
            throw ExitCode.failure
        }
        let status = Self.serve(session, opening: open)
        if status != 0 { throw ExitCode(status) }
    }

    /// Starts the session, then blocks until SIGINT or SIGTERM; the root command stays
    /// synchronous (valgrind cannot run an async main).
    private static func serve(_ session: PreviewSession, opening: Bool) -> Int32 {
        let stops = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stops.continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        let done = DispatchSemaphore(value: 0)
        let status = Mutex<Int32>(0)
        Task {
            do throws(PreviewError) {
                let address = try await session.start()
                Terminal.print("Serving \(address) (watching: \(session.watching); Ctrl-C stops)")
                if opening { Self.openBrowser(at: address) }
                var waiting = stops.stream.makeAsyncIterator()
                _ = await waiting.next()
                Terminal.print("Stopping")
            } catch {
                Terminal.printError("sitegen: \(error.description)")
                status.withLock { $0 = 1 }
            }
            await session.stop()
            done.signal()
        }
        done.wait()
        withExtendedLifetime(sources) {}
        return status.withLock { $0 }
    }

    private static func openBrowser(at address: String) {
        let opener = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open", "/bin/xdg-open"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            Terminal.printError(
                "sitegen: --open needs xdg-open, which is not installed; open \(address) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            Terminal.printError("sitegen: could not run xdg-open: \(error)")
        }
    }
}

/// The terminal's line per build.
final class ServeReport: Sendable {
    private let lastWarnings = Mutex(Set<String>())

    /// Prints what a build did: the first build's summary; then, for each rebuild, what
    /// changed (the first path and how many more), how many files were written, and the time.
    func print(_ event: PreviewEvent) {
        switch event {
        case .built(let build):
            let known = lastWarnings.withLock { known in
                defer { known = Set(build.summary.warnings) }
                return known
            }
            for warning in build.summary.warnings where !known.contains(warning) {
                Terminal.printError(warning)
            }
            let time = Self.milliseconds(build.duration)
            if build.trigger.isEmpty {
                Terminal.print(
                    "Built \(build.summary.pageCount) pages in \(build.summary.languageCount) "
                        + "languages in \(time) ms")
            } else {
                Terminal.print(
                    "\(Self.changed(build.trigger)): "
                        + Self.count(build.summary.writtenCount, "file", "files") + " written, "
                        + "\(build.changedFiles) changed, "
                        + Self.count(build.reloadedPages, "page", "pages") + " reloaded, "
                        + "\(time) ms")
            }
        case .failed(let trigger, let error, let duration):
            Terminal.printError(error.description)
            let time = Self.milliseconds(duration)
            Terminal.print(
                trigger.isEmpty
                    ? "The first build failed in \(time) ms; pages show the errors until a save "
                        + "fixes them"
                    : "\(Self.changed(trigger)): the build failed in \(time) ms; still serving "
                        + "the last good site")
        }
    }

    private static func count(_ number: Int, _ one: String, _ other: String) -> String {
        "\(number) \(number == 1 ? one : other)"
    }

    private static func changed(_ paths: [String]) -> String {
        let first = paths.first ?? ""
        return paths.count > 1 ? "\(first) and \(paths.count - 1) more" : first
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(
            duration.components.seconds * 1000 + duration.components.attoseconds
                / 1_000_000_000_000_000)
    }
}
