/// Blanks out the parts of a Markdown line that are not prose, so that the figure check
/// does not read numbers in addresses or code: code spans, link destinations, autolinks,
/// bare URLs, HTML comments and link reference definitions. Each blanked character becomes
/// a space, so columns stay where they were.
enum MarkdownMask {
    /// The line with its non-prose parts blanked out.
    static func prose(_ line: some StringProtocol) -> String {
        var characters = Array(line)
        blankReferenceDefinition(&characters)
        var index = 0
        var exhausted = Exhausted()
        while index < characters.count {
            if let end = spanEnd(characters, at: index, exhausted: &exhausted) {
                for position in index..<end { characters[position] = " " }
                index = end
            } else {
                index += 1
            }
        }
        return String(characters)
    }

    /// What was searched for to the end of the line and not found, so that no search is
    /// repeated and a hostile line costs linear time.
    private struct Exhausted {
        var backtickRuns: Set<Int> = []
        var characters: Set<Character> = []
    }

    /// Where a non-prose span starting at `index` ends, or `nil` if none starts there.
    private static func spanEnd(
        _ characters: [Character], at index: Int, exhausted: inout Exhausted
    ) -> Int? {
        let rest = characters[index...]
        switch characters[index] {
        case "`":
            let run = rest.prefix { $0 == "`" }.count
            guard !exhausted.backtickRuns.contains(run) else { return index + run }
            var cursor = index + run
            while cursor < characters.count {
                let closing = characters[cursor...].prefix { $0 == "`" }.count
                if closing == run { return cursor + closing }
                cursor += max(1, closing)
            }
            exhausted.backtickRuns.insert(run)
            return index + run
        case "]" where index + 1 < characters.count && characters[index + 1] == "(":
            return closing(")", in: characters, after: index + 1, exhausted: &exhausted)
        case "<" where rest.starts(with: "<!--"):
            return (firstIndex(of: "-->", in: characters, from: index + 4)).map { $0 + 3 }
                ?? characters.count
        case "<":
            let end = closing(">", in: characters, after: index, exhausted: &exhausted)
            let inside = end.map { String(characters[(index + 1)..<($0 - 1)]) } ?? ""
            return inside.contains(":") || inside.contains("@") ? end : nil
        case "h", "w", "H", "W":
            guard index == 0 || !characters[index - 1].isLetter else { return nil }
            let start = String(rest.prefix(8)).lowercased()
            guard
                start.hasPrefix("http://") || start.hasPrefix("https://")
                    || start.hasPrefix("www.")
            else { return nil }
            return rest.firstIndex { $0 == " " || $0 == ")" || $0 == ">" } ?? characters.count
        default:
            return nil
        }
    }

    /// The index after the first `character` past `index`, or `nil` if there is none.
    private static func closing(
        _ character: Character, in characters: [Character], after index: Int,
        exhausted: inout Exhausted
    ) -> Int? {
        guard !exhausted.characters.contains(character) else { return nil }
        let found = characters[(index + 1)...].firstIndex(of: character).map { $0 + 1 }
        if found == nil { exhausted.characters.insert(character) }
        return found
    }

    private static func firstIndex(of text: String, in characters: [Character], from start: Int)
        -> Int?
    {
        let pattern = Array(text)
        guard characters.count >= pattern.count, start <= characters.count - pattern.count else {
            return nil
        }
        return (start...(characters.count - pattern.count)).first {
            Array(characters[$0..<($0 + pattern.count)]) == pattern
        }
    }

    /// Blanks the destination of a link reference definition, `[label]: destination`.
    private static func blankReferenceDefinition(_ characters: inout [Character]) {
        let indent = characters.prefix { $0 == " " }.count
        guard indent < 4, indent + 1 < characters.count, characters[indent] == "[",
            characters[indent + 1] != "^",
            let close = characters[indent...].firstIndex(of: "]"), close + 1 < characters.count,
            characters[close + 1] == ":"
        else { return }
        for position in (close + 2)..<characters.count { characters[position] = " " }
    }
}
