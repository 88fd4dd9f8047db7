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
        let noteProblems = NoteCheck.problems(
            in: content.timeline, maxNoteSize: content.site.maxNoteSize)
        guard noteProblems.isEmpty else {
            throw BuildError(step: .content, problems: noteProblems)
        }
        let templates = try TemplateSet(
            folder: options.templates, folderName: options.templates.relativePath)
        var site = content.site
        if let baseURL = options.baseURL { site.baseURL = baseURL }

        let plan = SitePlan(site: site, strings: content.strings, timeline: content.timeline)
        let kinds = plan.pageKinds()
        let dataKinds = plan.dataKinds

        // Each page's view model is built, rendered and written on whichever core is free,
        // then let go, so memory does not grow with the site; the sitemap, feeds and
        // exports are made alongside. Data files live at the root or in a language's
        // folder, which the pages already need.
        let output = OutputFolder(url: options.output)
        let paths = kinds.map(plan.path(of:))
        try output.prepare(folders: Set(paths.map { ($0 as NSString).deletingLastPathComponent }))
        let results = Mutex(
            (warnings: [[String]](repeating: [], count: kinds.count), error: BuildError?.none))
        DispatchQueue.concurrentPerform(iterations: kinds.count + dataKinds.count) { index in
            do throws(BuildError) {
                // The data files first: each group is a long job, better started early.
                guard index >= dataKinds.count else {
                    for file in plan.dataFiles(dataKinds[index]) {
                        try output.write(Data(file.text.utf8), to: file.path)
                    }
                    return
                }
                let (page, warnings) = plan.page(kinds[index - dataKinds.count])
                let html = templates.render(page.template, page.model)
                try output.write(Data(html.utf8), to: page.path)
                results.withLock { $0.warnings[index - dataKinds.count] = warnings }
            } catch {
                results.withLock { $0.error = $0.error ?? error }
            }
        }
        let (noteWarnings, failure) = results.withLock { ($0.warnings, $0.error) }
        do throws(BuildError) {
            if let failure { throw failure }
            try output.copy(options.templates.appendingPathComponent("assets"), as: "assets")
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
        return BuildSummary(
            pageCount: kinds.count, languageCount: site.languages.count,
            warnings: content.warnings.map(\.description) + noteWarnings.flatMap { $0 },
            notices: site.baseURL == nil
                ? [
                    "note: no base URL (base_url in site.yml, or --base-url), so sitemap.xml, "
                        + "the Atom feeds, canonical links and og:url were left out, robots.txt "
                        + "names no sitemap, and hreflang links and the JSON exports use relative "
                        + "addresses"
                ] : [])
    }
}
