import Escaping

/// The two changes made to cmark-gfm's HTML rather than to the tree, because the markup
/// is written by the renderer itself and no node holds it: task list checkboxes, and the
/// footnotes section. Both look only for the exact strings cmark-gfm writes.
enum HTMLTouchUps {
    /// A task list's disabled checkboxes are form controls with no label (an accessibility
    /// failure); a ballot-box character says the same, in any language.
    static func replacingTaskCheckboxes(in html: String) -> String {
        var html = replacingEvery(
            "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
            with: "<span class=\"task task-done\">\u{2611}</span>", in: html)
        html = replacingEvery(
            "<input type=\"checkbox\" disabled=\"\" />",
            with: "<span class=\"task\">\u{2610}</span>", in: html)
        return html
    }

    /// The footnotes, which cmark-gfm always puts last: in a `<div>` rather than a
    /// `<section>` without a heading (which the HTML checker warns about), with the
    /// back-links labelled in the note's language. Only the footnotes are searched.
    static func touchingUpFootnotes(in html: String, backlinkLabel: String) -> String {
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

    /// The label cmark-gfm gives footnote back-links.
    static let defaultBacklinkLabel = "Back to content"

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
                    bytes[(index + 1)..<(index + count - 1)].elementsEqual(
                        pattern[1..<(count - 1)])
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

    /// Text escaped for a double-quoted HTML attribute.
    private static func escapedAttribute(_ text: String) -> String {
        Escaping.html(text)
    }
}
