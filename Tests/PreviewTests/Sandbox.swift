import Foundation
import Generator
import LoopbackTesting
import Synchronization

@testable import Preview

#if canImport(Glibc)
    import Glibc
#endif

/// The repository's root.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A temporary folder with copies of the fixture content (`Tests/ContentTests/Fixtures/
/// valid-site`, served under `/fixture/`) and the templates, and a preview session serving
/// them on a free loopback port; the session's own temporary folder is made inside it.
final class Sandbox: Sendable {
    let root: URL
    let session: PreviewSession
    /// The port the session listens on.
    let port: UInt16
    /// What the session reported, in order.
    let events = EventLog()

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }

    /// Copies the fixtures and starts serving them.
    init(
        port: UInt16 = 0, pollInterval: Duration? = nil,
        before: (_ content: URL) throws -> Void = { _ in }
    ) async throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-preview-\(UUID().uuidString)")
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site"),
            to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Templates"),
            to: root.appendingPathComponent("Templates"))
        try before(root.appendingPathComponent("Content"))
        let events = self.events
        session = try PreviewSession(
            options: .init(
                content: root.appendingPathComponent("Content"),
                templates: root.appendingPathComponent("Templates"), port: port,
                pollInterval: pollInterval, temporaryParent: temporary),
            report: { event in events.append(event) })
        let address = try await session.start()
        let portText = address.split(separator: ":").last?.split(separator: "/").first ?? ""
        self.port = UInt16(portText) ?? 0
    }

    /// Stops the session and removes the folder.
    func close() async {
        await session.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// Sends a request and reads the whole response, on a thread of its own.
    func request(
        _ target: String, method: String = "GET", headers: [String: String] = [:]
    ) async throws -> RawResponse {
        let port = self.port
        return try await offThePool {
            try RawResponse.fetch(target, method: method, headers: headers, port: port)
        }
    }

    /// Rewrites a file of the sandbox's content folder.
    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(path), options: .atomic)
    }

    /// Reads a file of the sandbox's content folder.
    func read(_ path: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
    }
}

/// A response read off a socket: the client is a few lines of plain sockets, so that targets
/// go out exactly as written (`..`, `%2e%2e`, backslashes), which URL clients clean up.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    static func fetch(
        _ target: String, method: String, headers: [String: String], port: UInt16
    ) throws -> RawResponse {
        let socket = try RawSocket(port: port)
        defer { socket.close() }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try socket.send(request + "\r\n")
        return try parse(socket.readAll())
    }

    static func parse(_ data: Data) throws -> RawResponse {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw RawSocket.Failure(message: "no header end in \(data.count) bytes")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}

/// A page listening to the preview's event stream, as the live-reload script does.
final class EventListener: @unchecked Sendable {
    let socket: RawSocket
    private var received = ""

    init(port: UInt16, page: String, entityTag: String) throws {
        socket = try RawSocket(port: port, timeoutSeconds: 1)
        let query =
            "path=\(page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + "&etag=\(entityTag.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        try socket.send(
            "GET \(LiveScript.eventsPath)?\(query) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    /// Waits up to `seconds` for an event named `name`, on a thread of its own; returns its
    /// data line, and forgets everything received up to it.
    func next(_ name: String, seconds: Double = 30) async throws -> String? {
        try await offThePool { self.wait(for: name, seconds: seconds) }
    }

    private func wait(for name: String, seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let range = received.range(of: "event: \(name)\n") {
                let rest = received[range.upperBound...]
                guard let end = rest.range(of: "\n") else { continue }
                let data = String(rest[..<end.lowerBound])
                received = String(rest[end.upperBound...])
                return data
            }
            received += String(decoding: socket.readSome(), as: UTF8.self)
        }
        return nil
    }

    func close() { socket.close() }
}

/// What a session reported, in order.
final class EventLog: Sendable {
    private let events = Mutex<[PreviewEvent]>([])

    func append(_ event: PreviewEvent) { events.withLock { $0.append(event) } }

    /// Everything reported so far.
    var all: [PreviewEvent] { events.withLock { $0 } }
}

/// Runs blocking work (a socket's reads) on a thread of its own: the server under test runs
/// on the tasks' shared threads, which a blocked client must not hold.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
