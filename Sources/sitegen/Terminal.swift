import Foundation

/// What sitegen prints for a person at a terminal. Messages quote content (titles, field
/// names, link targets, file names) that a contributed note controls, so every character
/// that could move the cursor, retitle or repaint the terminal, or reorder the text around
/// it is printed as a visible escape such as `\u{1b}`.
enum Terminal {
    /// Prints a message, escaped, to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((escaped(text) + "\n").utf8))
    }

    /// Prints a message, escaped, to standard output.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((escaped(text) + "\n").utf8))
    }

    /// The text with control characters (C0 but for line feeds and tabs, DEL, C1) and
    /// bidirectional embeddings, overrides and isolates written as `\u{…}` escapes.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
