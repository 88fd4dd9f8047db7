internal import CCmarkGFM
import Glibc
import Synchronization

/// Every call this package makes into cmark-gfm, behind one function: Markdown in, a
/// ``RenderedNote`` out. The rest of the module is plain Swift.
///
/// The steps: register the core extensions once; make a parser and attach the GFM
/// extensions by name; parse; make the tree safe (raw HTML and unsafe destinations out);
/// apply typography to the text; give headings ids; render; free everything.
enum CommonMarkDocument {
    /// The GitHub Flavored Markdown extensions every note is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's core extensions. Debian's build has no once-guard around
    /// registration; a Swift `static let` is initialised exactly once, even when many
    /// threads reach it together.
    private static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises parsing. cmark-gfm keeps the extensions' special inline characters
    /// (`~`, `w`, `:` and others) in a table shared by the whole process: every parser adds
    /// them when it starts parsing inlines and removes them when it finishes, so a parser
    /// finishing on one thread would switch strikethrough and autolinks off for a parser
    /// running on another. Rendering and the tree passes run in parallel; only parsing waits.
    private static let parsing = Mutex(())

    /// Parses, cleans, decorates and renders one note.
    static func render(
        _ markdown: String, options: MarkdownRenderer.Options
    ) throws(MarkdownError) -> RenderedNote {
        _ = coreExtensionsRegistered
        var cmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if options.allowsRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(cmarkOptions) else { throw .parserUnavailable }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                throw .extensionUnavailable(name: name)
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }

