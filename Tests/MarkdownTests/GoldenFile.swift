import Foundation
import Testing

/// Compares `actual` with the golden file `name` in `Fixtures/`. A missing golden file is
/// written and the test fails with "recorded new baseline"; set `SITEGEN_RECORD_GOLDEN=1`
/// to re-record every golden file after a deliberate change, then review the diff.
func expectMatchesGoldenFile(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let url = fixturesFolder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["SITEGEN_RECORD_GOLDEN"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded new baseline at \(url.path)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        Array(actual.utf8) == Array(expected.utf8), "differs from \(name)",
        sourceLocation: sourceLocation)
}

/// The `Fixtures/` folder beside this file.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// The text of a fixture file.
func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixturesFolder.appendingPathComponent(name), encoding: .utf8)
}
