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
        /// Called after each page is written, with the pages written so far and the total,
        /// from whichever thread wrote it: calls may overlap and arrive out of order.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

        /// Creates options.
        public init(
            content: URL, templates: URL, output: URL, includesDrafts: Bool = false,
            baseURL: URL? = nil, force: Bool = false,
            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
        ) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includesDrafts = includesDrafts
            self.baseURL = baseURL
            self.force = force
            self.progress = progress
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

        let plan = SitePlan(site: site, strings: content.strings, timeline: content.timeline)
        let kinds = plan.pageKinds()
        let dataKinds = plan.dataKinds

        // Each page's view model is built, rendered and written on whichever core is free,
        // then let go, so memory does not grow with the site; the sitemap, feeds and
        // exports are made alongside. Data files live at the root or in a language's
        // folder, which the pages already need.
        let paths = kinds.map(plan.path(of:))
        try output.prepare(
            folders: Set(paths.map { ($0 as NSString).deletingLastPathComponent })
                .union(assets.folders))
        let results = Mutex(
            (
                warnings: [[String]](repeating: [], count: kinds.count),
                noteErrors: [[String]](repeating: [], count: kinds.count), error: BuildError?.none,
                written: 0
            ))
        DispatchQueue.concurrentPerform(iterations: kinds.count + dataKinds.count) { index in
            do throws(BuildError) {
                // The data files first: each group is a long job, better started early.
                guard index >= dataKinds.count else {
                    for file in plan.dataFiles(dataKinds[index]) {
                        try output.write(Data(file.text.utf8), to: file.path)
                    }
                    return
                }
                let (page, warnings, errors) = plan.page(kinds[index - dataKinds.count])
                let html = try templates.render(page.template, page.model)
                try output.write(Data(html.utf8), to: page.path)
                let written = results.withLock {
                    $0.warnings[index - dataKinds.count] = warnings
                    $0.noteErrors[index - dataKinds.count] = errors
                    $0.written += 1
                    return $0.written
                }
                options.progress?(written, kinds.count)
            } catch {
                results.withLock { $0.error = $0.error ?? error }
            }
        }
        let (noteWarnings, noteErrors, failure) = results.withLock {
            ($0.warnings, $0.noteErrors.flatMap { $0 }, $0.error)
        }
        do throws(BuildError) {
            if let failure { throw failure }
            if !noteErrors.isEmpty {
                throw BuildError(step: .content, problems: noteErrors + noteWarnings.flatMap { $0 })
            }
            for file in assets.files {
                guard let contents = FileManager.default.contents(atPath: file.source) else {
                    throw BuildError(
                        step: .writing, problems: ["\(file.source): error: cannot be read"])
                }
                try output.write(contents, to: file.path)
            }
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
