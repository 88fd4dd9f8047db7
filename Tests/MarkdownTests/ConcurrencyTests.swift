import Dispatch
import Markdown
import Synchronization
import Testing

@Suite("Concurrent rendering")
struct ConcurrencyTests {
    /// A note that uses every extension whose parsing depends on cmark-gfm's shared
    /// special-character table: strikethrough (`~`) and autolinks (`w`, `:`, `@`).
    static let note = """
        # Η συμφωνία

        Talks ~~stalled~~ resumed: see www.bloomberg.com, https://scale.com or press@meta.com.

        | Year | Event |
        |------|-------|
        | 2016 | ~Scale AI~ founded |

        - [x] "Quoted" -- done[^1]

        [^1]: Footnote with www.example.com.
        """

    @Test func hundredsOfConcurrentRendersOnThreadsMatchASerialRender() throws {
        let renderer = MarkdownRenderer(options: .init(typography: .greek))
        let expected = try renderer.render(Self.note)
        #expect(expected.html.contains("<del>stalled</del>"))
        #expect(expected.html.contains(#"<a href="http://www.bloomberg.com">"#))

        let results = Mutex([RenderedNote?](repeating: nil, count: 400))
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let note = try? renderer.render(Self.note)
            results.withLock { $0[index] = note }
        }
        let notes = results.withLock { $0 }
        #expect(notes.allSatisfy { $0 == expected })
    }

    @Test func hundredsOfConcurrentTasksWithDifferentOptionsAgree() async throws {
        let typographies: [Typography?] = [nil, .english, .greek, .ukrainian, .italian, .arabic]
        let expected = try typographies.map {
            try MarkdownRenderer(options: .init(typography: $0)).render(Self.note)
        }
        let mismatches = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<600 {
                group.addTask {
                    let style = index % typographies.count
                    let note = try? MarkdownRenderer(
                        options: .init(typography: typographies[style])
                    )
                    .render(Self.note)
                    return note == expected[style]
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 0 : 1) }
        }
        #expect(mismatches == 0)
    }
}
