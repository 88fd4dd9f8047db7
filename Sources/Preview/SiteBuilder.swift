import Content
import Foundation
import Generator
import Timeline

/// What one build of the preview did.
struct BuildOutcome: Sendable {
    /// The build's summary, or its error.
    var result: Result<BuildSummary, BuildError>
    /// The site files whose digest in `.sitegen-manifest` differs from the last good
    /// build's, with files added and removed; empty after a failed build.
    var changedFiles: Set<String>
    /// The path the site lives under after the build (`/meta-scale-ai/`).
    var prefix: String
    /// How long the build took.
    var duration: Duration
}

/// The one place the preview builds the site: one ``BuildSession`` for the whole preview,
/// which keeps the content as read, the templates, the keys and the rendered notes in memory
/// between builds, so a rebuild after a save reads, renders and writes only what the save
/// touched; its summary's `changedPaths` say what changed for the live-reload script.
struct SiteBuilder: Sendable {
    /// What the build reads and where it writes (the preview's temporary folder).
    var options: SiteGenerator.Options { session.options }
    /// The session every build of the preview goes through.
    private let session: BuildSession

    /// A builder for these options; nothing is read until the first build.
    init(options: SiteGenerator.Options) {
        session = BuildSession(options: options)
    }

    /// Builds the site once; `changedFiles` are the paths the watcher saw change since the
    /// last build, or `nil` when they are not known (the first build; see
    /// ``BuildSession/build(changedFiles:)``).
    func build(changedFiles: Set<String>? = nil) -> BuildOutcome {
        let started = ContinuousClock.now
        let result: Result<BuildSummary, BuildError>
        do {
            result = .success(try session.build(changedFiles: changedFiles))
        } catch {
            result = .failure(error)
        }
        let duration = started.duration(to: .now)
        guard case .success(let summary) = result else {
            return BuildOutcome(
                result: result, changedFiles: [], prefix: prefix(), duration: duration)
        }
        return BuildOutcome(
            result: result, changedFiles: Set(summary.changedPaths), prefix: prefix(),
            duration: duration)
    }

    /// The path part of the base URL (`--base-url`, else `site.yml`'s), with a leading and a
    /// final `/`; `/` when there is none or `site.yml` cannot be read.
    func prefix() -> String {
        var url = options.baseURL
        if url == nil {
            let file = options.content.appendingPathComponent("site.yml")
            if let data = FileManager.default.contents(atPath: file.path),
                let site = try? Site.read(String(decoding: data, as: UTF8.self), file: file.path)
            {
                url = site.baseURL
            }
        }
        let path = url?.path ?? ""
        let trimmed = path.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "/" : "/" + trimmed + "/"
    }
}
