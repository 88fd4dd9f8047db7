import Foundation

/// A request, as much of it as a static host reads.
struct HostRequest: Sendable {
    /// `GET`, `HEAD`, …
    var method: String
    /// The target as the request line gives it, percent-encoded, with any query.
    var target: String
    /// The `If-None-Match` header, if any.
    var ifNoneMatch: String? = nil
    /// The `If-Modified-Since` header, if any.
    var ifModifiedSince: String? = nil
}

/// A response before it is sent: status, headers in order, body.
struct HostReply: Sendable {
    /// The status code.
    var status: Int
    /// The headers, in the order they are sent.
    var headers: [(name: String, value: String)]
    /// The body; empty for HEAD and 304 (whose headers still describe the full body).
    var body: Data

    /// The first value of a header, by name in any case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The served site answered as a static host answers: the path prefix, `index.html` for
/// folders, a redirect from `/folder` to `/folder/`, each language's 404 page with status 404,
/// HEAD, entity tags and `Last-Modified` with 304s, and no way out of the folder. Each HTML
/// page gets the live-reload script, in the response only.
struct StaticHost: Sendable {
    /// The served folder.
    var files: SiteFiles
    /// The path the site lives under: `/`, or `base_url`'s path such as `/meta-scale-ai/`.
    var prefix: String
    /// Adds the live-reload script to an HTML page; `nil` serves pages as they are.
    var liveReload: (@Sendable (_ html: Data, _ entityTag: String) -> Data)?

    /// The reply to a request; to HEAD, the same headers with no body.
    func reply(to request: HostRequest) -> HostReply {
        var reply = answer(request)
        if request.method == "HEAD" { reply.body = Data() }
        return reply
    }

    private func answer(_ request: HostRequest) -> HostReply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return Self.text(405, "Only GET and HEAD are served.", extra: [("Allow", "GET, HEAD")])
        }
        switch SiteAddress.resolve(request.target, prefix: prefix, entry: files.entry(at:)) {
        case .malformed:
            return Self.text(400, "Bad request: this address cannot name a file of the site.")
        case .redirect(let location):
            return Self.text(301, "Moved to \(location)", extra: [("Location", location)])
        case .file(let path):
            guard let file = files.file(at: path) else { return notFound(request, language: nil) }
            return reply(request, status: 200, file: file, path: path)
        case .missing(let segment):
            return notFound(request, language: segment)
        }
    }

    /// The site file a request's page comes from, as the served copy's live-reload script
    /// names it: the file, or the 404 page served in its place.
    func servedFile(for target: String) -> String? {
        switch SiteAddress.resolve(target, prefix: prefix, entry: files.entry(at:)) {
        case .file(let path): path
        case .missing(let segment): notFoundPage(language: segment)
        case .redirect, .malformed: nil
        }
    }

    /// The 404 page in the language the path's first segment names, if the site has one,
    /// else the default language's at the root.
    private func notFoundPage(language: String?) -> String? {
        if let language, !language.contains("."),
            files.entry(at: language + "/404.html") == .file
        {
            return language + "/404.html"
        }
        return files.entry(at: "404.html") == .file ? "404.html" : nil
    }

    private func notFound(_ request: HostRequest, language: String?) -> HostReply {
        guard let page = notFoundPage(language: language), let file = files.file(at: page) else {
            let html = Data(
                "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><p>Not found.</p></html>"
                    .utf8)
            var reply = HostReply(
                status: 404, headers: [("Content-Type", MediaType.of("404.html"))], body: html)
            if let liveReload { reply.body = liveReload(html, "") }
            reply.headers.append(("Content-Length", String(reply.body.count)))
            return reply
        }
        return reply(request, status: 404, file: file, path: page)
    }

    private func reply(_ request: HostRequest, status: Int, file: SiteFile, path: String)
        -> HostReply
    {
        let type = MediaType.of(path)
        var body = file.contents
        if type.hasPrefix("text/html"), let liveReload { body = liveReload(body, file.entityTag) }
        let headers: [(name: String, value: String)] = [
            ("Content-Type", type), ("Content-Length", String(body.count)),
            ("ETag", file.entityTag), ("Last-Modified", HTTPDate.text(file.modified)),
            ("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff"),
        ]
        if status == 200, isNotModified(request, file) {
            return HostReply(status: 304, headers: headers, body: Data())
        }
        return HostReply(status: status, headers: headers, body: body)
    }

    /// RFC 9110's rule: `If-None-Match` when given (a list of tags, or `*`), else
    /// `If-Modified-Since`.
    private func isNotModified(_ request: HostRequest, _ file: SiteFile) -> Bool {
        if let tags = request.ifNoneMatch {
            return tags.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == file.entityTag || tag == "W/" + file.entityTag
            }
        }
        if let since = request.ifModifiedSince.flatMap(HTTPDate.seconds) {
            return file.modified <= since
        }
        return false
    }

    private static func text(
        _ status: Int, _ message: String, extra: [(name: String, value: String)] = []
    ) -> HostReply {
        let body = Data((message + "\n").utf8)
        return HostReply(
            status: status,
            headers: [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", String(body.count)),
            ] + extra, body: body)
    }
}
