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
}
