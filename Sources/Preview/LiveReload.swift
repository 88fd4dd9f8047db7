import Escaping
import FlyingSocks
import Foundation
import Synchronization

/// The pages listening for rebuilds, and what each is told: after a good build, `reload` to
/// the pages whose file changed (or all of them when a stylesheet changed) and `built` to the
/// rest; after a failed one, `failed` with the errors to every page. A page that connects
/// while the last build failed is told so at once, and one whose file changed since it was
/// served (a rebuild it missed) is told to reload.
final class LiveReload: Sendable {
    /// A listening page.
    private struct Listener {
        var continuation: AsyncStream<Data>.Continuation
        /// The site file the page was served from, or `nil` for none.
        var file: String?
        /// The request path the page was served at, resolved again after each build.
        var target: String
    }

    private struct State {
        var listeners: [Int: Listener] = [:]
        var nextID = 0
        /// The errors of the last build, when it failed.
        var errors: [String]?
        var isClosed = false
    }

    private let state = Mutex(State())

    /// How many pages are listening.
    var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// A stream of events for a page served at `target` from `file`, whose served copy had
    /// entity tag `servedTag`; `currentTag` is the file's tag now.
    /// - Returns: The stream, and a number for ``stopListening(_:)``.
    func listen(target: String, file: String?, servedTag: String, currentTag: String?)
        -> (events: AsyncStream<Data>, id: Int)
    {
        let (stream, continuation) = AsyncStream<Data>.makeStream(
            bufferingPolicy: .bufferingNewest(16))
        let id = state.withLock { state -> Int? in
            guard !state.isClosed else { return nil }
            state.nextID += 1
            state.listeners[state.nextID] = Listener(
                continuation: continuation, file: file, target: target)
            continuation.yield(Data("retry: 500\n\n".utf8))
            if let errors = state.errors {
                continuation.yield(Self.event("failed", errors: errors))
            } else if servedTag != (currentTag ?? "") {
                continuation.yield(Self.event("reload"))
            }
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return (stream, 0)
        }
        return (stream, id)
    }

    /// Forgets a page whose connection ended.
    func stopListening(_ id: Int) {
        let listener = state.withLock { $0.listeners.removeValue(forKey: id) }
        listener?.continuation.finish()
    }

    /// Tells every page about a good build that changed `changed` (site paths): `reload` to
    /// a page whose file is among them, or whose address now leads to another file
    /// (`fileFor`), or to all when a stylesheet changed; `built` to the others.
    /// - Returns: How many pages were told to reload.
    @discardableResult
    func built(changed: Set<String>, fileFor: (String) -> String?) -> Int {
        let stylesChanged = changed.contains { $0.hasSuffix(".css") }
        let listeners = state.withLock { state in
            state.errors = nil
            return state.listeners
        }
        var reloads = 0
        for (_, listener) in listeners {
            let file = fileFor(listener.target)
            let reload =
                stylesChanged || file != listener.file
                || listener.file.map(changed.contains) == true
            if reload { reloads += 1 }
            listener.continuation.yield(Self.event(reload ? "reload" : "built"))
        }
        return reloads
    }

    /// Tells every page that the build failed, with its errors (the last good site is still
    /// served).
    func failed(errors: [String]) {
        let listeners = state.withLock { state in
            state.errors = errors
            return state.listeners
        }
        let event = Self.event("failed", errors: errors)
        for (_, listener) in listeners { listener.continuation.yield(event) }
    }

    /// A comment line to every page, so that connections the browser closed are noticed.
    func keepAlive() {
        let listeners = state.withLock { $0.listeners }
        for (_, listener) in listeners { listener.continuation.yield(Data(": ping\n\n".utf8)) }
    }

    /// Ends every stream and refuses new ones, so that the server can stop.
    func close() {
        let listeners = state.withLock { state in
            state.isClosed = true
            return state.listeners
        }
        for (_, listener) in listeners { listener.continuation.finish() }
    }

    /// One Server-Sent Event; `errors` go as JSON in its data line.
    static func event(_ name: String, errors: [String]? = nil) -> Data {
        guard let errors else { return Data("event: \(name)\ndata: {}\n\n".utf8) }
        var data = Array("event: \(name)\ndata: {\"errors\":[".utf8)
        for (index, error) in errors.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            Escaping.appendJSONString(error, to: &data)
        }
        data.append(contentsOf: "]}\n\n".utf8)
        return Data(data)
    }
}

/// An event stream as the bytes of a response body that FlyingFox sends as they come. When
/// the response goes (its connection closed, or a write failed), `ended` runs.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    /// Runs a closure when the last copy of the body is let go.
    final class Ending: Sendable {
        private let ended: @Sendable () -> Void
        init(_ ended: @escaping @Sendable () -> Void) { self.ended = ended }
        deinit { ended() }
    }

    /// The events, each already encoded.
    var events: AsyncStream<Data>
    /// What runs when the body is let go.
    var ending: Ending

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), ending: ending)
    }

    /// Hands out each event's bytes, no more at a time than asked for.
    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        let ending: Ending
        var pending = Data()

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> Data? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event
            }
            let part = pending.prefix(Swift.max(count, 1))
            pending = Data(pending.dropFirst(part.count))
            return Data(part)
        }
    }
}
