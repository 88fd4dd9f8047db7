import FlyingFox
import FlyingSocks
public import Foundation
public import Generator
import Synchronization

/// What `sitegen serve` is asked to do.
public struct PreviewOptions: Sendable {
    /// The content folder.
    public var content: URL
    /// The templates folder.
    public var templates: URL
    /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
    public var host: String
    /// The port; 0 takes any free one.
    public var port: UInt16
    /// Whether drafts are published.
    public var includesDrafts: Bool
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: URL?
    /// Polls for changes at this interval instead of using inotify.
    public var pollInterval: Duration?
    /// How long no change must come before a rebuild starts.
    public var quietPeriod: Duration
    /// The folder the temporary site folder is made in (`$TMPDIR`, else `/tmp`).
    public var temporaryParent: URL

    /// Creates options; by default loopback port 8080, inotify, a 30 ms quiet period.
    public init(
        content: URL, templates: URL, host: String = "127.0.0.1", port: UInt16 = 8080,
        includesDrafts: Bool = false, baseURL: URL? = nil, pollInterval: Duration? = nil,
        quietPeriod: Duration = .milliseconds(30),
        temporaryParent: URL = FileManager.default.temporaryDirectory
    ) {
        self.content = content
        self.templates = templates
        self.host = host
        self.port = port
        self.includesDrafts = includesDrafts
        self.baseURL = baseURL
        self.pollInterval = pollInterval
        self.quietPeriod = quietPeriod
        self.temporaryParent = temporaryParent
    }
}

/// What happened in the preview, for the terminal.
public enum PreviewEvent: Sendable {
    /// A build succeeded.
    case built(PreviewBuild)
    /// A build failed; the last good site is still served.
    case failed(trigger: [String], error: BuildError, duration: Duration)
}

/// A good build of the preview.
public struct PreviewBuild: Sendable {
    /// The changed input paths that started it, in the order they changed; empty for the
    /// first build.
    public var trigger: [String]
    /// The build's summary.
    public var summary: BuildSummary
    /// How many of the site's files changed.
    public var changedFiles: Int
    /// How many open pages were told to reload.
    public var reloadedPages: Int
    /// How long the build took.
    public var duration: Duration
}

/// Why the preview could not start.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    /// Another program listens on the port.
    case portInUse(host: String, port: UInt16)
    /// The host is not an address this machine can listen on.
    case badHost(String)
    /// Listening failed for another reason.
    case cannotListen(host: String, port: UInt16, reason: String)
    /// The temporary folder could not be made.
    case temporaryFolder(String)

    /// What went wrong and what to do, for the terminal.
    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use; stop what uses it, or choose another "
                + "port with --port (such as --port \(port == 65535 ? 8081 : port + 1))"
        case .badHost(let host):
            "--host '\(host)' is not an IP address (such as 127.0.0.1, 0.0.0.0 or ::1)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        case .temporaryFolder(let reason):
            "cannot make a temporary folder for the site: \(reason)"
        }
    }
}

/// `sitegen serve`: the site built into a temporary folder of its own (never `Public/`),
/// served over HTTP, and rebuilt when the content or templates change, with every open page
/// told to reload or shown the build's errors.
public final class PreviewSession: Sendable {
    private let options: PreviewOptions
    private let report: @Sendable (PreviewEvent) -> Void
    /// The temporary folder: the site in `site/`, the build cache in `.sitegen-cache/`.
    public let temporaryFolder: URL
    private let builder: SiteBuilder
    private let server: SiteServer
    private let queue: RebuildQueue
    private let running = Mutex(Running())

    private struct Running {
        var http: HTTPServer?
        var serving: Task<Void, any Error>?
        var watcher: Watcher?
        var keepAlive: Task<Void, Never>?
        var rebuilding: DispatchSemaphore?
    }

