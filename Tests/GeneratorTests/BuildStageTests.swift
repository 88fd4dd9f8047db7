import Content
import Escaping
import Foundation
import Testing
import Timeline

@testable import Generator

/// The stages before the pages: routes, each language's context, and the notes rendered
/// once, which every page and feed that shows a note reads.
@Suite("Build stages")
struct BuildStageTests {
    static func plan() throws -> SitePlan {
        let content = try DiscoveryTests.content()
        let routes = SiteRoutes(site: content.site, timeline: content.timeline)
        let contexts = try LanguageContexts(
            site: content.site, strings: content.strings, timeline: content.timeline)
        let notes = RenderedNotes(
            timeline: content.timeline, contexts: contexts,
            renderer: NoteRenderer(
                maxNoteSize: content.site.maxNoteSize, timeline: content.timeline))
        return SitePlan(
            site: content.site, timeline: content.timeline, routes: routes, contexts: contexts,
            notes: notes)
    }

    @Test func aFallbackPageShowsTheOriginalsRenderingAndRendersNothingOfItsOwn() throws {
        let plan = try Self.plan()
        // `round` has no Arabic note: its Arabic page shows the English one.
        let english = plan.notes.html(NoteKey(slug: "round", language: "en"))
        #expect(!english.isEmpty)
        #expect(plan.notes.html(NoteKey(slug: "round", language: "ar")) == "")
        let event = try #require(plan.timeline.event(withSlug: "round"))
        let arabic = try #require(plan.contexts.context(ofCode: "ar"))
        let page = plan.page(.event(event, arabic))
        #expect(page.path == "ar/round.html")
        #expect(page.model["note"]?.string == english)
        #expect(page.model["fallbackLang"]?.string == "en")
        // The Arabic feed carries the same rendering, escaped once.
        let feed = plan.dataFiles(.language(arabic)).first { $0.path == "ar/feed.xml" }
        #expect(feed?.text.contains(Escaping.xml(english)) == true)
    }

    @Test func theContextsFollowTheSitesLanguagesAndRefuseALanguageWithoutStrings() throws {
        let content = try DiscoveryTests.content()
        let contexts = try LanguageContexts(
            site: content.site, strings: content.strings, timeline: content.timeline)
        #expect(contexts.all.map(\.language.code) == DiscoveryTests.languages)
        #expect(contexts.context(ofCode: "el")?.openGraphLocale == "el_GR")
        var strings = content.strings
        strings["el"] = nil
        #expect(throws: BuildError.self) {
            try LanguageContexts(site: content.site, strings: strings, timeline: content.timeline)
        }
    }

    @Test func routesNeedNoInterfaceStrings() throws {
        let content = try DiscoveryTests.content()
        let routes = SiteRoutes(site: content.site, timeline: content.timeline)
        let event = try #require(content.timeline.event(withSlug: "round"))
        #expect(
            routes.alternates(of: event).map(\.hreflang) == ["en", "el", "x-default"],
            "no Arabic note, so no Arabic alternate")
        #expect(routes.address(of: "el/index.html") == DiscoveryTests.base + "el/")
        #expect(routes.parts.isEmpty)
    }

    /// Every page's kind is held until the build ends, two or three times over for a full
    /// build (the plan's list, the stale list, and work in flight), so a kind names its
    /// language's context by reference instead of carrying a copy of its strings and forms.
    @Test func aPagesKindIsSmallWhateverItsLanguagesStrings() throws {
        let plan = try Self.plan()
        #expect(MemoryLayout<SitePlan.PageKind>.stride <= MemoryLayout<Event>.stride + 16)
        let contexts = plan.pageKinds().compactMap { kind -> LanguageContext? in
            guard case .event(_, let context) = kind else { return nil }
            return context
        }
        #expect(contexts.count == plan.timeline.events.count * plan.contexts.all.count)
        // One context per language, shared by all its pages.
        #expect(contexts.allSatisfy { context in plan.contexts.all.contains { $0 === context } })
    }

    /// The data files are kept as the bytes written, and read back as the same text.
    @Test func dataFilesAreTheirTextsBytes() throws {
        let plan = try Self.plan()
        let files = plan.dataKinds.flatMap { plan.dataFiles($0) }
        #expect(files.contains { $0.path == "sitemap.xml" })
        #expect(files.contains { $0.path.hasSuffix("timeline.json") })
        for file in files {
            #expect(!file.contents.isEmpty)
            #expect(Data(file.text.utf8) == file.contents)
        }
        let export = try #require(files.first { $0.path == "en/timeline.json" })
        #expect(try JSONSerialization.jsonObject(with: export.contents) is [String: Any])
    }

}
