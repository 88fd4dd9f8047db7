import Content
import Digest
import Dispatch
import Foundation
import Synchronization
import Timeline

/// One build of a ``BuildSession``: every build of sitegen, `sitegen build`'s included,
/// runs through here.
///
/// It reads the content and templates (through the session's memory), keys every output
/// (``OutputKeys``), sorts them into stale and carried (``IncrementalBuild``), renders the
/// notes the stale ones need, and writes them: in place (``InPlaceOutput``) into a folder
/// the session wrote and finds as it left it, or into a folder whose manifest the build
/// cache describes when at most a quarter of its files change; otherwise into a new site
/// swapped in whole (``OutputFolder``).
struct SessionBuild {
    let options: SiteGenerator.Options
    let keepsCacheOnDisk: Bool
    /// Whether the output keys' memo is kept for the next build; a build with no next one
    /// lets it go before writing (a few hundred bytes for every output).
    var remembersKeys = true

    /// Builds the site, bringing the session's memory up to date.
    func run(_ state: inout SessionState) throws(BuildError) -> BuildSummary {
        let location = try OutputLocation.resolve(
            options.output, shownAs: options.output.relativePath,
            protecting: OutputLocation.protectedFolders(
                content: options.content, templates: options.templates))
        if let last = state.output, last.path == location.path, !options.force,
            location.exists, !FileSystem.isMountPoint(location.path),
            PendingUpdate.find(beside: location) == nil
        {
            let lock = try OutputFolder.lock(location)
            defer { withExtendedLifetime(lock) {} }
            if FileSystem.stamp(of: location.path + "/" + SiteManifest.fileName) == last.stamp {
                return try updateInPlace(location, previous: last.manifest, &state)
            }
        }
        return try buildStaged(location, &state)
    }

    /// A build that writes a new site beside the output folder and swaps it in.
    private func buildStaged(_ location: OutputLocation, _ state: inout SessionState)
        throws(BuildError) -> BuildSummary
    {
        let (output, lock) = try OutputFolder.take(location, force: options.force)
        defer { withExtendedLifetime(lock) {} }
        let manifest = output.manifest
        // A forced build may replace files sitegen did not make, so it trusts nothing there.
        let trusted = !options.force && manifest != nil
        let disk =
            keepsCacheOnDisk
            ? DiskCache(options: options, folder: location.path, reads: trusted && !options.clean)
            : nil
        // Nothing is remembered: the session has not read the outputs, so its next build
        // starts from the cache on disk again.
        if output.isComplete, let summary = disk?.summaryIfNothingChanged() { return summary }
        // A session that has not built yet starts from the last build's state on disk.
        if state.outputs == nil { disk?.restore(into: &state) }
        let outputs = trusted ? state.outputs : nil
        var build = try prepare(
            &state, outputs: outputs, manifest: manifest ?? SiteManifest(digests: [:]),
            in: location.path, checksFiles: true)
        var summary = build.summary
        var written = manifest ?? SiteManifest(digests: [:])
        if !build.isUpToDate, let manifest, trusted, output.isComplete,
            output.placement == .beside, disk?.describesManifest() == true,
            IncrementalBuild.updatesInPlace(
                replacing: build.filesToReplace, of: manifest.digests.count)
        {
            let update = InPlaceOutput(
                location: location, previous: manifest, interruption: options.interruption)
            let dataFiles = try write(build, into: update)
            written = update.manifest
            build.record(written, dataFiles: dataFiles)
            summary.changedPaths = update.changedPaths.sorted(by: SiteManifest.bytesPrecede)
        } else if !build.isUpToDate {
            let dataFiles = try write(build, into: output)
            written = output.recorder.manifest
            build.record(written, dataFiles: dataFiles)
            summary.changedPaths = Self.changes(from: manifest, to: written)
        }
        remember(build, manifest: written, in: location.path, &state)
        disk?.write(summary: summary, state: state)
        return summary
    }

    /// A build that updates the folder the session's last build left, file by file.
    private func updateInPlace(
        _ location: OutputLocation, previous: SiteManifest, _ state: inout SessionState
    ) throws(BuildError) -> BuildSummary {
        var build = try prepare(
            &state, outputs: state.outputs, manifest: previous, in: location.path,
            checksFiles: false)
        var summary = build.summary
        guard !build.isUpToDate else { return summary }
        let output = InPlaceOutput(
            location: location, previous: previous, previousText: state.manifestText,
            interruption: options.interruption)
        let dataFiles: [String: [String]]
        do throws(BuildError) {
            dataFiles = try write(build, into: output)
        } catch {
            // The folder may be part new, part old: the next build starts afresh.
            state.output = nil
            state.outputs = nil
            throw error
        }
        let written = output.manifest
        build.record(written, dataFiles: dataFiles)
        summary.changedPaths = output.changedPaths.sorted(by: SiteManifest.bytesPrecede)
        remember(build, manifest: written, in: location.path, &state)
        state.manifestText = output.manifestText
        return summary
    }

