/// The heading pass: gives every heading an `id` (see ``HeadingAnchors``). cmark-gfm's
/// renderer writes bare `<hN>` tags, so each heading is replaced by a custom block whose
/// custom inline writes `<hN id="…">` and `</hN>` around the heading's own inlines.
enum HeadingPass {
    /// Gives the tree's headings ids and returns them in document order.
    static func run(on tree: CommonMarkTree) -> [Heading] {
        var anchors = HeadingAnchors()
        return tree.nodes(where: { $0 == .heading }).map { heading in
            let level = heading.headingLevel
            let text = plainText(of: heading, in: tree)
            // An id holds only letters, marks, digits, `_` and `-`, so it needs no escaping.
            let id = anchors.id(for: text)
            tree.replace(
                heading, withInlinesBetween: "<h\(level) id=\"\(id)\">", and: "</h\(level)>")
            return Heading(level: level, text: text, id: id)
        }
    }

    /// The text of a node's descendants, without markup.
    private static func plainText(of node: CommonMarkTree.Node, in tree: CommonMarkTree) -> String {
        var text = ""
        tree.walk(from: node) { descendant in
            switch descendant.kind {
            case .text, .code: text += descendant.literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }
}
