import Foundation
import Testing

@testable import Preview

/// The preview served over HTTP, on a free loopback port, as a static host serves a site.
@Suite("Serving the site", .serialized)
struct ServingTests {
    @Test func servesUnderThePrefixWithTypesAndRedirects() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let root = try await sandbox.request("/")
        #expect(root.status == 301)
        #expect(root.headers["location"] == "/fixture/")
        #expect(try await sandbox.request("/fixture").headers["location"] == "/fixture/")
        let folder = try await sandbox.request("/fixture/en?from=test")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/fixture/en/")
        let types = [
            "/fixture/": "text/html; charset=utf-8",
            "/fixture/en/": "text/html; charset=utf-8",
            "/fixture/en/index.html": "text/html; charset=utf-8",
            "/fixture/assets/style.css": "text/css; charset=utf-8",
            "/fixture/assets/favicon.svg": "image/svg+xml; charset=utf-8",
            "/fixture/sitemap.xml": "application/xml; charset=utf-8",
            "/fixture/en/feed.xml": "application/xml; charset=utf-8",
            "/fixture/en/timeline.json": "application/json; charset=utf-8",
            "/fixture/robots.txt": "text/plain; charset=utf-8",
        ]
        for (target, type) in types {
            let response = try await sandbox.request(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
            #expect(response.headers["content-length"] == String(response.body.count))
        }
        #expect(try await sandbox.request("/fixture/en/", method: "POST").status == 405)
        let outside = try await sandbox.request("/elsewhere/page.html")
        #expect(outside.status == 404)
        #expect(outside.text.contains("<html lang=\"en\""))
    }

    @Test func injectsTheScriptIntoServedPagesOnly() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let page = try await sandbox.request("/fixture/en/founding.html")
        #expect(page.status == 200)
        #expect(page.text.contains("<script src=\"/__sitegen/live.js\" data-etag=\""))
        #expect(
            page.text.range(of: "live.js")!.lowerBound < page.text.range(of: "</body>")!.lowerBound)
        let onDisk = try String(
            contentsOf: sandbox.session.siteFolder.appendingPathComponent("en/founding.html"),
            encoding: .utf8)
        #expect(!onDisk.contains("__sitegen"))
        let style = try await sandbox.request("/fixture/assets/style.css")
        #expect(!style.text.contains("__sitegen"))
        let script = try await sandbox.request("/__sitegen/live.js")
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource"))
        #expect(!script.text.contains("innerHTML"))
    }

    @Test func answersMissingAddressesWithTheirLanguagesNotFoundPage() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        for (target, language) in [
            ("/fixture/el/missing.html", "el"), ("/fixture/ar/no/such/page", "ar"),
            ("/fixture/en/missing/", "en"), ("/fixture/xx/missing.html", "en"),
            ("/fixture/missing.html", "en"),
        ] {
            let response = try await sandbox.request(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.text.contains("<html lang=\"\(language)\""), "\(target)")
            #expect(response.text.contains("/__sitegen/live.js"))
        }
    }

    @Test func headGivesTheSameHeadersWithoutABody() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        for target in ["/fixture/en/", "/fixture/assets/style.css", "/fixture/el/missing"] {
            let get = try await sandbox.request(target)
            let head = try await sandbox.request(target, method: "HEAD")
            #expect(head.status == get.status)
            #expect(head.body.isEmpty)
            for name in ["content-type", "content-length", "etag", "last-modified"] {
                #expect(head.headers[name] == get.headers[name], "\(target) \(name)")
            }
        }
    }

    @Test func anUnchangedFileCostsA304() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        for target in ["/fixture/en/founding.html", "/fixture/assets/style.css"] {
            let first = try await sandbox.request(target)
            let tag = try #require(first.headers["etag"])
            let modified = try #require(first.headers["last-modified"])
            let again = try await sandbox.request(target, headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.headers["etag"] == tag)
            let listed = try await sandbox.request(
                target, headers: ["If-None-Match": "\"other\", \(tag)"])
            #expect(listed.status == 304)
            let since = try await sandbox.request(target, headers: ["If-Modified-Since": modified])
            #expect(since.status == 304)
            let other = try await sandbox.request(target, headers: ["If-None-Match": "\"other\""])
            #expect(other.status == 200)
            #expect(other.body.count == first.body.count && other.body == first.body)
        }
    }

    @Test func traversalNeverLeavesTheSite() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: sandbox.root.appendingPathComponent("secret.txt"))
        try Data(secret.utf8).write(to: sandbox.root.appendingPathComponent("tmp/secret.txt"))
        // A link inside the served folder that leads out of it.
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.session.siteFolder.appendingPathComponent("en/leak.txt").path,
            withDestinationPath: sandbox.root.appendingPathComponent("secret.txt").path)
        let attempts = [
            "/fixture/../secret.txt", "/fixture/../../secret.txt", "/../../../etc/passwd",
            "/fixture/%2e%2e/secret.txt", "/fixture/%2E%2E/%2e%2e/secret.txt",
            "/fixture/en/..%2f..%2fsecret.txt", "/fixture/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/fixture/..%5c..%5csecret.txt", "/fixture/en\\..\\..\\secret.txt",
            "/fixture/en/%00.html", "/fixture/en/founding.html%00.txt", "/fixture/./en/",
            "/fixture/en/leak.txt", "/fixture/%252e%252e/secret.txt", "fixture/en/",
            "/fixture/.sitegen-manifest", "/fixture/en/%",
        ]
        for target in attempts {
            let response = try await sandbox.request(target)
            #expect([400, 404].contains(response.status), "\(target): \(response.status)")
            #expect(!response.text.contains(secret), "\(target)")
        }
    }

    @Test func fiftyClientsAtOnce() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let expected = try await sandbox.request("/fixture/en/founding.html").body
        let targets = (0..<50).map {
            $0 % 2 == 0 ? "/fixture/en/founding.html" : "/fixture/el/missing.html"
        }
        let port = sandbox.port
        let results = await withTaskGroup(of: (Int, Int, Data).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask {
                    let response = try? await offThePool {
                        try RawResponse.fetch(target, method: "GET", headers: [:], port: port)
                    }
                    return (index, response?.status ?? 0, response?.body ?? Data())
                }
            }
            var all: [(Int, Int, Data)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 50)
        for (index, status, body) in results {
            if index % 2 == 0 {
                #expect(status == 200)
                #expect(body.count == expected.count && body == expected)
            } else {
                #expect(status == 404)
            }
        }
    }

    @Test func aBusyPortIsAClearError() async throws {
        let sandbox = try await Sandbox()
        defer { Task { await sandbox.close() } }
        let second = try PreviewSession(
            options: .init(
                content: sandbox.content, templates: sandbox.templates, port: sandbox.port,
                temporaryParent: sandbox.root.appendingPathComponent("tmp")),
            report: { _ in })
        await #expect {
            _ = try await second.start()
        } throws: { error in
            let text = "\(error)"
            return text.contains("port \(sandbox.port) on 127.0.0.1 is already in use")
                && text.contains("--port")
        }
        await second.stop()
        #expect(!FileManager.default.fileExists(atPath: second.temporaryFolder.path))
    }
}
