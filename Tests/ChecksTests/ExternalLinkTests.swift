import Checks
import Foundation
import Testing

/// `--external` against a server on the loopback interface, never the network: Python's
/// `http.server` serving a temporary folder on a port the system picks.
@Suite(
    "External links", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"))
)
struct ExternalLinkTests {
    @Test func headRequestsReportMissingPagesAndUnreachableHosts() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-external-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "here".write(
            to: folder.appendingPathComponent("here.html"), atomically: true, encoding: .utf8)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"]
        server.currentDirectoryURL = folder
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(
            line.split(separator: " ").drop { $0 != "port" }.dropFirst().first)

        let base = "http://127.0.0.1:\(port)/"
        let links = [
            ExternalLink(url: base + "here.html", file: "a.md", line: 1, column: 1),
            ExternalLink(url: base + "missing.html", file: "b.md", line: 2, column: 3),
            ExternalLink(url: "http://127.0.0.1:1/", file: "c.md", line: 4, column: 5),
        ]
        let findings = await ExternalLinkCheck.check(links, timeout: 5)
        #expect(findings.map(\.file) == ["b.md", "c.md"])
        #expect(
            findings.first?.message.hasSuffix("answered a HEAD request with status 404") == true)
        #expect(findings.last?.message.contains("could not be reached") == true)
        #expect(findings.allSatisfy { $0.kind == .externalLink && $0.severity == .warning })
    }
}
