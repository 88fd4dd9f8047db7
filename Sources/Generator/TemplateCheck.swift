import TemplateEngine

/// Checks the names a template uses against the model it is rendered with, once, when the
/// templates are read: a misspelt or missing name is an error naming the template, the line
/// and the column, never a blank in a page.
struct TemplateCheck {
    /// The compiled templates, by name, for following partials.
    let templates: [String: MustacheTemplate]
    /// The folder as the user named it, for messages.
    let folderName: String

    /// A problem for each name in `template` (and the partials it includes) that `shape`
    /// does not provide, in order.
    func problems(in template: String, against shape: ModelShape, modelName: String) -> [String] {
        guard let compiled = templates[template] else { return [] }
        var problems: [String] = []
        check(
            compiled.tags, in: template, scopes: [shape.names], modelName: modelName,
            including: [template], problems: &problems)
        return problems
    }

    private func check(
        _ tags: [TemplateTag], in template: String, scopes: [[String: ModelShape]],
        modelName: String, including: [String], problems: inout [String]
    ) {
        for tag in tags {
            if tag.kind == .partial {
                guard let partial = templates[tag.name], !including.contains(tag.name) else {
                    continue
                }
                check(
                    partial.tags, in: tag.name, scopes: scopes, modelName: modelName,
                    including: including + [tag.name], problems: &problems)
                continue
            }
            guard let shape = Self.resolve(tag.path, in: scopes) else {
                problems.append(
                    "\(folderName)/\(template).mustache:\(tag.line):\(tag.column): error: "
                        + "{{\(tag.name)}} is not a name the \(modelName) model provides; "
                        + "the names here are \(Self.list(scopes.last ?? [:]))")
                continue
            }
            if tag.kind == .section || tag.kind == .invertedSection {
                let inner = tag.kind == .section ? Self.scope(inside: shape) : [:]
                check(
                    tag.children, in: template, scopes: scopes + [inner], modelName: modelName,
                    including: including, problems: &problems)
            }
        }
    }

    /// What a name refers to, looked up from the innermost scope out as Mustache does, then
    /// down through its dotted parts; `nil` when nothing provides it.
    static func resolve(_ path: [String], in scopes: [[String: ModelShape]]) -> ModelShape? {
        guard let first = path.first else { return nil }
        if first == "." { return .value }
        guard var shape = scopes.reversed().lazy.compactMap({ $0[first] }).first else {
            return nil
        }
        for part in path.dropFirst() {
            guard let next = shape.names[part] else { return nil }
            shape = next
        }
        return shape
    }

    /// The names a section's value adds inside it: a struct's, or its elements'.
    private static func scope(inside shape: ModelShape) -> [String: ModelShape] {
        switch shape {
        case .object(let names): names
        case .list(let element): element.names
        case .value: [:]
        }
    }

    private static func list(_ scope: [String: ModelShape]) -> String {
        scope.isEmpty
            ? "only those outside this section" : scope.keys.sorted().joined(separator: ", ")
    }
}
