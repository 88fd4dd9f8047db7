public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking loopback TCP connection with a read time-out, so that no test can hang.
public final class RawSocket {
    /// Why a connection or a send failed.
    public struct Failure: Error {
        /// What went wrong.
        public var message: String
        /// A failure saying `message`.
        public init(message: String) { self.message = message }
    }

    /// The connected socket.
    public let descriptor: Int32

    /// Connects to `port` on 127.0.0.1; reads wait at most `timeoutSeconds`.
    public init(port: UInt16, timeoutSeconds: Int = 10) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(
            descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure(message: "cannot connect to port \(port): errno \(errno)")
        }
    }

    /// Sends all of `text`.
    public func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
        else { throw Failure(message: "send failed") }
    }

    /// Reads what is there, waiting up to the time-out; empty at the end of the stream.
    public func readSome() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? Data(buffer[..<count]) : Data()
    }

    /// Reads until the other side closes the connection (or the time-out).
    public func readAll() -> Data {
        var data = Data()
        while true {
            let part = readSome()
            if part.isEmpty { return data }
            data += part
        }
    }

    /// Closes the connection.
    public func close() { Glibc.close(descriptor) }
}
