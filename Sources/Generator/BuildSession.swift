import Content
import Foundation
import Synchronization
import Timeline

/// A site built again and again into the same output folder, keeping in memory what the
/// next build can reuse: what `sitegen serve` rebuilds with after each save.
///
/// Made once from ``SiteGenerator/Options``, then ``build()`` as often as needed. Between
/// builds it keeps the content as read (each file by its stamp, see ``ContentCache``), the
/// compiled templates while their files are unchanged, the digests that key every output,
/// every note's rendering and the output folder's manifest. A build after one note's edit
/// reads that note's file again, renders that note again and writes only the outputs that
/// show it, in place: each file replaced in one step, the manifest last. The first build,
/// and any build that finds the folder changed by someone else, writes a whole new site and
/// swaps it in, as ``SiteGenerator/build()`` does.
///
/// A failed build changes nothing a later build relies on: fix the problem and build again.
/// Builds of one session run one at a time; ``build()`` may be called from any thread.
public final class BuildSession: Sendable {
    /// Where things are, and what to include.
    public let options: SiteGenerator.Options
    /// Whether the build cache is also read from and written to disk
    /// (`.sitegen-cache/` beside the output folder), as `sitegen build` does, so that the
    /// next process can start from it.
    public let keepsCacheOnDisk: Bool
    /// Whether the session builds once only (``SiteGenerator/build()``): it then lets go
    /// of the output keys' memo before writing, which only a next build would read.
    let buildsOnce: Bool
    private let state = Mutex(SessionState())

    /// A session for these options; nothing is read until the first build. With
    /// `options.clean`, the cache on disk is ignored (the memory of the session's own builds
    /// is still used).
    public convenience init(options: SiteGenerator.Options, keepsCacheOnDisk: Bool = false) {
        self.init(options: options, keepsCacheOnDisk: keepsCacheOnDisk, buildsOnce: false)
    }

    /// A session that may build only once (see ``buildsOnce``).
    init(options: SiteGenerator.Options, keepsCacheOnDisk: Bool, buildsOnce: Bool) {
        self.options = options
        self.keepsCacheOnDisk = keepsCacheOnDisk
        self.buildsOnce = buildsOnce
    }

    /// Builds the site, making and writing only what changed since the session's last
    /// build (or, for the first, since the cache on disk when the session keeps one).
    ///
    /// - Parameter changedFiles: The files and folders under the content and templates
    ///   folders that changed since the last build, as a watcher saw them (absolute, or
    ///   relative to the current folder, named through the options' folders): the build
    ///   then looks only at those instead of every file's stamp. `nil` (the default), or a
    ///   path outside both folders, looks at every file: give `nil` whenever the list may
    ///   be incomplete (a first build, a watcher that lost events).
    /// - Returns: What the build did; its ``BuildSummary/changedPaths`` lists the files the
    ///   build added, changed or removed.
    /// - Throws: ``BuildError`` naming the step and every problem; the output folder is then
    ///   as it was before.
    @discardableResult
    public func build(changedFiles: Set<String>? = nil) throws(BuildError) -> BuildSummary {
        try state.withLock { (state: inout SessionState) throws(BuildError) -> BuildSummary in
            state.changes = state.changes.adding(
                ChangedInputs(changedFiles, content: options.content, templates: options.templates))
            return try SessionBuild(
                options: options, keepsCacheOnDisk: keepsCacheOnDisk, remembersKeys: !buildsOnce
            ).run(&state)
        }
    }
}

extension BuildSession {
    /// How many content files the session has read and parsed so far (the others came from
    /// its memory, or from the build's state on disk): what tests look at to tell a build
    /// that started from the saved state from one that read everything.
    var contentFilesRead: Int { state.withLock { $0.content.filesRead } }
}