    /// Keeps what a successful build leaves for the next one.
    private func remember(
        _ build: IncrementalBuild, manifest: SiteManifest, in folder: String,
        _ state: inout SessionState
    ) {
        state.outputs = BuildCache.Outputs(units: build.units, notes: build.plan.notes.entries)
        state.manifestText = nil
        state.output = FileSystem.stamp(of: folder + "/" + SiteManifest.fileName).map {
            (folder, manifest, $0)
        }
    }

    /// The paths whose contents differ between two manifests, in the order of their bytes.
    static func changes(from old: SiteManifest?, to new: SiteManifest) -> [String] {
        let before = old?.digests ?? [:]
        let changed =
            new.digests.filter { before[$0.key] != $0.value }.map(\.key)
            + before.keys.filter { new.digests[$0] == nil }
        return changed.sorted(by: SiteManifest.bytesPrecede)
    }

    // MARK: Reading

    /// Reads the content and templates, works out which outputs changed since the build
    /// that `outputs` remembers, and renders the notes those outputs need.
    private func prepare(
        _ state: inout SessionState, outputs: BuildCache.Outputs?, manifest: SiteManifest,
        in folder: String, checksFiles: Bool
    ) throws(BuildError) -> IncrementalBuild {
        let content = try load(
            through: state.content, changedFiles: state.changes.contentFiles,
            passed: &state.checkedNotes)
        let templates = try compiledTemplates(&state)
        let assets = try SiteAssets.scan(
            options.templates.appendingPathComponent("assets"),
            shownAs: options.templates.appendingPathComponent("assets").relativePath,
            publishedAs: "assets")
        var site = content.site
        if let baseURL = options.baseURL { site.baseURL = baseURL }
        // The keys' memo moves on to this content here: what was made from the last one is
        // only used (and kept) if this build gets as far as making its own.
        let (earlierPages, earlierNotes) = (state.pageKeys, state.notes)
        (state.pageKeys, state.notes) = (nil, nil)
        let keys = OutputKeys(
            content: options.content, templates: options.templates, site: site,
            timeline: content.timeline, memo: &state.keys)
        let plan = SitePlan(
            site: site, timeline: content.timeline,
            routes: SiteRoutes(site: site, timeline: content.timeline),
            contexts: try contexts(site: site, content: content, &state), notes: RenderedNotes())
        var build = IncrementalBuild(
            plan: plan, keys: keys, templates: templates, assets: assets, cache: outputs,
            manifest: manifest, in: folder, checksFiles: checksFiles, earlier: earlierPages)
        build.plan.notes = RenderedNotes(
            timeline: content.timeline, contexts: build.plan.contexts,
            renderer: NoteRenderer(maxNoteSize: site.maxNoteSize, timeline: content.timeline),
            reuse: .init(
                keys: keys, cached: outputs?.notes ?? [:], needed: build.neededNotes,
                kept: state.renderings,
                earlier: build.reusedPageKeys
                    ? earlierNotes.map { ($0, keys.changedEvents) } : nil))
        (state.pageKeys, state.notes) = (build.pageKeys, build.plan.notes)
        state.renderings = build.plan.notes.complete
        if remembersKeys {
            keys.remember(in: &state.keys, keepingEarlier: build.reusedPageKeys)
        }
        guard build.plan.notes.errors.isEmpty else {
            throw BuildError(
                step: .content, problems: build.plan.notes.errors + build.plan.notes.warnings)
        }
        build.contentWarnings = content.warnings.map(\.description)
        // Everything changed so far has been read; the next build looks at what changes next.
        state.changes = .none
        return build
    }

    /// The content, read again only where its files changed, and its notes checked.
    private func load(
        through cache: ContentCache, changedFiles: Set<String>?, passed: inout NoteCheck.Passed
    ) throws(BuildError) -> SiteContent {
        let content: SiteContent
        do {
            content = try ContentLoader(
                folder: options.content, folderName: options.content.relativePath,
                includesDrafts: options.includesDrafts, cache: cache, changedFiles: changedFiles
            ).load()
        } catch {
            throw BuildError(step: .content, problems: error.problems.map(\.description))
        }
        let noteProblems = NoteCheck.problems(
            in: content.timeline, maxNoteSize: content.site.maxNoteSize, passed: &passed)
        guard noteProblems.isEmpty else {
            throw BuildError(step: .content, problems: noteProblems)
        }
        return content
    }

    /// The templates, compiled again only when a template's bytes changed.
    private func compiledTemplates(_ state: inout SessionState) throws(BuildError)
        -> TemplateSet
    {
        let sources = TemplateSet.names.map {
            FileManager.default.contents(
                atPath: options.templates.appendingPathComponent("\($0).mustache").path)
        }
        if let kept = state.templates, kept.sources == sources { return kept.set }
        let templates = try TemplateSet(
            folder: options.templates, folderName: options.templates.relativePath)
        state.templates = (sources, templates)
        return templates
    }

