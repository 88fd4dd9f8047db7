public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `sitegen check --external`: a HEAD request to each external address, with a short
/// timeout; an address that fails or answers with an error status is a warning.
public enum ExternalLinkCheck {
    /// The findings for the addresses that did not answer with a success or redirect,
    /// asking a few at a time, each address once.
    public static func check(_ links: [ExternalLink], timeout: TimeInterval = 10) async
        -> [Finding]
    {
        let addresses = Array(Set(links.map(\.url))).sorted()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        var failures: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            for address in addresses {
                group.addTask { (address, await problem(with: address, session: session)) }
            }
            for await (address, problem) in group {
                if let problem { failures[address] = problem }
            }
        }
        return links.compactMap { link in
            failures[link.url].map {
                Finding(
                    file: link.file, line: link.line, column: link.column, severity: .warning,
                    kind: .externalLink, message: "\(link.url) \($0)")
            }
        }
    }

    /// What is wrong with one address, or `nil` when it answers a HEAD request with a
    /// status below 400.
    private static func problem(with address: String, session: URLSession) async -> String? {
        guard let url = URL(string: address) else { return "is not a valid address" }
        var request = URLRequest(url: url)
        request.httpMethod = "HEAD"
        do {
            let (_, response) = try await session.data(for: request)
            guard let status = (response as? HTTPURLResponse)?.statusCode else {
                return "gave no HTTP answer"
            }
            return status < 400 ? nil : "answered a HEAD request with status \(status)"
        } catch {
            return "could not be reached: \(error.localizedDescription)"
        }
    }
}
