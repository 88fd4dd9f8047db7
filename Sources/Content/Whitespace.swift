extension StringProtocol {
    /// The text without the spaces and tabs at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (Unicode's space separators, category
    /// Zs, and the tab), read as Unicode scalars without Foundation's detour through UTF-16,
    /// which cost a build of thousands of notes several percent of its time.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab }) ?? first
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a tab or a space separator (category Zs): the scalars of
    /// Foundation's `CharacterSet.whitespaces`.
    var isSpaceOrTab: Bool {
        switch value {
        case 0x09, 0x20: true
        case 0x21..<0xA0: false
        default: properties.generalCategory == .spaceSeparator
        }
    }
}