    /// Makes the temporary folder; nothing is built or served until ``start()``.
    public init(options: PreviewOptions, report: @escaping @Sendable (PreviewEvent) -> Void)
        throws(PreviewError)
    {
        self.options = options
        self.report = report
        var template = Array(
            options.temporaryParent.appendingPathComponent("sitegen-serve-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .temporaryFolder(String(cString: strerror(errno)))
        }
        temporaryFolder = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        builder = SiteBuilder(
            options: .init(
                content: options.content, templates: options.templates,
                output: temporaryFolder.appendingPathComponent("site"),
                includesDrafts: options.includesDrafts, baseURL: options.baseURL))
        server = SiteServer(
            folder: temporaryFolder.appendingPathComponent("site").path, prefix: builder.prefix())
        queue = RebuildQueue(quietPeriod: options.quietPeriod)
    }

    /// How many pages are listening for rebuilds.
    var listeningPages: Int { server.live.listenerCount }

    /// The folder the site is served from.
    public var siteFolder: URL { temporaryFolder.appendingPathComponent("site") }

    /// How changes are found: `inotify`, or polling and why.
    public var watching: String {
        switch running.withLock({ $0.watcher?.mode }) {
        case .notified?: "inotify"
        case .polling(let interval, let reason)?:
            "polling every \(interval.formatted(.units(allowed: [.milliseconds])))"
                + (reason.map { " (\($0))" } ?? "")
        case nil: "nothing"
        }
    }

    /// Listens, builds the site, and starts watching.
    ///
    /// - Returns: The site's address, such as `http://127.0.0.1:8080/meta-scale-ai/`.
    public func start() async throws(PreviewError) -> String {
        let port = try await listen()
        // Watching starts first, so a change made during the first build is not missed:
        // it makes the first rebuild.
        let watcher = startWatcher()
        let first = await runOnOwnThread { self.builder.build() }
        publish(first, trigger: [])
        startRebuilding(watcher)
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(host):\(port)\(first.prefix)"
    }

    /// Stops watching, waits for a rebuild under way, closes every connection, frees the port
    /// and removes the temporary folder.
    public func stop() async {
        let parts = running.withLock { running in
            defer { running = Running() }
            return running
        }
        parts.watcher?.stop()
        queue.close()
        parts.rebuilding?.wait()
        parts.keepAlive?.cancel()
        server.live.close()
        await parts.http?.stop(timeout: 1)
        _ = await parts.serving?.result
        FolderRemoval.remove(temporaryFolder.path)
    }

    private func listen() async throws(PreviewError) -> UInt16 {
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let address: any SocketAddress
        do {
            address =
                host.contains(":")
                ? try sockaddr_in6.inet6(ip6: host, port: options.port)
                : try sockaddr_in.inet(ip4: host, port: options.port)
        } catch {
            throw .badHost(options.host)
        }
        let http = HTTPServer(
            config: .init(address: address, timeout: 15, logger: .disabled), handler: server)
        let serving = Task { try await http.run() }
        do {
            try await Self.firstOf(
                { try await http.waitUntilListening(timeout: 10) },
                {
                    try await serving.value
                    throw SocketError.disconnected
                })
        } catch SocketError.failed(_, let code, let message) {
            throw code == EADDRINUSE
                ? .portInUse(host: options.host, port: options.port)
                : .cannotListen(host: options.host, port: options.port, reason: message)
        } catch {
            throw .cannotListen(host: options.host, port: options.port, reason: "\(error)")
        }
        running.withLock {
            $0.http = http
            $0.serving = serving
        }
        guard case .ip4(_, let port)? = await http.listeningAddress else {
            if case .ip6(_, let port)? = await http.listeningAddress { return port }
            return options.port
        }
        return port
    }

    /// Starts watching the content and templates, feeding the rebuild queue.
    private func startWatcher() -> Watcher {
        let queue = self.queue
        let watcher = Watcher(
            folders: [options.content.relativePath, options.templates.relativePath],
            polling: options.pollInterval, changed: { queue.add($0) })
        running.withLock { $0.watcher = watcher }
        return watcher
    }

    /// Rebuilds after each batch of changes, on a thread of its own, telling the session
    /// which files changed when the watcher saw every change.
    private func startRebuilding(_ watcher: Watcher) {
        let queue = self.queue
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            while let batch = queue.nextBatch() {
                // An editor's temporary file is gone by now: name the files that are there first.
                let present = batch.filter { FileManager.default.fileExists(atPath: $0) }
                let gone = batch.filter { !FileManager.default.fileExists(atPath: $0) }
                let outcome = builder.build(
                    changedFiles: watcher.seesEveryChange ? Set(batch) : nil)
                publish(outcome, trigger: present + gone)
            }
            finished.signal()
        }
        thread.name = "sitegen-rebuild"
        thread.start()
        let live = server.live
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                live.keepAlive()
            }
        }
        running.withLock {
            $0.rebuilding = finished
            $0.keepAlive = keepAlive
        }
    }

    /// Tells the pages and the terminal what a build did.
    private func publish(_ outcome: BuildOutcome, trigger: [String]) {
        switch outcome.result {
        case .success(let summary):
            server.setPrefix(outcome.prefix)
            let host = server.staticHost
            let reloaded = server.live.built(
                changed: outcome.changedFiles, fileFor: { host.servedFile(for: $0) })
            report(
                .built(
                    PreviewBuild(
                        trigger: trigger, summary: summary,
                        changedFiles: outcome.changedFiles.count, reloadedPages: reloaded,
                        duration: outcome.duration)))
        case .failure(let error):
            // The overlay lists the errors; the terminal has the warnings too.
            let errors = error.problems.filter { $0.contains(": error:") }
            server.live.failed(errors: errors.isEmpty ? error.problems : errors)
            report(.failed(trigger: trigger, error: error, duration: outcome.duration))
        }
    }

    /// Waits for whichever of two jobs ends first, and returns or throws as it did; the other
    /// goes on (here: the server's run, which ends when the server stops).
    private static func firstOf(
        _ first: @escaping @Sendable () async throws -> Void,
        _ second: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Void, any Error>) in
            let resumed = Flag()
            for job in [first, second] {
                Task {
                    let result: Result<Void, any Error>
                    do {
                        try await job()
                        result = .success(())
                    } catch {
                        result = .failure(error)
                    }
                    if resumed.set() { continuation.resume(with: result) }
                }
            }
        }
    }

    private func runOnOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}

/// A flag set once, from any thread.
private final class Flag: Sendable {
    private let value = Atomic(false)

    /// Sets the flag. - Returns: Whether it was not set before.
    func set() -> Bool { !value.exchange(true, ordering: .acquiringAndReleasing) }
}
