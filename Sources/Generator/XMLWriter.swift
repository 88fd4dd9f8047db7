import Escaping

/// A small writer of XML documents (the sitemap, the feeds): every text and attribute
/// value goes through ``Escaping``, so no caller writes an entity by hand. Line breaks are
/// the caller's choice, written with ``newline()``.
struct XMLWriter {
    /// The document so far.
    private(set) var text = ""

    /// A document that starts with the XML declaration, in the encoding's spelling the
    /// format's examples use (`UTF-8` for sitemaps, `utf-8` for Atom).
    init(encodingName: String) {
        text = "<?xml version=\"1.0\" encoding=\"\(encodingName)\"?>\n"
    }

    /// `<name a="v">`.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributes(attributes))>"
    }

    /// `</name>`.
    mutating func end(_ name: String) {
        text += "</\(name)>"
    }

    /// `<name a="v"/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        text += "<\(name)\(Self.attributes(attributes))/>"
    }

    /// `<name a="v">text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        start(name, attributes)
        self.text += Escaping.xml(text)
        end(name)
    }

    /// A line break.
    mutating func newline() {
        text += "\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Escaping.xml($0.1))\"" }.joined()
    }
}