/// What a build session keeps between builds.
struct SessionState: Sendable {
    /// The inputs changed since the content was last read: from the hints of the builds
    /// since, `.unknown` until a build reads every file.
    var changes = ChangedInputs.unknown
    /// The events' records and notes as read.
    var content = ContentCache()
    /// The templates as compiled, with the bytes of the files they were compiled from.
    var templates: (sources: [Data?], set: TemplateSet)?
    /// The notes that passed the size and shape check.
    var checkedNotes = NoteCheck.Passed()
    /// Each event's digests.
    var keys = OutputKeys.Memo()
    /// Each language's context, with what it was made from.
    var contexts: (inputs: ContextInputs, contexts: LanguageContexts)?
    /// Every note's rendering, by its cache key.
    var renderings: [String: NoteRendering] = [:]
    /// Every output's key and files as the last build left them.
    var outputs: BuildCache.Outputs?
    /// Every page's path and key as the last build made them.
    var pageKeys: IncrementalBuild.PageKeys?
    /// Every note's rendering as the last build made them (with ``pageKeys``).
    var notes: RenderedNotes?
    /// The output folder as the last build left it: its path, its manifest and the
    /// manifest file's stamp.
    var output: (path: String, manifest: SiteManifest, stamp: FileStamp)?
    /// The text of that manifest, when an update in place wrote it.
    var manifestText: ManifestText?
}

/// What the languages' contexts are made from: the site, its strings, and each event's
/// dates, amounts and sources.
struct ContextInputs: Sendable, Equatable {
    var site: Site
    var strings: [String: InterfaceStrings]
    var facts: [EventFacts]

    /// The part of an event a language's context writes out.
    struct EventFacts: Sendable, Equatable {
        var date: EventDate
        var amounts: [Amount]
        var sources: [Source]
    }

    init(site: Site, strings: [String: InterfaceStrings], timeline: Timeline) {
        self.site = site
        self.strings = strings
        self.facts = timeline.events.map {
            EventFacts(date: $0.date, amounts: $0.amounts, sources: $0.sources)
        }
    }
}

/// The input files a watcher saw change, sorted by what they are: the content's, by their
/// path inside the content folder, and whether any template or asset changed.
enum ChangedInputs: Sendable, Equatable {
    /// Not known: every file is looked at.
    case unknown
    /// These and no others.
    case known(content: Set<String>, templates: Bool)

    /// Nothing changed.
    static let none = ChangedInputs.known(content: [], templates: false)

    /// The changes among `paths` (absolute, or relative to the current folder): unknown
    /// when `paths` is `nil` or one of them is neither inside the content folder nor inside
    /// the templates folder (or is one of the two folders).
    init(_ paths: Set<String>?, content: URL, templates: URL) {
        guard let paths else {
            self = .unknown
            return
        }
        let contentRoot = content.standardizedFileURL.path + "/"
        let templatesRoot = templates.standardizedFileURL.path + "/"
        var inContent = Set<String>()
        var inTemplates = false
        for path in paths {
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            let isContent = full.hasPrefix(contentRoot) && full.count > contentRoot.count
            let isTemplate = full.hasPrefix(templatesRoot) && full.count > templatesRoot.count
            guard isContent || isTemplate else {
                self = .unknown
                return
            }
            if isContent { inContent.insert(String(full.dropFirst(contentRoot.count))) }
            inTemplates = inTemplates || isTemplate
        }
        self = .known(content: inContent, templates: inTemplates)
    }

    /// These changes and others since.
    func adding(_ other: ChangedInputs) -> ChangedInputs {
        guard case .known(let content, let templates) = self,
            case .known(let moreContent, let moreTemplates) = other
        else { return .unknown }
        return .known(content: content.union(moreContent), templates: templates || moreTemplates)
    }

    /// The changed paths inside the content folder, or `nil` when not known.
    var contentFiles: Set<String>? {
        guard case .known(let content, _) = self else { return nil }
        return content
    }

    /// Whether the templates or their assets may have changed.
    var mayChangeTemplates: Bool {
        guard case .known(_, let templates) = self else { return true }
        return templates
    }
}
