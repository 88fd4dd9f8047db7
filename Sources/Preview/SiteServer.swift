import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The HTTP side of the preview, on FlyingFox: the live-reload script and event stream at
/// `/__sitegen/`, everything else answered by the ``StaticHost``.
final class SiteServer: HTTPHandler {
    private let host: Mutex<StaticHost>
    /// The pages listening for rebuilds.
    let live = LiveReload()

    /// A server for the site in `folder`, under `prefix`.
    init(folder: String, prefix: String) {
        host = Mutex(
            StaticHost(
                files: SiteFiles(root: folder), prefix: prefix,
                liveReload: { LiveScript.inject(into: $0, entityTag: $1) }))
    }

    /// The host as it is now.
    var staticHost: StaticHost { host.withLock { $0 } }

    /// Serves the site under another prefix (after `base_url` changed).
    func setPrefix(_ prefix: String) { host.withLock { $0.prefix = prefix } }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.target.path()
        if path == LiveScript.scriptPath {
            return script(request)
        }
        if path == LiveScript.eventsPath, request.method == .GET {
            return events(request)
        }
        let host = staticHost
        let reply = host.reply(
            to: HostRequest(
                method: request.method.rawValue, target: request.target.rawValue,
                ifNoneMatch: request.headers[HTTPHeader("If-None-Match")],
                ifModifiedSince: request.headers[HTTPHeader("If-Modified-Since")]))
        var headers = HTTPHeaders()
        for (name, value) in reply.headers { headers.addValue(value, for: HTTPHeader(name)) }
        return HTTPResponse(
            statusCode: HTTPStatusCode(reply.status, phrase: Self.phrase(reply.status)),
            headers: headers, body: reply.body)
    }

    private func script(_ request: HTTPRequest) -> HTTPResponse {
        let body = Data(LiveScript.source.utf8)
        let headers: HTTPHeaders = [
            .contentType: "text/javascript; charset=utf-8",
            .contentLength: String(body.count), HTTPHeader("Cache-Control"): "no-cache",
        ]
        return HTTPResponse(
            statusCode: .ok, headers: headers, body: request.method == .HEAD ? Data() : body)
    }

    private func events(_ request: HTTPRequest) -> HTTPResponse {
        let page = request.query.first { $0.name == "path" }?.value ?? "/"
        let tag = request.query.first { $0.name == "etag" }?.value ?? ""
        let host = staticHost
        let file = host.servedFile(for: Self.percentEncoded(page))
        let current = file.flatMap { host.files.file(at: $0)?.entityTag }
        let (stream, id) = live.listen(
            target: Self.percentEncoded(page), file: file, servedTag: tag, currentTag: current)
        let live = self.live
        let headers: HTTPHeaders = [
            .contentType: "text/event-stream; charset=utf-8",
            HTTPHeader("Cache-Control"): "no-cache",
        ]
        return HTTPResponse(
            statusCode: .ok, headers: headers,
            body: HTTPBodySequence(
                from: EventBytes(events: stream, ending: .init { live.stopListening(id) })))
    }

    /// A page's path as the browser's `location.pathname` gives it comes back decoded from
    /// the query; encoded again the way a request line carries it.
    private static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Status"
        }
    }
}
