/// The safety pass: takes out of the tree what must not reach a page, and says what it
/// took and where.
///
/// Links and images whose destination is not on ``LinkSafety``'s allow-list are unwrapped
/// (their text stays, the destination goes); raw HTML blocks and inline tags are removed
/// unless raw HTML is allowed, rather than left to cmark-gfm, which would write a
/// placeholder comment in their place.
enum SafetyPass {
    /// Makes the tree safe and returns what was left out, in document order.
    static func run(
        on tree: CommonMarkTree, allowsRawHTML: Bool, eventLinks: [String: String]? = nil
    ) -> [Omission] {
        var omissions = removeUnsafeDestinations(in: tree, eventLinks: eventLinks)
        if !allowsRawHTML {
            omissions += removeRawHTML(in: tree)
        }
        omissions.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return omissions
    }

    /// Unwraps links and images whose destination is not on the allow-list; resolves
    /// `event:SLUG` links through `eventLinks`, unwrapping those that name no event.
    private static func removeUnsafeDestinations(
        in tree: CommonMarkTree, eventLinks: [String: String]?
    ) -> [Omission] {
        var omissions: [Omission] = []
        for node in tree.nodes(where: { $0 == .link || $0 == .image }) {
            let destination = node.url
            let isImage = node.kind == .image
            var kind: Omission.Kind = isImage ? .unsafeImage : .unsafeLink
            if !isImage, let eventLinks, let event = LinkSafety.eventSlug(in: destination) {
                if let target = eventLinks[event.slug] {
                    tree.setURL(target + event.fragment, of: node)
                    continue
                }
                kind = .unknownEvent
            } else {
                let isSafe =
                    isImage
                    ? LinkSafety.isSafeImage(destination) : LinkSafety.isSafeLink(destination)
                guard !isSafe else { continue }
            }
            omissions.append(Omission(kind: kind, at: node.position, content: destination))
            tree.unwrap(node)
        }
        return omissions
    }

    /// Every link and image destination as written, with its position, in document order.
    static func links(in tree: CommonMarkTree) -> [LinkReference] {
        tree.nodes(where: { $0 == .link || $0 == .image }).map { node in
            LinkReference(
                destination: node.url, isImage: node.kind == .image, line: node.position.line,
                column: node.position.column)
        }
    }

    /// Removes raw HTML blocks and inline tags.
    private static func removeRawHTML(in tree: CommonMarkTree) -> [Omission] {
        tree.nodes(where: { $0 == .htmlBlock || $0 == .htmlInline }).map { node in
            let omission = Omission(
                kind: .rawHTML, at: node.position,
                content: node.literal.trimmingTrailingNewlines())
            tree.remove(node)
            return omission
        }
    }
}

extension Omission {
    /// Creates an omission at a node's position.
    fileprivate init(kind: Kind, at position: (line: Int, column: Int), content: String) {
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
