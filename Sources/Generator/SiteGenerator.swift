import Content
import Dispatch
public import Foundation
import Markdown
import Synchronization
import Timeline

/// Publishes a content folder through a templates folder into an output folder: a
/// language chooser, and per language a timeline index, a page per event and a 404 page.
///
/// The build is atomic: the site is written beside the output folder and swapped in only
/// when everything succeeded. It is deterministic: the same input gives the same bytes.
public struct SiteGenerator: Sendable {
    /// Where things are, and what to include.
    public struct Options: Sendable {
        /// The content folder, such as `Content`.
        public var content: URL
        /// The templates folder, such as `Templates`; its `assets/` folder is copied.
        public var templates: URL
        /// The output folder, such as `Public`.
        public var output: URL
        /// Whether events marked as drafts are published.
        public var includesDrafts: Bool
        /// Overrides `base_url` from `site.yml`.
        public var baseURL: URL?

        /// Creates options.
        public init(
            content: URL, templates: URL, output: URL, includesDrafts: Bool = false,
            baseURL: URL? = nil
        ) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includesDrafts = includesDrafts
            self.baseURL = baseURL
        }
    }

    /// Where things are, and what to include.
    public var options: Options

    /// Creates a generator.
    public init(options: Options) {
        self.options = options
    }

    /// Builds the site.
    ///
    /// - Throws: ``BuildError`` naming the step and every problem; the output folder is then
    ///   as it was before.
    public func build() throws(BuildError) -> BuildSummary {
        let content: SiteContent
        do {
            content = try ContentLoader(
                folder: options.content, folderName: options.content.relativePath,
                includesDrafts: options.includesDrafts
            ).load()
        } catch {
            throw BuildError(step: .content, problems: error.problems.map(\.description))
        }
        let templates = try TemplateSet(
            folder: options.templates, folderName: options.templates.relativePath)
        var site = content.site
        if let baseURL = options.baseURL { site.baseURL = baseURL }

        let plan = SitePlan(site: site, strings: content.strings, timeline: content.timeline)
        let notes = plan.renderNotes()
        let pages = plan.pages(notes: notes.html)
        let rendered = Mutex([String](repeating: "", count: pages.count))
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let html = templates.render(pages[index].template, pages[index].model)
            rendered.withLock { $0[index] = html }
        }
        var files = zip(pages, rendered.withLock { $0 }).map {
            (path: $0.path, contents: Data($1.utf8))
        }
        files += plan.dataFiles(notes: notes.html).map {
            (path: $0.path, contents: Data($0.text.utf8))
        }
        try OutputFolder(url: options.output).replace(
            with: files, copying: options.templates.appendingPathComponent("assets"), as: "assets")
        return BuildSummary(
            pageCount: pages.count, languageCount: site.languages.count,
            warnings: content.warnings.map(\.description) + notes.warnings,
            notices: site.baseURL == nil
                ? [
                    "note: no base URL (base_url in site.yml, or --base-url), so sitemap.xml, "
                        + "the Atom feeds, canonical links and og:url were left out, robots.txt "
                        + "names no sitemap, and hreflang links and the JSON exports use relative "
                        + "addresses"
                ] : [])
    }
}
