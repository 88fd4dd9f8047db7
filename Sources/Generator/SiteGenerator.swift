public import Foundation

/// Publishes a content folder through a templates folder into an output folder: a
/// language chooser, and per language a timeline index, a page per event and a 404 page.
///
/// Nothing is written into the output folder before every file is made: a failed build
/// changes nothing. A build that changes few files updates the folder in place, others
/// swap in a new site (see ``InPlaceOutput`` and ``OutputFolder``). It is deterministic:
/// the same input gives the same bytes.
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
        /// Where an update in place stops as if the process were killed: a test's fault
        /// hook, `nil` in every real build.
        var interruption: InPlaceOutput.Step?

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
    /// the same folder (see ``BuildCache``); a build with nothing to do writes nothing. It is
    /// a ``BuildSession`` used once, with its cache on disk.
    ///
    /// - Throws: ``BuildError`` naming the step and every problem; the output folder is then
    ///   as it was before.
    public func build() throws(BuildError) -> BuildSummary {
        try BuildSession(options: options, keepsCacheOnDisk: true, buildsOnce: true).build()
    }
}
