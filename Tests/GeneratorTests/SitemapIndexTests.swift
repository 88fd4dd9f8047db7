import Content
import Foundation
import Testing
import Timeline

@testable import Generator

/// A site with more addresses than one sitemap may list gets a sitemap index.
@Suite("Sitemap index")
struct SitemapIndexTests {
    @Test func pastTheLimitTheSitemapBecomesAnIndexOfNumberedSitemaps() throws {
        let content = try DiscoveryTests.content()
        let writer = SitemapWriter(
            routes: SiteRoutes(site: content.site, timeline: content.timeline),
            events: content.timeline.events)
        let whole = writer.files()
        #expect(whole.map(\.path) == ["sitemap.xml"])
        let listed = try XMLElement.parse(whole[0].text).children(named: "url")

        let split = writer.files(length: 10)
        let expectedParts = (listed.count + 9) / 10
        #expect(
            split.map(\.path) == ["sitemap.xml"] + (1...expectedParts).map { "sitemap-\($0).xml" })
        let index = try XMLElement.parse(split[0].text)
        #expect(index.name == "sitemapindex")
        #expect(
            index.children(named: "sitemap").compactMap { $0.child("loc")?.text }
                == (1...expectedParts).map { "\(DiscoveryTests.base)sitemap-\($0).xml" })
        // The numbered sitemaps list the same addresses, with the same alternates, in order.
        let parts = try split.dropFirst().map {
            try XMLElement.parse($0.text).children(named: "url")
        }
        #expect(parts.allSatisfy { $0.count <= 10 })
        let joined = parts.flatMap { $0 }
        #expect(joined.map { $0.child("loc")?.text } == listed.map { $0.child("loc")?.text })
        #expect(
            joined.map { $0.children(named: "link").count }
                == listed.map { $0.children(named: "link").count })
    }
}
