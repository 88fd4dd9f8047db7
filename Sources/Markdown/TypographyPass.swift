/// The typography pass: rewrites straight punctuation block by block. The inline content
/// of each paragraph, heading or table cell is read as one sequence of runs (see
/// ``InlineRun``), and only text nodes change.
enum TypographyPass {
    /// Applies a language's typography to every text node of the tree.
    static func run(_ typography: Typography, on tree: CommonMarkTree) {
        var runs: [InlineRun] = []
        var textNodes: [CommonMarkTree.Node?] = []

        func finishBlock() {
            defer {
                runs.removeAll(keepingCapacity: true)
                textNodes.removeAll(keepingCapacity: true)
            }
            guard textNodes.contains(where: { $0 != nil }) else { return }
            for (node, text) in zip(textNodes, typography.rewrite(runs)) {
                if let node, let text { tree.setLiteral(text, of: node) }
            }
        }

        tree.walk(from: tree.root) { node in
            if node.isBlock {
                finishBlock()
                return
            }
            guard let run = inlineRun(of: node) else { return }
            runs.append(run)
            if case .text = run { textNodes.append(node) } else { textNodes.append(nil) }
        }
        finishBlock()
    }

    /// How an inline node reads in its block's run of text; `nil` for nodes whose
    /// children carry their text (emphasis, links, images, strikethrough).
    private static func inlineRun(of node: CommonMarkTree.Node) -> InlineRun? {
        switch node.kind {
        case .text:
            let text = node.literal
            // An autolink shows its URL: keep it exact.
            return isAddressOfItsLink(text, node) ? .opaque : .text(text)
        case .softBreak, .lineBreak:
            return .lineBreak
        case .code, .htmlInline, .footnoteReference:
            return .opaque
        default:
            return nil
        }
    }

    /// Whether a text node is the whole text of a link that shows its own address, as
    /// autolinks (`www.example.com`, `<https://…>`, `press@example.com`) do.
    private static func isAddressOfItsLink(_ text: String, _ node: CommonMarkTree.Node) -> Bool {
        guard let link = node.parent, link.kind == .link, node.isOnlyChild else { return false }
        let url = link.url
        return url == text || url == "http://" + text || url == "mailto:" + text
    }
}
