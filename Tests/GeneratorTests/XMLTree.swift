import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document read into a tree, to check generated files structurally. Reading fails
/// on anything that is not well-formed.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The direct children with a name.
    func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first direct child with a name.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Every element below this one, depth first, in document order.
    var descendants: [XMLElement] { children.flatMap { [$0] + $0.descendants } }

    struct NotWellFormed: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses a document; namespaces are resolved, so names are local names.
    static func parse(_ text: String) throws -> XMLElement {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NotWellFormed(
                description:
                    "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []
        /// Namespace of each element, by element, for the tests that care.
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            var attributes = attributes
            if let namespaceURI { attributes["xmlns:uri"] = namespaceURI }
            let element = XMLElement(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }
        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName: String?
        ) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
