import Escaping
import Foundation

/// The live-reload script and how it goes into a served page: a `<script>` element before
/// `</body>`, loading the script from the preview's own address, so that a page whose
/// Content-Security-Policy allows scripts and connections from `'self'` runs it. When a page
/// sets a policy in a `<meta>` element, the served copy's policy gets `'self'` added to
/// `script-src` and `connect-src` (or to what `default-src` gives them); the files on disk are
/// never changed.
enum LiveScript {
    /// Where the script is served, outside any site path.
    static let scriptPath = "/__sitegen/live.js"
    /// Where the page listens for rebuilds (Server-Sent Events).
    static let eventsPath = "/__sitegen/events"

    /// The script: listens for `reload`, `built` and `failed` events; the overlay it shows is
    /// built with `textContent`, so an error's text is never read as HTML.
    static let source = """
        (() => {
          "use strict";
          const tag = document.currentScript ? document.currentScript.dataset.etag || "" : "";
          const query = "?path=" + encodeURIComponent(location.pathname) +
            "&etag=" + encodeURIComponent(tag);
          const events = new EventSource("\(eventsPath)" + query);
          let overlay = null;
          const hide = () => { if (overlay) { overlay.remove(); overlay = null; } };
          const show = (errors) => {
            hide();
            overlay = document.createElement("div");
            overlay.id = "sitegen-overlay";
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("dir", "ltr");
            Object.assign(overlay.style, {
              position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
              background: "rgba(24, 24, 24, 0.96)", color: "#fafafa", padding: "1.5rem",
              font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace", textAlign: "left"
            });
            const title = document.createElement("p");
            title.textContent = "sitegen: the build failed. This page is the last good build.";
            Object.assign(title.style, { fontWeight: "bold", margin: "0 0 1rem", color: "#ff8a80" });
            const list = document.createElement("pre");
            list.textContent = errors.join("\\n");
            Object.assign(list.style, { whiteSpace: "pre-wrap", margin: "0", unicodeBidi: "plaintext" });
            overlay.append(title, list);
            document.body.append(overlay);
          };
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("built", hide);
          events.addEventListener("failed", (event) => show(JSON.parse(event.data).errors));
        })();

        """

    /// The page with the script added before its last `</body>` (or at its end), and its
    /// Content-Security-Policy `<meta>`, if any, opened to the script.
    static func inject(into html: Data, entityTag: String) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        text = allowingScript(in: text)
        let element =
            "<script src=\"\(scriptPath)\" data-etag=\"\(Escaping.html(entityTag))\"></script>\n"
        if let end = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            text.insert(contentsOf: element, at: end.lowerBound)
        } else {
            text += element
        }
        return Data(text.utf8)
    }

    /// The page with the `content` of each `<meta http-equiv="Content-Security-Policy">`
    /// rewritten by ``allowingSelf(_:)``.
    static func allowingScript(in html: String) -> String {
        var result = html
        var searchFrom = result.startIndex
        while let meta = result.range(
            of: "<meta", options: .caseInsensitive, range: searchFrom..<result.endIndex),
            let close = result.range(of: ">", range: meta.upperBound..<result.endIndex)
        {
            let tag = result[meta.lowerBound..<close.upperBound]
            searchFrom = close.upperBound
            guard tag.range(of: "content-security-policy", options: .caseInsensitive) != nil,
                let content = tag.range(of: "content=\"", options: .caseInsensitive),
                let end = tag[content.upperBound...].firstIndex(of: "\"")
            else { continue }
            let policy = unescaped(String(tag[content.upperBound..<end]))
            let rewritten = Escaping.html(allowingSelf(policy))
            let offset = result.distance(from: result.startIndex, to: content.upperBound)
            result.replaceSubrange(content.upperBound..<end, with: rewritten)
            let endOfTag = result.index(result.startIndex, offsetBy: offset + rewritten.count)
            searchFrom = result[endOfTag...].firstIndex(of: ">") ?? result.endIndex
        }
        return result
    }

    /// A policy with `'self'` allowed for scripts and connections: added to `script-src` and
    /// `connect-src` where they are given, and where they are not but `default-src` is, a
    /// `script-src` or `connect-src` made from `default-src` plus `'self'`.
    static func allowingSelf(_ policy: String) -> String {
        var directives = policy.split(separator: ";").map {
            $0.split(whereSeparator: \.isWhitespace).map(String.init)
        }.filter { !$0.isEmpty }
        let fallback = directives.first { $0[0].lowercased() == "default-src" }
        for name in ["script-src", "connect-src"] {
            if let index = directives.firstIndex(where: { $0[0].lowercased() == name }) {
                directives[index] = opened(directives[index])
            } else if let fallback {
                directives.append(opened([name] + fallback.dropFirst()))
            }
        }
        return directives.map { $0.joined(separator: " ") }.joined(separator: "; ")
    }

    private static func opened(_ directive: [String]) -> [String] {
        let sources = directive.dropFirst().filter { $0.lowercased() != "'none'" }
        return sources.contains { $0.lowercased() == "'self'" }
            ? [directive[0]] + sources : [directive[0]] + sources + ["'self'"]
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
