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

/// The one place the preview builds the site, so that the build can be swapped for a faster
/// one without touching the rest: each call is an incremental build into the same output
/// folder, through the build cache beside it, then a comparison of the output's manifest with
/// the one before, which says what changed for the live-reload script.
struct SiteBuilder: Sendable {
    /// What the build reads and where it writes (the preview's temporary folder).
    var options: SiteGenerator.Options

    /// Builds the site once.
    func build() -> BuildOutcome {
        let started = ContinuousClock.now
        let site = options.output.path
        let before = Self.manifest(in: site)
        let result: Result<BuildSummary, BuildError>
        do {
            result = .success(try SiteGenerator(options: options).build())
        } catch {
            result = .failure(error)
        }
        let duration = started.duration(to: .now)
        guard case .success = result else {
            return BuildOutcome(
                result: result, changedFiles: [], prefix: prefix(), duration: duration)
        }
        let after = Self.manifest(in: site)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        return BuildOutcome(
            result: result, changedFiles: changed, prefix: prefix(), duration: duration)
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

    /// The digests `.sitegen-manifest` lists in a site folder, by path.
    static func manifest(in folder: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: folder + "/.sitegen-manifest")
        else { return [:] }
        var digests: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) where line.count > 66 {
            let digest = String(decoding: line.prefix(64), as: UTF8.self)
            digests[String(decoding: line.dropFirst(66), as: UTF8.self)] = digest
        }
        return digests
    }
}
