/// Compiled templates by name, which include each other as partials, rendered with a view
/// model of typed values (``TemplateValue``), or of dictionaries (`[String: Any]`), arrays,
/// strings, numbers, booleans and `nil`.
///
/// Values are HTML-escaped (`&`, `<`, `>`, `"`, `'`) unless written `{{{name}}}`. A name is
/// looked up in the innermost section's value first, then outwards, as Mustache does. `nil`
/// (an optional with no value, or `NSNull`) prints nothing and counts as false.
public struct TemplateLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    /// An empty library.
    public init() {}

    /// Adds a compiled template under a name.
    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    /// The names of the registered templates, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// The partials that registered templates include but the library does not have, as
    /// (template, partial) pairs.
    public var missingPartials: [(template: String, partial: String)] {
        names.flatMap { name in
            templates[name]!.partialNames.filter { templates[$0] == nil }.map { (name, $0) }
        }
    }

    /// Renders a template with a view model: a dictionary, or any value `{{.}}` can show.
    ///
    /// A partial the library does not have renders nothing, as the specification says;
    /// ``missingPartials`` lists them beforehand.
    ///
    /// - Throws: ``RenderError`` when the library has no template by that name, or when
    ///   partials include each other more than ``RenderError/partialDepthLimit`` deep.
    public func render(_ name: String, _ model: Any) throws(RenderError) -> String {
        String(decoding: try renderUTF8(name, model), as: UTF8.self)
    }

    /// Renders a template with a view model into UTF-8 bytes, as ``render(_:_:)`` does,
    /// without making a string of them: for output that goes straight to a file.
    public func renderUTF8(_ name: String, _ model: Any) throws(RenderError) -> [UInt8] {
        try renderUTF8(name, TemplateValue(model))
    }

    /// Renders a template with a view model of typed values into UTF-8 bytes, as
    /// the view model of `Any` values does, with nothing to convert first.
    ///
    /// With `outer`, the template is rendered as if inside a section on `model` within
    /// `outer`: a name `model` does not have is looked up in `outer` (the page's own names
    /// for the layout, with no copy made of them).
    public func renderUTF8(
        _ name: String, _ model: TemplateValue, inside outer: TemplateValue? = nil
    ) throws(RenderError) -> [UInt8] {
        guard let template = templates[name] else {
            throw .unknownTemplate(name: name, knownNames: names)
        }
        var renderer = Renderer(templates: templates, model: model, inside: outer)
        try renderer.render(template.nodes)
        return renderer.output
    }
}

/// Text already rendered, as UTF-8 bytes, to place in another template as a value: one
/// page's own template inside the layout, with no string made of it on the way.
/// `{{{name}}}` writes the bytes as they are, `{{name}}` escapes them as text does.
public struct RenderedText: Sendable {
    /// The text, in UTF-8.
    public let utf8: [UInt8]

    /// Rendered text from its UTF-8 bytes.
    public init(_ utf8: [UInt8]) {
        self.utf8 = utf8
    }
}

/// Why a template could not be rendered.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The library has no template by this name.
    case unknownTemplate(name: String, knownNames: [String])
    /// Partials included each other deeper than ``partialDepthLimit``, which only a
    /// partial that includes itself with no end does on a site's templates.
    case partialsTooDeep(partial: String)

    /// How deep partials may include each other.
    public static let partialDepthLimit = 100

    /// What went wrong, and what to do.
    public var description: String {
        switch self {
        case .unknownTemplate(let name, let knownNames):
            "there is no template '\(name)'; the templates are "
                + knownNames.map { "'\($0)'" }.joined(separator: ", ")
        case .partialsTooDeep(let partial):
            "partials include each other more than \(Self.partialDepthLimit) deep (at "
                + "{{> \(partial)}}); a partial that includes itself needs a section that ends"
        }
    }
}
