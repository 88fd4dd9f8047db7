import BinaryState
import Content
import Digest
import Dispatch
import Foundation
import Synchronization
import Timeline

/// A build's outputs sorted into those to make again and those to carry over unchanged from
/// the output folder: an output is carried over when its key is the one the last build
/// cached and every file it wrote is still in the manifest with the digest it was written
/// with (the output folder's check has made sure the files match the manifest).
struct IncrementalBuild: Sendable {
    /// The site's pages and notes.
    var plan: SitePlan
    /// The compiled templates.
    let templates: TemplateSet
    /// The templates' assets.
    let assets: SiteAssets
    /// Every page of the site, in order.
    let pageKinds: [SitePlan.PageKind]
    /// The pages to render and write.
    private(set) var stalePages: [SitePlan.PageKind] = []
    /// The groups of data files to make and write.
    private(set) var staleData: [SitePlan.DataKind] = []
    /// The assets to copy.
    private(set) var staleAssets: [SiteAssets.File] = []
    /// The files to carry over, with their digests.
    private(set) var carried: [String: String] = [:]
    /// The notes whose HTML the stale pages and feeds need.
    private(set) var neededNotes: Set<NoteKey> = []
    /// The warnings found reading the content.
    var contentWarnings: [String] = []
    /// Every output's key and files, by the output's name; the stale ones' files are filled
    /// in by ``record(_:dataFiles:)``.
    private(set) var units: [String: BuildCache.Unit] = [:]
    /// Every path the site will have.
    private var paths: Set<String> = []
    /// The manifest of the output folder before the build.
    private let manifest: SiteManifest
    /// The output folder.
    private let folder: String
    /// Whether each carried file is checked to be in the output folder still; a build
    /// session that wrote the folder itself, and finds its manifest as it left it, trusts it.
    private let checksFiles: Bool
    /// Every page's path and key, in the order of ``pageKinds``, for the next build.
    private(set) var pageKeys: PageKeys
    /// Whether the pages' keys were taken from the last build's, but for the changed events'.
    private(set) var reusedPageKeys = false
    /// How many files the stale groups of data files wrote in the last build (one for a
    /// group it did not cache), and their paths.
    private var staleDataFiles = (count: 0, paths: Set<String>())

    /// Every page's path and key as one build made them, with the digests that say whether
    /// the next build's pages are the same list: the same site-wide inputs and the same
    /// timeline (order, records and headings) give the same pages in the same order, whose
    /// keys change only for the events whose notes' text changed.
    struct PageKeys: Sendable {
        var siteDigest: String
        var timelineDigest: String
        var keyed: [(path: String, key: String)]

        /// These keys, if they can stand for a build with `keys` and `count` pages.
        func matching(_ keys: OutputKeys, count: Int) -> PageKeys? {
            siteDigest == keys.siteDigest && timelineDigest == keys.timelineDigest
                && keyed.count == count ? self : nil
        }
    }

    /// Sorts a site's outputs, given the last build's cache (none for a full build) and the
    /// output folder's manifest.
    /// With `earlier`, the last build's page keys (a build session's), a page whose key
    /// cannot have changed (see ``PageKeys``) keeps its key without its being made again.
    init(
        plan: SitePlan, keys: OutputKeys, templates: TemplateSet, assets: SiteAssets,
        cache: BuildCache.Outputs?, manifest: SiteManifest, in folder: String,
        checksFiles: Bool = true, earlier: PageKeys? = nil
    ) {
        self.checksFiles = checksFiles
        self.plan = plan
        self.templates = templates
        self.assets = assets
        self.manifest = manifest
        self.folder = folder
        let kinds = plan.pageKinds()
        self.pageKinds = kinds
        let reusable = earlier?.matching(keys, count: kinds.count)
        let keyed =
            reusable.map { Self.keys(of: kinds, plan: plan, keys: keys, earlier: $0) }
            ?? Self.keys(of: kinds, plan: plan, keys: keys)
        pageKeys = PageKeys(
            siteDigest: keys.siteDigest, timelineDigest: keys.timelineDigest, keyed: keyed)
        reusedPageKeys = reusable != nil
        for (kind, (path, key)) in zip(pageKinds, keyed) {
            if !carry("page " + path, key: key, cache: cache) {
                stalePages.append(kind)
                neededNotes.formUnion(notes(shownOn: kind))
            }
            paths.insert(path)
        }
        for kind in plan.dataKinds {
            let key = keys.key(of: kind, routes: plan.routes, timeline: plan.timeline)
            if !carry(Self.name(of: kind), key: key, cache: cache) {
                staleData.append(kind)
                let files = cache?.units[Self.name(of: kind)]?.files.keys.map { $0 } ?? []
                staleDataFiles.count += max(1, files.count)
                staleDataFiles.paths.formUnion(files)
                if case .language(let context) = kind {
                    neededNotes.formUnion(
                        plan.timeline.events.reversed().prefix(FeedWriter.feedLength).map {
                            ShownNote(
                                of: $0, in: context.language,
                                defaultLanguage: plan.routes.defaultLanguage
                            ).key
                        })
                }
            }
        }
        for file in assets.files {
            let key = FileManager.default.contents(atPath: file.source).map { SHA256.hex(of: $0) }
            if !carry("asset " + file.path, key: key ?? "unreadable", cache: cache) {
                staleAssets.append(file)
            }
            paths.insert(file.path)
        }
    }

    /// Whether nothing is to be made again and the output folder holds exactly the files
    /// the site has: then the build writes nothing.
    var isUpToDate: Bool {
        stalePages.isEmpty && staleData.isEmpty && staleAssets.isEmpty
            && Set(manifest.digests.keys) == paths
    }

