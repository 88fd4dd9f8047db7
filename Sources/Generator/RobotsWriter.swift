/// Writes `robots.txt`: everything may be crawled; the sitemap's address when it is known.
struct RobotsWriter: Sendable {
    let routes: SiteRoutes

    /// The file.
    func file() -> DataFile {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = routes.address(of: "sitemap.xml") { text += "\nSitemap: \(sitemap)\n" }
        return DataFile(path: "robots.txt", text: text)
    }
}
