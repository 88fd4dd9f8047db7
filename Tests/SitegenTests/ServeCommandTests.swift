import Foundation
import LoopbackTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sitegen serve`, run as a user runs it: from a folder holding Content/, Templates/ and a
/// built Public/, with its temporary folder in a TMPDIR of the test's own.
@Suite("sitegen serve")
struct ServeCommandTests {
    /// A running `sitegen serve` and what it printed.
    final class Server {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        var printed = ""
        var port: UInt16 = 0

        init(in folder: URL, arguments: [String] = [], temporary: URL) throws {
            let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            process.executableURL = testBinary.deletingLastPathComponent()
                .appendingPathComponent("sitegen")
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            process.environment = environment
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        /// Reads standard output until a line starts with `prefix`; returns that line.
        func waitForLine(startingWith prefix: String) -> String? {
            while true {
                if let line = printed.split(separator: "\n").first(where: { $0.hasPrefix(prefix) })
                {
                    return String(line)
                }
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return nil }
                printed += String(decoding: data, as: UTF8.self)
            }
        }

        /// Sends a signal and waits (up to 20 s) for the exit status.
        func stop(with signal: Int32) -> Int32? {
            kill(process.processIdentifier, signal)
            for _ in 0..<400 where process.isRunning { usleep(50_000) }
            guard !process.isRunning else { return nil }
            printed += String(
                decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return process.terminationStatus
        }
    }

    /// Every file below a folder, with its bytes.
    static func files(in folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            if let data = try? Data(contentsOf: url) { result[path] = data }
        }
        return result
    }

    /// A GET over a plain socket; the status code and body, or `nil` when nothing listens.
    static func get(_ target: String, port: UInt16) -> (Int, String)? {
        guard let socket = try? RawSocket(port: port) else { return nil }
        defer { socket.close() }
        try? socket.send(
            "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let data = socket.readAll()
        let text = String(decoding: data, as: UTF8.self)
        guard let status = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// A folder with copies of the fixture content and the templates, and a built Public/.
    static func project(in folder: URL) throws {
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Tests/ContentTests/Fixtures/valid-site"),
            to: folder.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Templates"),
            to: folder.appendingPathComponent("Templates"))
        let built = try runSitegen([
            "--content", folder.appendingPathComponent("Content").path, "--templates",
            folder.appendingPathComponent("Templates").path, "--output",
            folder.appendingPathComponent("Public").path, "--quiet",
        ])
        #expect(built.status == 0)
    }

    @Test func servesRebuildsAndStopsCleanlyLeavingPublicAsItWas() throws {
        try withTemporaryFolder { folder in
            try Self.project(in: folder)
            let temporary = folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(
                at: temporary, withIntermediateDirectories: true)
            let before = Self.files(in: folder.appendingPathComponent("Public"))
            let cache = Self.files(in: folder.appendingPathComponent(".sitegen-cache"))
            let server = try Server(in: folder, temporary: temporary)
            let line = try #require(server.waitForLine(startingWith: "Serving "))
            #expect(line.hasPrefix("Serving http://127.0.0.1:"))
            #expect(line.contains("/fixture/ (watching: inotify; Ctrl-C stops)"))
            let port = try #require(
                line.split(separator: ":").dropFirst(2).first?.split(separator: "/").first
                    .flatMap { UInt16($0) })
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).count == 1)
            let page = try #require(Self.get("/fixture/en/founding.html", port: port))
            #expect(page.0 == 200)

            let note = folder.appendingPathComponent("Content/events/founding/en.md")
            let text = try String(contentsOf: note, encoding: .utf8)
            try text.replacingOccurrences(of: "title: \"Founding\"", with: "title: \"Founded\"")
                .write(to: note, atomically: true, encoding: .utf8)
            var rebuilt = false
            for _ in 0..<200 where !rebuilt {
                usleep(100_000)
                rebuilt =
                    Self.get("/fixture/en/founding.html", port: port)?.1
                    .contains("<h1>Founded</h1>") == true
            }
            #expect(rebuilt)
            let rebuildLine = try #require(server.waitForLine(startingWith: "Content/"))
            #expect(rebuildLine.hasPrefix("Content/events/founding/en.md"))
            #expect(rebuildLine.contains(" written, "))
            #expect(rebuildLine.contains(" reloaded, "))
            #expect(rebuildLine.hasSuffix(" ms"))

            #expect(server.stop(with: SIGINT) == 0)
            #expect(server.printed.contains("Stopping"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
            #expect(Self.get("/fixture/", port: port) == nil)
            #expect(Self.files(in: folder.appendingPathComponent("Public")) == before)
            #expect(Self.files(in: folder.appendingPathComponent(".sitegen-cache")) == cache)
        }
    }

    @Test func helpListsServeAndItsOptions() throws {
        let help = try runSitegen(["--help"])
        #expect(help.standardOutput.contains("serve"))
        let serve = try runSitegen(["serve", "--help"])
        #expect(serve.status == 0)
        for option in [
            "--content", "--templates", "--host", "--port", "--drafts", "--base-url", "--open",
            "--poll",
        ] {
            #expect(serve.standardOutput.contains(option), "\(option)")
        }
        #expect(serve.standardOutput.contains("Public/ is never touched"))
    }

    @Test func aBadHostOrBaseURLIsRefused() throws {
        let host = try runSitegen(["serve", "--host", "example.org", "--port", "0"])
        #expect(host.status == 1)
        #expect(host.standardError.contains("--host 'example.org' is not an IP address"))
        let base = try runSitegen(["serve", "--base-url", "not a url"])
        #expect(base.status != 0)
        #expect(base.standardError.contains("--base-url 'not a url' is not"))
    }

    @Test func sigtermStopsItToo() throws {
        try withTemporaryFolder { folder in
            try Self.project(in: folder)
            let temporary = folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(
                at: temporary, withIntermediateDirectories: true)
            let server = try Server(in: folder, temporary: temporary)
            #expect(server.waitForLine(startingWith: "Serving ") != nil)
            #expect(server.stop(with: SIGTERM) == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        }
    }

    @Test func aBusyPortStopsWithAnErrorNamingIt() throws {
        try withTemporaryFolder { folder in
            try Self.project(in: folder)
            let temporary = folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(
                at: temporary, withIntermediateDirectories: true)
            let first = try Server(in: folder, temporary: temporary)
            let line = try #require(first.waitForLine(startingWith: "Serving "))
            let port = try #require(
                line.split(separator: ":").dropFirst(2).first?.split(separator: "/").first)
            let second = try runSitegen(["serve", "--port", String(port)])
            #expect(second.status == 1)
            #expect(
                second.standardError.contains(
                    "port \(port) on 127.0.0.1 is already in use; stop what uses it, or choose another port with --port"
                ))
            #expect(first.stop(with: SIGINT) == 0)
        }
    }
}
