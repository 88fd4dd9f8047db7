import Markdown
import Testing

/// Renders a note with the given options, failing the test on an error.
func render(
    _ markdown: String, typography: Typography? = nil, allowsRawHTML: Bool = false
) throws -> RenderedNote {
    try MarkdownRenderer(options: .init(allowsRawHTML: allowsRawHTML, typography: typography))
        .render(markdown)
}

/// The HTML of a note rendered with the given options.
func html(
    _ markdown: String, typography: Typography? = nil, allowsRawHTML: Bool = false
) throws -> String {
    try render(markdown, typography: typography, allowsRawHTML: allowsRawHTML).html
}
