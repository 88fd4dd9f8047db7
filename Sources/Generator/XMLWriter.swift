import Escaping
import Foundation

/// A small writer of XML documents (the sitemap, the feeds): every text and attribute
/// value goes through ``Escaping``, so no caller writes an entity by hand. Line breaks are
/// the caller's choice, written with ``newline()``.
///
/// The document grows as UTF-8 bytes, values escaped straight into it: a sitemap lists
/// every page with its versions in every language, and growing a string piece by piece
/// cost a build several percent of its time.
struct XMLWriter {
    /// The document so far, in UTF-8.
    private var bytes: [UInt8] = []

    /// The document so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The document so far, as the bytes of a file.
    var data: Data { Data(bytes) }

    /// A document that starts with the XML declaration, in the encoding's spelling the
    /// format's examples use (`UTF-8` for sitemaps, `utf-8` for Atom).
    init(encodingName: String) {
        bytes.reserveCapacity(1 << 16)
        append("<?xml version=\"1.0\" encoding=\"\(encodingName)\"?>\n")
    }

    /// `<name a="v">`.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        append("<" + name)
        append(attributes)
        append(">")
    }

    /// `</name>`.
    mutating func end(_ name: String) {
        append("</" + name + ">")
    }

    /// `<name a="v"/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        append("<" + name)
        append(attributes)
        append("/>")
    }

    /// `<name a="v">text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        start(name, attributes)
        Escaping.append(text, for: .xml, to: &bytes)
        end(name)
    }

    /// A line break.
    mutating func newline() {
        bytes.append(0x0A)
    }

    /// Markup, as it is.
    private mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// ` a="v"` for each attribute, its value escaped.
    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            append(" " + name + "=\"")
            Escaping.append(value, for: .xml, to: &bytes)
            append("\"")
        }
    }
}