    /// About how many of the output folder's files the build writes or removes, counted
    /// before anything is made: each stale page and asset, the files each stale group of
    /// data files wrote last time, and the files of the folder's manifest that no output
    /// will have. (A file made again with the same bytes is counted, though not written.)
    var filesToReplace: Int {
        let removed = manifest.digests.keys.count {
            !paths.contains($0) && !staleDataFiles.paths.contains($0)
        }
        return stalePages.count + staleAssets.count + staleDataFiles.count + removed
    }

    /// Whether a build that writes or removes `count` files of a site of `total` files
    /// updates the output folder in place rather than swapping in a new site: when `count`
    /// is at most a quarter of `total`.
    static func updatesInPlace(replacing count: Int, of total: Int) -> Bool {
        count * 4 <= total
    }

    /// The build's summary.
    var summary: BuildSummary {
        BuildSummary(
            pageCount: pageKinds.count, languageCount: plan.routes.languages.count,
            warnings: contentWarnings + plan.notes.warnings,
            notices: plan.routes.baseURL == nil
                ? [
                    "note: no base URL (base_url in site.yml, or --base-url), so sitemap.xml, "
                        + "the Atom feeds, canonical links and og:url were left out, robots.txt "
                        + "names no sitemap, and hreflang links and the JSON exports use relative "
                        + "addresses"
                ] : [],
            writtenCount: isUpToDate ? 0 : stalePages.count + staleData.count + staleAssets.count)
    }

    /// The name of a group of data files among the outputs.
    static func name(of kind: SitePlan.DataKind) -> String {
        switch kind {
        case .siteWide: "data"
        case .language(let context): "data " + context.language.code
        }
    }

    /// Records the files the stale outputs wrote, from the new manifest; a group of data
    /// files owns the paths `dataFiles` gives it.
    mutating func record(_ written: SiteManifest, dataFiles: [String: [String]]) {
        for kind in stalePages {
            let path = plan.path(of: kind)
            units["page " + path]?.files = [path: written.digests[path] ?? ""]
        }
        for kind in staleData {
            let name = Self.name(of: kind)
            units[name]?.files = Dictionary(
                (dataFiles[name] ?? []).map { ($0, written.digests[$0] ?? "") },
                uniquingKeysWith: { first, _ in first })
        }
        for file in staleAssets {
            units["asset " + file.path]?.files = [file.path: written.digests[file.path] ?? ""]
        }
    }

    /// Whether an output can be carried over; either way its key is remembered.
    private mutating func carry(_ name: String, key: String, cache: BuildCache.Outputs?) -> Bool {
        if let unit = cache?.units[name], unit.key == key, !unit.files.isEmpty,
            unit.files.allSatisfy({
                manifest.digests[$0.key] == $0.value
                    && (!checksFiles || FileSystem.kind(of: folder + "/" + $0.key) == .file)
            })
        {
            units[name] = unit
            carried.merge(unit.files) { first, _ in first }
            paths.formUnion(unit.files.keys)
            return true
        }
        units[name] = BuildCache.Unit(key: key, files: [:])
        return false
    }

    /// Each page's path and key, made on every core.
    private static func keys(of kinds: [SitePlan.PageKind], plan: SitePlan, keys: OutputKeys)
        -> [(path: String, key: String)]
    {
        let chunk = 256
        let made = Mutex([Int: [(path: String, key: String)]]())
        DispatchQueue.concurrentPerform(iterations: (kinds.count + chunk - 1) / chunk) { part in
            let pages = kinds[part * chunk..<min(kinds.count, (part + 1) * chunk)]
            let keyed = pages.map { kind in
                let path = plan.path(of: kind)
                return (
                    path,
                    keys.key(of: kind, path: path, routes: plan.routes, timeline: plan.timeline)
                )
            }
            made.withLock { $0[part] = keyed }
        }
        return made.withLock { made in made.keys.sorted().flatMap { made[$0]! } }
    }

    /// Each page's path and key, taken from `earlier` but for the pages of events whose
    /// notes changed.
    private static func keys(
        of kinds: [SitePlan.PageKind], plan: SitePlan, keys: OutputKeys, earlier: PageKeys
    ) -> [(path: String, key: String)] {
        var keyed = earlier.keyed
        guard !keys.changedEvents.isEmpty else { return keyed }
        for (index, kind) in kinds.enumerated() {
            guard case .event(let event, _) = kind, keys.changedEvents.contains(event.slug)
            else { continue }
            let path = plan.path(of: kind)
            keyed[index] = (
                path, keys.key(of: kind, path: path, routes: plan.routes, timeline: plan.timeline)
            )
        }
        return keyed
    }

    /// The notes a page shows.
    private func notes(shownOn kind: SitePlan.PageKind) -> [NoteKey] {
        guard case .event(let event, let context) = kind else { return [] }
        return [
            ShownNote(
                of: event, in: context.language, defaultLanguage: plan.routes.defaultLanguage
            ).key
        ]
    }
}

extension IncrementalBuild.PageKeys {
    /// Writes the keys for the build's state on disk.
    func write(to writer: inout BinaryWriter) {
        writer.write(siteDigest)
        writer.write(timelineDigest)
        writer.write(keyed) {
            $0.write($1.path)
            $0.write($1.key)
        }
    }

    /// The keys ``write(to:)`` wrote.
    init(from reader: inout BinaryReader) throws(BinaryReadError) {
        siteDigest = try reader.readString()
        timelineDigest = try reader.readString()
        keyed = try reader.readList { (reader: inout BinaryReader) throws(BinaryReadError) in
            (path: try reader.readString(), key: try reader.readString())
        }
    }
}
