internal import CCmarkGFM
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A note parsed by cmark-gfm: the one type that calls into C, and the owner of everything
/// cmark-gfm allocates for the note (the parser, the tree, nodes taken out of the tree).
///
/// **Lifetimes.** No node is freed before the tree itself. A node taken out of the tree is
/// kept, unlinked, until ``deinit``, because cmark-gfm stores the text of inline nodes
/// (raw HTML among them) as slices of their block's buffer: freeing a heading that was
/// replaced would free the text its former children still point into. So a ``Node`` the
/// tree handed out stays valid for the tree's whole life, and only for it.
final class CommonMarkTree {
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

    private let parser: OpaquePointer
    private let document: OpaquePointer
    private let options: Int32
    /// Nodes taken out of the tree, freed with it (see the type's documentation).
    private var detached: [OpaquePointer] = []

    /// Parses a note with the GFM extensions and footnotes; raw HTML is kept in the tree
    /// either way, and reaches the rendered HTML only when `allowsRawHTML` is set.
    init(parsing markdown: String, allowsRawHTML: Bool) throws(MarkdownError) {
        _ = Self.coreExtensionsRegistered
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { throw .parserUnavailable }
        for name in Self.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                cmark_parser_free(parser)
                throw .extensionUnavailable(name: name)
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var source = markdown
        var document: OpaquePointer?
        Self.parsing.withLock { _ in
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    cmark_parser_feed(parser, characters.baseAddress, characters.count)
                }
            }
            document = cmark_parser_finish(parser)
        }
        guard let document else {
            cmark_parser_free(parser)
            throw .parserUnavailable
        }
        (self.parser, self.document, self.options) = (parser, document, options)
    }

    deinit {
        cmark_node_free(document)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// The document node, root of the tree.
    var root: Node { Node(document) }

    /// The tree as HTML, with the same options and extensions it was parsed with.
    func renderHTML() throws(MarkdownError) -> String {
        guard
            let rendered = cmark_render_html(
                document, options, cmark_parser_get_syntax_extensions(parser))
        else { throw .renderingFailed }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    // MARK: Reading

    /// Calls `visit` for every node under `root` (and `root` itself) on entering it, in
    /// document order. `visit` may change a node's text but not the tree's shape.
    func walk(from root: Node, _ visit: (Node) -> Void) {
        guard let iterator = cmark_iter_new(root.pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                continue
            }
            visit(Node(node))
        }
    }

    /// The nodes of the tree of a kind, in document order; collected before any is changed,
    /// because cmark-gfm's iterator must not see the tree change under it.
    func nodes(where matches: (Node.Kind) -> Bool) -> [Node] {
        var found: [Node] = []
        walk(from: root) { node in
            if matches(node.kind) { found.append(node) }
        }
        return found
    }

    // MARK: Changing

    /// Sets the text of a text node.
    func setLiteral(_ text: String, of node: Node) {
        cmark_node_set_literal(node.pointer, text)
    }

    /// Sets the destination of a link or image.
    func setURL(_ url: String, of node: Node) {
        cmark_node_set_url(node.pointer, url)
    }

    /// Moves a node's children to just before it, then takes it out of the tree: a link
    /// or image becomes its text.
    func unwrap(_ node: Node) {
        while let child = cmark_node_first_child(node.pointer) {
            cmark_node_insert_before(node.pointer, child)
        }
        remove(node)
    }

    /// Takes a node, with its children, out of the tree.
    func remove(_ node: Node) {
        cmark_node_unlink(node.pointer)
        detached.append(node.pointer)
    }

    /// Replaces a block with a custom block whose only child is a custom inline written as
    /// `opening`, the block's own inlines, then `closing`: a heading with an `id`, which
    /// cmark-gfm's renderer cannot write.
    func replace(_ block: Node, withInlinesBetween opening: String, and closing: String) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline, opening)
        cmark_node_set_on_exit(inline, closing)
        cmark_node_append_child(custom, inline)
        while let child = cmark_node_first_child(block.pointer) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_replace(block.pointer, custom)
        detached.append(block.pointer)
    }
}

extension CommonMarkTree {
    /// A node of a ``CommonMarkTree``, valid while the tree lives.
    struct Node: Equatable {
        fileprivate let pointer: OpaquePointer

        fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

        /// What the passes need to tell apart; the extensions' own kinds (tables,
        /// strikethrough) are `otherBlock` or `otherInline`.
        enum Kind: Equatable {
            case heading, item, footnoteDefinition, htmlBlock, otherBlock
            case text, softBreak, lineBreak, code, htmlInline, footnoteReference, link, image
            case otherInline
        }

        /// What kind of node this is.
        var kind: Kind {
            let type = cmark_node_get_type(pointer)
            switch type {
            case CMARK_NODE_HEADING: return .heading
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock
            case CMARK_NODE_TEXT: return .text
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_CODE: return .code
            case CMARK_NODE_HTML_INLINE: return .htmlInline
            case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
            case CMARK_NODE_LINK: return .link
            case CMARK_NODE_IMAGE: return .image
            default:
                let isBlock =
                    type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
                return isBlock ? .otherBlock : .otherInline
            }
        }

        /// Whether the node is a block (as opposed to an inline).
        var isBlock: Bool {
            switch kind {
            case .heading, .item, .footnoteDefinition, .htmlBlock, .otherBlock: true
            default: false
            }
        }

        /// The text of a text, code or raw HTML node; empty for others.
        var literal: String { string(cmark_node_get_literal(pointer)) }

        /// The destination of a link or the source of an image.
        var url: String { string(cmark_node_get_url(pointer)) }

        /// A heading's level, 1 to 6.
        var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

        /// The node that contains this one.
        var parent: Node? { cmark_node_parent(pointer).map(Node.init) }

        /// Whether this node is its parent's only child.
        var isOnlyChild: Bool {
            guard let parent = cmark_node_parent(pointer) else { return false }
            return cmark_node_first_child(parent) == pointer
                && cmark_node_last_child(parent) == pointer
        }

        /// Where the node starts: its own line and column when cmark-gfm records them, else
        /// its nearest ancestor's; (1, 1) when none does.
        var position: (line: Int, column: Int) {
            var current: OpaquePointer? = pointer
            while let candidate = current {
                let line = Int(cmark_node_get_start_line(candidate))
                if line > 0 {
                    return (line, max(1, Int(cmark_node_get_start_column(candidate))))
                }
                current = cmark_node_parent(candidate)
            }
            return (1, 1)
        }

        /// Whether the node is a task list item (`- [ ]` or `- [x]`).
        var isTaskItem: Bool {
            kind == .item
                && cmark_node_get_type_string(pointer).map { String(cString: $0) } == "tasklist"
        }
    }
}

/// A Swift string from a C string owned by cmark-gfm; empty for `NULL`.
private func string(_ characters: UnsafePointer<CChar>?) -> String {
    characters.map { String(cString: $0) } ?? ""
}
