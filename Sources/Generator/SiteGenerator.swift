import Content
import Digest
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
        /// Whether the build cache is ignored, so that every file is made again.
        public var clean: Bool
        /// Called after each page is written, with the pages written so far and the total,
        /// from whichever thread wrote it: calls may overlap and arrive out of order.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

        /// Creates options.
        public init(
            content: URL, templates: URL, output: URL, includesDrafts: Bool = false,
            baseURL: URL? = nil, force: Bool = false, clean: Bool = false,
            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
        ) {
            self.content = content
            self.templates = templates
            self.output = output
            self.includesDrafts = includesDrafts
            self.baseURL = baseURL
            self.force = force
            self.clean = clean
            self.progress = progress
        }
    }

    /// Where things are, and what to include.
    public var options: Options

    /// sitegen's version, part of every build cache's identity: bump it by hand when a
    /// change to sitegen changes what it writes.
    public static let version = "0.3.0"

    /// Creates a generator.
    public init(options: Options) {
        self.options = options
    }

    /// Builds the site, rendering and writing only what changed since the last build into
    /// the same folder (see ``BuildCache``); a build with nothing to do writes nothing.
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
        let identity = BuildIdentity(
            shownAs: [options.content.relativePath, options.templates.relativePath],
            content: FileSystem.resolved(options.content.path),
            templates: FileSystem.resolved(options.templates.path),
            includesDrafts: options.includesDrafts, baseURL: options.baseURL?.absoluteString)
        let stampedAt = FileSystem.now()
        let stamps = InputStamps.of([identity.content, identity.templates])
        let manifest = output.manifest
        let manifestDigest = Self.manifestDigest(in: location.path)
        // A forced build may replace files sitegen did not make, so it trusts nothing there.
        let cache =
            options.clean || options.force || manifest == nil
            ? nil : BuildCache.read(forOutput: location.path, matching: identity)
        if let cache, let manifest, cache.isCurrent(inputs: stamps, manifestDigest: manifestDigest),
            manifest.isComplete(in: location.path)
        {
            return cache.summary
        }
        var build = try prepare(
            outputs: cache?.outputs(forOutput: location.path),
            manifest: manifest ?? SiteManifest(digests: [:]), in: location.path)
        var summary = build.summary
        var digest = manifestDigest
        if !build.isUpToDate {
            let dataFiles = try write(build, into: output)
            build.record(output.recorder.manifest, dataFiles: dataFiles)
            digest = Self.manifestDigest(in: location.path)
        } else {
            summary.writtenCount = 0
        }
        if let digest {
            var cache = BuildCache(
                identity: identity, stampedAt: stampedAt, inputs: stamps, manifestDigest: digest,
                summary: summary)
            cache.write(
                BuildCache.Outputs(units: build.units, notes: build.plan.notes.entries),
                forOutput: location.path)
        }
        return summary
    }

    /// The SHA-256 digest of an output folder's manifest, if it has one.
    private static func manifestDigest(in folder: String) -> String? {
        let path = folder + "/" + SiteManifest.fileName
        guard FileSystem.kind(of: path) == .file,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return SHA256.hex(of: data)
    }

    /// Reads the content and templates, works out which outputs changed since the build
    /// that `cache` remembers, and renders the notes those outputs need.
    private func prepare(outputs: BuildCache.Outputs?, manifest: SiteManifest, in folder: String)
        throws(BuildError) -> IncrementalBuild
    {
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
        let keys = OutputKeys(
            content: options.content, templates: options.templates, site: site,
            timeline: content.timeline)
        var build = try IncrementalBuild(
            plan: Self.plan(site: site, content: content), keys: keys, templates: templates,
            assets: assets, cache: outputs, manifest: manifest, in: folder)
        build.plan.notes = RenderedNotes(
            timeline: content.timeline, contexts: build.plan.contexts,
            renderer: NoteRenderer(maxNoteSize: site.maxNoteSize, timeline: content.timeline),
            reuse: .init(keys: keys, cached: outputs?.notes ?? [:], needed: build.neededNotes))
        guard build.plan.notes.errors.isEmpty else {
            throw BuildError(
                step: .content, problems: build.plan.notes.errors + build.plan.notes.warnings)
        }
        build.contentWarnings = content.warnings.map(\.description)
        return build
    }

    /// The stages before any page: the routes and each language's context; the notes are
    /// rendered once the build knows which pages it writes.
    private static func plan(site: Site, content: SiteContent) throws(BuildError) -> SitePlan {
        let routes = SiteRoutes(site: site, timeline: content.timeline)
        let contexts = try LanguageContexts(
            site: site, strings: content.strings, timeline: content.timeline)
        return SitePlan(
            site: site, timeline: content.timeline, routes: routes, contexts: contexts,
            notes: RenderedNotes())
    }

    /// Writes the outputs that changed into the staging folder, carries the others over
    /// from the output folder, and swaps the new site in.
    ///
    /// - Returns: The paths each group of data files wrote, by the group's name.
    private func write(_ build: IncrementalBuild, into output: OutputFolder) throws(BuildError)
        -> [String: [String]]
    {
        let plan = build.plan
        let kinds = build.pageKinds
        // Data files live at the root or in a language's folder, which the pages need too.
        try output.prepare(
            folders: Set(kinds.map { (plan.path(of: $0) as NSString).deletingLastPathComponent })
                .union(build.assets.folders))
        let dataFiles: [String: [String]]
        do throws(BuildError) {
            for (path, digest) in build.carried.sorted(by: { $0.key < $1.key }) {
                try output.carry(path, digest: digest)
            }
            dataFiles = try Self.write(
                plan, build.stalePages, build.staleData, through: build.templates, into: output,
                progress: options.progress)
            try Self.copy(build.staleAssets, into: output)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
        return dataFiles
    }

    /// Each page's view model built, rendered and written on whichever core is free, then
    /// let go, so memory does not grow with the site; the sitemap, feeds and exports are made
    /// alongside, first, since each group is a long job.
    ///
    /// - Returns: The paths each group of data files wrote, by the group's name.
    private static func write(
        _ plan: SitePlan, _ kinds: [SitePlan.PageKind], _ dataKinds: [SitePlan.DataKind],
        through templates: TemplateSet, into output: OutputFolder,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    ) throws(BuildError) -> [String: [String]] {
        let failure = Mutex(BuildError?.none)
        let written = Mutex(0)
        let dataFiles = Mutex([String: [String]]())
        DispatchQueue.concurrentPerform(iterations: kinds.count + dataKinds.count) { index in
            do throws(BuildError) {
                guard index >= dataKinds.count else {
                    let files = plan.dataFiles(dataKinds[index])
                    for file in files {
                        try output.write(Data(file.text.utf8), to: file.path)
                    }
                    dataFiles.withLock {
                        $0[IncrementalBuild.name(of: dataKinds[index])] = files.map(\.path)
                    }
                    return
                }
                let page = plan.page(kinds[index - dataKinds.count])
                let html = try templates.render(page.template, page.model)
                try output.write(Data(html.utf8), to: page.path)
                let done = written.withLock {
                    $0 += 1
                    return $0
                }
                progress?(done, kinds.count)
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return dataFiles.withLock { $0 }
    }

    /// The templates' assets, copied as they are.
    private static func copy(_ files: [SiteAssets.File], into output: OutputFolder)
        throws(BuildError)
    {
        for file in files {
            guard let contents = FileManager.default.contents(atPath: file.source) else {
                throw BuildError(
                    step: .writing, problems: ["\(file.source): error: cannot be read"])
            }
            try output.write(contents, to: file.path)
        }
    }
}