    /// Each language's context, made again only when what it writes out changed.
    private func contexts(site: Site, content: SiteContent, _ state: inout SessionState)
        throws(BuildError) -> LanguageContexts
    {
        let inputs = ContextInputs(
            site: site, strings: content.strings, timeline: content.timeline)
        if let kept = state.contexts, kept.inputs == inputs { return kept.contexts }
        let contexts = try LanguageContexts(
            site: site, strings: content.strings, timeline: content.timeline)
        state.contexts = (inputs, contexts)
        return contexts
    }

    // MARK: Writing

    /// Writes the outputs that changed, carries the others over, and finishes the site.
    ///
    /// - Returns: The paths each group of data files wrote, by the group's name.
    private func write(_ build: IncrementalBuild, into output: some SiteSink) throws(BuildError)
        -> [String: [String]]
    {
        let plan = build.plan
        // Data files live at the root or in a language's folder, which the pages need too.
        try output.prepare(
            folders: output.needsFolders
                ? Set(
                    build.pageKinds.map {
                        (plan.path(of: $0) as NSString).deletingLastPathComponent
                    }
                )
                .union(build.assets.folders) : [])
        let dataFiles: [String: [String]]
        do throws(BuildError) {
            try output.carry(build.carried)
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
        through templates: TemplateSet, into output: some SiteSink,
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
                        try output.write(file.contents, to: file.path)
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
    private static func copy(_ files: [SiteAssets.File], into output: some SiteSink)
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

/// The build cache on disk (``BuildCache``), as one build reads and writes it.
struct DiskCache {
    /// What the cache must match.
    let identity: BuildIdentity
    /// When the inputs were stamped.
    let stampedAt: Int64
    /// Every input file's stamp.
    let stamps: [String: FileSystem.FileStamp]?
    /// The output folder.
    let folder: String
    /// The cache as read, if it matched.
    let cache: BuildCache?

    /// The cache of an output folder, read when `reads` (an untrusted folder's or a clean
    /// build's is not).
    init(options: SiteGenerator.Options, folder: String, reads: Bool) {
        identity = BuildIdentity(
            shownAs: [options.content.relativePath, options.templates.relativePath],
            content: FileSystem.resolved(options.content.path),
            templates: FileSystem.resolved(options.templates.path),
            includesDrafts: options.includesDrafts, baseURL: options.baseURL?.absoluteString)
        stampedAt = FileSystem.now()
        stamps = InputStamps.of([identity.content, identity.templates])
        self.folder = folder
        cache = reads ? BuildCache.read(forOutput: folder, matching: identity) : nil
    }

    /// The last build's summary when no input changed since and the output folder is as it
    /// left it (its manifest the same, and every file it lists there, which the caller
    /// checked): then there is nothing to do.
    func summaryIfNothingChanged() -> BuildSummary? {
        guard let cache, cache.isCurrent(inputs: stamps, manifestDigest: manifestDigest())
        else { return nil }
        return cache.summary
    }

    /// Whether the cache is the one the build that wrote the output folder's manifest left
    /// (the manifest's digest is the one it recorded).
    func describesManifest() -> Bool {
        guard let cache, let digest = manifestDigest() else { return false }
        return cache.manifestDigest == digest
    }

    /// Puts the state the cached build left (``BuildState``) into a session that has not
    /// built yet, with the inputs changed since worked out from the stamps; a missing,
    /// damaged or foreign state leaves the session as it was (its first build then reads
    /// every file).
    func restore(into state: inout SessionState) {
        guard let saved = cache?.state(forOutput: folder, contentShownAs: identity.shownAs[0])
        else { return }
        saved.restore(
            into: &state, changes: saved.changes(since: stamps),
            contentShownAs: identity.shownAs[0], includesDrafts: identity.includesDrafts)
    }

    /// Writes the cache and the state of a build that succeeded.
    func write(summary: BuildSummary, state: SessionState) {
        guard let digest = manifestDigest() else { return }
        var cache = BuildCache(
            identity: identity, stampedAt: stampedAt, inputs: stamps, manifestDigest: digest,
            summary: summary)
        cache.write(forOutput: folder) { path in
            BuildState.write(
                state, stamps: stamps ?? [:], stampedAt: stampedAt,
                contentShownAs: identity.shownAs[0], to: path)
        }
    }

    /// The SHA-256 digest of the output folder's manifest, if it has one.
    private func manifestDigest() -> String? {
        let path = folder + "/" + SiteManifest.fileName
        guard FileSystem.kind(of: path) == .file,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return SHA256.hex(of: data)
    }
}
