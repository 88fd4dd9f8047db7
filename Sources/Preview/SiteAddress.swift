import Foundation

/// Where a request's target leads in the served site, decided the way a static host decides
/// it, before any file is read: under the site's path prefix, folders answered by their
/// `index.html`, and nothing that could leave the folder.
enum SiteAddress: Sendable, Equatable {
    /// A file, by its path relative to the site's root (`en/index.html`).
    case file(String)
    /// A path that names a folder without its final `/` (or the site's root without it):
    /// the address to send the browser to.
    case redirect(String)
    /// Nothing is there; the first segment of the path under the prefix, if any, picks the
    /// 404 page's language.
    case missing(firstSegment: String?)
    /// A target no static host would serve: not a path, bad percent-encoding, or a segment
    /// that is `.` or `..` or hides a `/`, `\`, NUL or control character once decoded.
    case malformed

    /// Where `target` (the request line's target, percent-encoded, with any query) leads in a
    /// site served under `prefix` (`/` or `/meta-scale-ai/`: a leading and a final `/`).
    /// `entry` says what is at a path relative to the root.
    static func resolve(
        _ target: String, prefix: String, entry: (String) -> SiteEntry
    ) -> SiteAddress {
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/"), let segments = decodedSegments(path.dropFirst()) else {
            return .malformed
        }
        let decoded = "/" + segments.joined(separator: "/")
        if prefix != "/", decoded + "/" == prefix || decoded == "/" {
            return .redirect(prefix)
        }
        guard decoded.hasPrefix(prefix) else { return .missing(firstSegment: nil) }
        let inside = Array(segments.dropFirst(prefix.split(separator: "/").count))
        let relative = inside.filter { !$0.isEmpty }.joined(separator: "/")
        let first = inside.first.flatMap { $0.isEmpty ? nil : $0 }
        // sitegen's own files (`.sitegen-manifest`) are not part of the site.
        if inside.contains(where: { $0.hasPrefix(".") }) { return .missing(firstSegment: first) }
        if inside.isEmpty || inside.last == "" {
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            return entry(index) == .file ? .file(index) : .missing(firstSegment: first)
        }
        switch entry(relative) {
        case .file: return .file(relative)
        case .folder: return .redirect(path + "/")
        case .missing: return .missing(firstSegment: first)
        }
    }

    /// The path's segments, percent-decoded (empty ones kept, so a final `/` shows as a final
    /// ""), or `nil` when one is unsafe or the encoding is broken.
    private static func decodedSegments(_ path: Substring) -> [String]? {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            if raw.contains("\\") { return nil }
            guard let segment = String(raw).removingPercentEncoding,
                segment != ".", segment != "..",
                !segment.unicodeScalars.contains(where: {
                    $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
                })
            else { return nil }
            segments.append(segment)
        }
        return segments
    }
}