        var source = markdown
        var document: OpaquePointer?
        parsing.withLock { _ in
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    cmark_parser_feed(parser, characters.baseAddress, characters.count)
                }
            }
            document = cmark_parser_finish(parser)
        }
        guard let document else { throw .parserUnavailable }
        defer { cmark_node_free(document) }

        let links = linkReferences(in: document)
        var omissions = removeUnsafeDestinations(in: document, eventLinks: options.eventLinks)
        if !options.allowsRawHTML {
            omissions += removeRawHTML(in: document)
        }
        omissions.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        if let typography = options.typography {
            apply(typography, to: document)
        }
        let headings = anchorHeadings(in: document)
        // What the HTML needs touching up for, read off the tree (cheaper than searching it).
        var hasTaskItems = false
        var hasFootnotes = false
        walk(document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_FOOTNOTE_DEFINITION: hasFootnotes = true
            case CMARK_NODE_ITEM:
                if let name = cmark_node_get_type_string(node), String(cString: name) == "tasklist"
                {
                    hasTaskItems = true
                }
            default: break
            }
        }

        guard
            let rendered = cmark_render_html(
                document, cmarkOptions, cmark_parser_get_syntax_extensions(parser))
        else { throw .renderingFailed }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // cmark-gfm puts the footnotes, always last, in a <section> without a heading, which
        // the HTML checker warns about; a <div> carries them as well.
        // A task list's disabled checkboxes are form controls with no label (an
        // accessibility failure); a ballot-box character says the same, in any language.
        if hasTaskItems {
            html = replacingEvery(
                "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                with: "<span class=\"task task-done\">\u{2611}</span>", in: html)
            html = replacingEvery(
                "<input type=\"checkbox\" disabled=\"\" />",
                with: "<span class=\"task\">\u{2610}</span>", in: html)
        }
        if hasFootnotes {
            html = touchUpFootnotes(in: html, backlinkLabel: options.footnoteBacklinkLabel)
        }
        return RenderedNote(html: html, headings: headings, omissions: omissions, links: links)
    }

    /// The footnotes, which cmark-gfm always puts last: in a `<div>` rather than a
    /// `<section>` without a heading (which the HTML checker warns about), with the
    /// back-links labelled in the note's language. Only the footnotes are searched.
    private static func touchUpFootnotes(in html: String, backlinkLabel: String) -> String {
        let opening = Array("<section class=\"footnotes\" data-footnotes>\n".utf8)
        let closing = "</section>\n"
        guard html.hasSuffix(closing) else { return html }
        let bytes = Array(html.utf8)
        var start = bytes.count - opening.count
        while start >= 0, !bytes[start..<(start + opening.count)].elementsEqual(opening) {
            start -= 1
        }
        guard start >= 0 else { return html }
        var footnotes = String(
            decoding: bytes[(start + opening.count)..<(bytes.count - closing.utf8.count)],
            as: UTF8.self)
        if backlinkLabel != defaultBacklinkLabel {
            footnotes = replacingEvery(
                "aria-label=\"\(defaultBacklinkLabel)\"",
                with: "aria-label=\"\(escapedAttribute(backlinkLabel))\"", in: footnotes)
        }
        return String(decoding: bytes[..<start], as: UTF8.self)
            + "<div class=\"footnotes\" data-footnotes>\n" + footnotes + "</div>\n"
    }

    /// `text` with every occurrence of `target` replaced, compared byte by byte (the
    /// standard library's `replacing` costs more than rendering the note).
    private static func replacingEvery(
        _ target: String, with replacement: String, in text: String
    ) -> String {
        let pattern = Array(target.utf8)
        guard pattern.count > 1 else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Compare the last byte of a candidate first: '<' starts every tag, but few
            // candidates end like the pattern.
            let (first, last, count) = (pattern[0], pattern[pattern.count - 1], pattern.count)
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + count <= bytes.count {
                if bytes[index + count - 1] == last, bytes[index] == first,
                    pattern.withUnsafeBufferPointer({ pattern in
                        var offset = 1
                        while offset < count - 1, bytes[index + offset] == pattern[offset] {
                            offset += 1
                        }
                        return offset >= count - 1
                    })
                {
                    output.append(contentsOf: bytes[copied..<index])
                    output.append(contentsOf: replacement.utf8)
                    index += count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The label cmark-gfm gives footnote back-links.
    private static let defaultBacklinkLabel = "Back to content"

    // MARK: Safety

    /// Unwraps links and images whose destination is not on the allow-list: their text
    /// stays, the destination goes.
    private static func removeUnsafeDestinations(
        in document: OpaquePointer, eventLinks: [String: String]?
    ) -> [Omission] {
        var omissions: [Omission] = []
        for node in nodes(in: document, where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE })
        {
            let destination = string(cmark_node_get_url(node))
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            var kind: Omission.Kind = isImage ? .unsafeImage : .unsafeLink
            if !isImage, let eventLinks, let slug = LinkSafety.eventSlug(in: destination) {
                if let target = eventLinks[slug.slug] {
                    cmark_node_set_url(node, target + slug.fragment)
                    continue
                }
                kind = .unknownEvent
            } else {
                let isSafe =
                    isImage
                    ? LinkSafety.isSafeImage(destination) : LinkSafety.isSafeLink(destination)
                guard !isSafe else { continue }
            }
            omissions.append(
                Omission(kind: kind, position: position(of: node), content: destination))
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
        return omissions
    }

    /// Every link and image destination, as written, with its position.
    private static func linkReferences(in document: OpaquePointer) -> [LinkReference] {
        nodes(in: document) { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }.map { node in
            let (line, column) = position(of: node)
            return LinkReference(
                destination: string(cmark_node_get_url(node)),
                isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, line: line, column: column)
        }
    }

    /// Removes raw HTML blocks and inline tags, which cmark-gfm would otherwise replace
    /// with a placeholder comment.
    private static func removeRawHTML(in document: OpaquePointer) -> [Omission] {
        let html = nodes(in: document) {
            $0 == CMARK_NODE_HTML_BLOCK || $0 == CMARK_NODE_HTML_INLINE
        }
        return html.map { node in
            let omission = Omission(
                kind: .rawHTML, position: position(of: node),
                content: string(cmark_node_get_literal(node)).trimmingTrailingNewlines())
            cmark_node_free(node)
            return omission
        }
    }

    // MARK: Typography

    /// Rewrites straight punctuation block by block: the inline content of each paragraph,
    /// heading or table cell is read as one run of text, and only text nodes change.
    private static func apply(_ typography: Typography, to document: OpaquePointer) {
        var runs: [InlineRun] = []
        var textNodes: [OpaquePointer?] = []

        func finishBlock() {
            defer {
                runs.removeAll(keepingCapacity: true)
                textNodes.removeAll(keepingCapacity: true)
            }
            guard textNodes.contains(where: { $0 != nil }) else { return }
            for (node, text) in zip(textNodes, typography.rewrite(runs)) {
                if let node, let text { cmark_node_set_literal(node, text) }
            }
        }

        walk(document) { node in
            let type = cmark_node_get_type(node)
            if isBlock(type) {
                finishBlock()
                return
            }
            switch type {
            case CMARK_NODE_TEXT:
                let text = string(cmark_node_get_literal(node))
                if isAddressOfItsLink(text, node) {
                    runs.append(.opaque)  // an autolink shows its URL: keep it exact
                    textNodes.append(nil)
                } else {
                    runs.append(.text(text))
                    textNodes.append(node)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                runs.append(.lineBreak)
                textNodes.append(nil)
            case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
                runs.append(.opaque)
                textNodes.append(nil)
            default:
                break  // emphasis, links, images, strikethrough: their text flows through
            }
        }
        finishBlock()
    }

    /// Whether a text node is the whole text of a link that shows its own address, as
    /// autolinks (`www.example.com`, `<https://…>`, `press@example.com`) do.
    private static func isAddressOfItsLink(_ text: String, _ node: OpaquePointer) -> Bool {
        guard let link = cmark_node_parent(node), cmark_node_get_type(link) == CMARK_NODE_LINK,
            cmark_node_first_child(link) == node, cmark_node_last_child(link) == node
        else { return false }
        let url = string(cmark_node_get_url(link))
        return url == text || url == "http://" + text || url == "mailto:" + text
    }

    // MARK: Headings

    /// Gives every heading an id. cmark-gfm's renderer writes bare `<hN>` tags, so each
    /// heading is replaced by a custom block holding a custom inline whose opening and
    /// closing literals are the tags with the id, around the heading's own inlines.
    private static func anchorHeadings(in document: OpaquePointer) -> [Heading] {
        var anchors = HeadingAnchors()
        return nodes(in: document, where: { $0 == CMARK_NODE_HEADING }).map { heading in
            let level = Int(cmark_node_get_heading_level(heading))
            let text = plainText(of: heading)
            let id = anchors.id(for: text)

            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(inline, "<h\(level) id=\"\(escapedAttribute(id))\">")
            cmark_node_set_on_exit(inline, "</h\(level)>")
            cmark_node_append_child(block, inline)
            while let child = cmark_node_first_child(heading) {
                cmark_node_append_child(inline, child)
            }
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
            return Heading(level: level, text: text, id: id)
        }
    }

    /// The text of a node's descendants, without markup.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { descendant in
            switch cmark_node_get_type(descendant) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(descendant))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    // MARK: Tree helpers

    /// Calls `visit` for every node under `root` (and `root` itself) on entering it, in
    /// document order. `visit` may change a node's literal but not the tree's shape.
    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                continue
            }
            visit(node)
        }
    }

    /// The nodes under `root` whose type matches, in document order; collected before any
    /// is changed, because cmark-gfm's iterator must not see the tree change under it.
    private static func nodes(
        in root: OpaquePointer, where matches: (cmark_node_type) -> Bool
    ) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        walk(root) { node in
            if matches(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    /// Whether a node type is a block (as opposed to an inline).
    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    /// Where a node starts: its own line and column when cmark-gfm records them, else
    /// its nearest ancestor's.
    private static func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, max(1, Int(cmark_node_get_start_column(candidate)))) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }

    /// A Swift string from a C string owned by cmark-gfm; empty for `NULL`.
    private static func string(_ characters: UnsafePointer<CChar>?) -> String {
        characters.map { String(cString: $0) } ?? ""
    }

    /// Text escaped for a double-quoted HTML attribute.
    private static func escapedAttribute(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Omission {
    /// Creates an omission at a node's position.
    fileprivate init(kind: Kind, position: (line: Int, column: Int), content: String) {
        self.init(kind: kind, line: position.line, column: position.column, content: content)
    }
}

extension String {
    /// The string without the newlines cmark-gfm keeps at the end of a raw HTML block.
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        while let last = result.last, last.isNewline { result.removeLast() }
        return String(result)
    }
}
