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
        /// Whether an output folder that holds files sitegen did not make is replaced anyway
        /// (never the places ``OutputLocation`` protects).
        public var force: Bool

        /// Creates options.
        public init(
            content: URL, templates: URL, output: URL, includesDrafts: Bool = false,
            baseURL: URL? = nil, force: Bool = false
        ) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includesDrafts = includesDrafts
            self.baseURL = baseURL
            self.force = force
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
        let location = try OutputLocation.resolve(
            options.output, shownAs: options.output.relativePath,
            protecting: OutputLocation.protectedFolders(
                content: options.content, templates: options.templates))
        let (output, lock) = try OutputFolder.take(location, force: options.force)
        defer { withExtendedLifetime(lock) {} }
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
        let assets = try SiteAssets.scan(
            options.templates.appendingPathComponent("assets"),
            shownAs: options.templates.appendingPathComponent("assets").relativePath,
            publishedAs: "assets")
        var site = content.site
        if let baseURL = options.baseURL { site.baseURL = baseURL }
        let plan = try Self.plan(site: site, content: content)
        let kinds = plan.pageKinds()
        // Data files live at the root or in a language's folder, which the pages need too.
        try output.prepare(
            folders: Set(kinds.map { (plan.path(of: $0) as NSString).deletingLastPathComponent })
                .union(assets.folders))
        do throws(BuildError) {
            try Self.write(plan, kinds, through: templates, into: output)
            try Self.copy(assets, into: output)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
        return BuildSummary(
            pageCount: kinds.count, languageCount: site.languages.count,
            warnings: content.warnings.map(\.description) + plan.notes.warnings,
            notices: site.baseURL == nil
                ? [
                    "note: no base URL (base_url in site.yml, or --base-url), so sitemap.xml, "
                        + "the Atom feeds, canonical links and og:url were left out, robots.txt "
                        + "names no sitemap, and hreflang links and the JSON exports use relative "
                        + "addresses"
                ] : [])
    }

    /// The stages before any page: the routes, each language's context, and every note
    /// rendered once.
    ///
    /// - Throws: ``BuildError`` for a note that links to an event that does not exist, with
    ///   every note's warnings.
    private static func plan(site: Site, content: SiteContent) throws(BuildError) -> SitePlan {
        let routes = SiteRoutes(site: site, timeline: content.timeline)
        let contexts = try LanguageContexts(
            site: site, strings: content.strings, timeline: content.timeline)
        let notes = RenderedNotes(
            timeline: content.timeline, contexts: contexts,
            renderer: NoteRenderer(maxNoteSize: site.maxNoteSize, timeline: content.timeline))
        guard notes.errors.isEmpty else {
            throw BuildError(step: .content, problems: notes.errors + notes.warnings)
        }
        return SitePlan(
            site: site, timeline: content.timeline, routes: routes, contexts: contexts,
            notes: notes)
    }

    /// Each page's view model built, rendered and written on whichever core is free, then
    /// let go, so memory does not grow with the site; the sitemap, feeds and exports are made
    /// alongside, first, since each group is a long job.
    private static func write(
        _ plan: SitePlan, _ kinds: [SitePlan.PageKind], through templates: TemplateSet,
        into output: OutputFolder
    ) throws(BuildError) {
        let dataKinds = plan.dataKinds
        let failure = Mutex(BuildError?.none)
        DispatchQueue.concurrentPerform(iterations: kinds.count + dataKinds.count) { index in
            do throws(BuildError) {
                guard index >= dataKinds.count else {
                    for file in plan.dataFiles(dataKinds[index]) {
                        try output.write(Data(file.text.utf8), to: file.path)
                    }
                    return
                }
                let page = plan.page(kinds[index - dataKinds.count])
                let html = try templates.render(page.template, page.model)
                try output.write(Data(html.utf8), to: page.path)
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// The templates' assets, copied as they are.
    private static func copy(_ assets: SiteAssets, into output: OutputFolder) throws(BuildError) {
        for file in assets.files {
            guard let contents = FileManager.default.contents(atPath: file.source) else {
                throw BuildError(
                    step: .writing, problems: ["\(file.source): error: cannot be read"])
            }
            try output.write(contents, to: file.path)
        }
    }
}
