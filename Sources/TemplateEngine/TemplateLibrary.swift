/// Compiled templates by name, which include each other as partials, rendered with a view
/// model of dictionaries (`[String: Any]`), arrays, strings, numbers, booleans and `nil`.
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
        guard let template = templates[name] else {
            throw .unknownTemplate(name: name, knownNames: names)
        }
        var renderer = Renderer(templates: templates, model: model)
        try renderer.render(template.nodes)
        return String(decoding: renderer.output, as: UTF8.self)
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
