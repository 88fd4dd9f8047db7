// Times a build session's rebuilds at a site's size: a first build, rebuilds with nothing
// changed, and rebuilds after appending a line to one note, told which file changed (as
// `sitegen serve` tells it) and not told (every file's stamp looked at); one JSON line per
// build, for `Benchmarks/incremental` to read.
//
//     IncrementalBenchmark --content DIR --templates DIR --output DIR --note FILE --runs N

import Foundation
import Generator

#if canImport(Glibc)
    import Glibc
#endif

/// The value after `name` on the command line.
func argument(_ name: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("IncrementalBenchmark: \(name) is missing\n".utf8))
        exit(2)
    }
    return arguments[index + 1]
}

/// This process's CPU time so far (user and system), in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Builds once and prints what it took.
func timedBuild(_ session: BuildSession, phase: String, changed: Set<String>? = nil) {
    let cpu = cpuSeconds()
    let started = ContinuousClock.now
    do {
        let summary = try session.build(changedFiles: changed)
        let wall = started.duration(to: .now)
        let seconds =
            Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        print(
            "{\"phase\": \"\(phase)\", \"wall\": \(seconds), \"cpu\": \(cpuSeconds() - cpu), "
                + "\"written\": \(summary.writtenCount), \"changed\": \(summary.changedPaths.count)}"
        )
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}

let session = BuildSession(
    options: .init(
        content: URL(fileURLWithPath: argument("--content")),
        templates: URL(fileURLWithPath: argument("--templates")),
        output: URL(fileURLWithPath: argument("--output"))))
let note = URL(fileURLWithPath: argument("--note"))
let runs = Int(argument("--runs")) ?? 5
timedBuild(session, phase: "first")
for _ in 0..<runs { timedBuild(session, phase: "no-op") }
for _ in 0..<runs { timedBuild(session, phase: "no-op, told", changed: []) }
for run in 0..<2 * runs {
    let text = (try? String(contentsOf: note, encoding: .utf8)) ?? ""
    try Data((text + "\nEdited in the session, run \(run).\n").utf8).write(to: note)
    if run % 2 == 0 {
        timedBuild(session, phase: "one-note edit, told", changed: [note.path])
    } else {
        timedBuild(session, phase: "one-note edit")
    }
}
