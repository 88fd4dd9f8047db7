// swift-tools-version: 6.2
import PackageDescription

/// Settings every Swift target shares, on top of Swift 6 language mode (complete strict
/// concurrency checking), which `swiftLanguageModes` below makes explicit.
let strictSettings: [SwiftSetting] = [
    // `any P` is spelled out wherever an existential is used.
    .enableUpcomingFeature("ExistentialAny"),
    // An `import` is internal unless a module re-exports it on purpose with `public import`.
    .enableUpcomingFeature("InternalImportsByDefault"),
    // A member is visible only where the module that declares it is imported.
    .enableUpcomingFeature("MemberImportVisibility"),
    // The project builds without warnings; a warning fails the build.
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "Timeline", targets: ["Timeline"]),
        .library(name: "Content", targets: ["Content"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: Command-line interface

        /// The `sitegen` command: a thin layer over the libraries below.
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "Checks",
                "Content",
                "Generator",
                "Markdown",
                "Preview",
                "Timeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        /// Times a build session's rebuilds; `Benchmarks/incremental` runs it.
        .executableTarget(
            name: "IncrementalBenchmark",
            dependencies: ["Generator"],
            path: "Benchmarks/IncrementalBenchmark",
            swiftSettings: strictSettings
        ),

        // MARK: Libraries

        /// The site: content through templates into pages, written atomically.
        .target(
            name: "Generator",
            dependencies: [
                "BinaryState", "CFileSystem", "Content", "Digest", "Escaping", "Markdown",
                "TemplateEngine",
                "Timeline",
            ],
            swiftSettings: strictSettings
        ),

        /// `sitegen serve`: the site built into a temporary folder and served over HTTP as a
        /// static host would, rebuilt when Content/ or Templates/ change, with live reload.
        .target(
            name: "Preview",
            dependencies: [
                "CWatch", "Escaping", "Generator",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),

        /// `sitegen check` and `sitegen new`: translations kept in step, figures checked
        /// against the record and across languages, links and sources; new events scaffolded.
        .target(
            name: "Checks",
            dependencies: ["Content", "Digest", "Markdown", "Timeline"],
            swiftSettings: strictSettings
        ),

        /// Values in a small binary format of length-prefixed fields, and files of them with
        /// a versioned header and a SHA-256 digest: the build's state on disk.
        .target(
            name: "BinaryState",
            dependencies: ["Digest"],
            swiftSettings: strictSettings
        ),

        /// SHA-256, for the build's manifest and for marking translations, through
        /// swift-crypto (BoringSSL's assembly, with the CPU's SHA extensions where it has them).
        .target(
            name: "Digest",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),

        /// Mustache templates compiled once and rendered straight into UTF-8 bytes.
        .target(
            name: "TemplateEngine",
            dependencies: ["Escaping"],
            swiftSettings: strictSettings
        ),

        /// The one way to make text safe for each kind of output: HTML text and attributes,
        /// XML, and JSON inside `<script>`. Standard library only.
        .target(
            name: "Escaping",
            swiftSettings: strictSettings
        ),

        /// Markdown notes to HTML: GitHub Flavored Markdown, safe by default, language-aware
        /// typography, heading anchors. The only module that imports `CCmarkGFM`.
        .target(
            name: "Markdown",
            dependencies: ["CCmarkGFM", "Escaping"],
            swiftSettings: strictSettings
        ),

        /// `Content/` read and checked into the model's values (the site's settings,
        /// interface strings and events), or every problem found, each naming its file.
        .target(
            name: "Content",
            dependencies: ["BinaryState", "Timeline", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),

        /// The model: events, dates of mixed precision, amounts and sources, and their order;
        /// the site's settings and languages, and each language's interface strings and
        /// plural rules. Depends on nothing but the standard library and Foundation.
        .target(
            name: "Timeline",
            swiftSettings: strictSettings
        ),

        // MARK: C libraries

        /// The file-system calls Swift's Glibc module does not declare: an atomic exchange
        /// of two folders (renameat2), a rename that never replaces, and syncfs.
        .target(name: "CFileSystem"),

        /// Linux's inotify, for `sitegen serve`'s watcher (absent elsewhere: it polls).
        .target(name: "CWatch"),

        /// Debian's cmark-gfm and its GFM extensions, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])
            ]
        ),

        // MARK: Tests

        .testTarget(
            name: "MarkdownTests",
            dependencies: ["Markdown"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ContentTests",
            dependencies: ["Content", "Timeline"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GeneratorTests",
            dependencies: [
                "BinaryState", "Content", "Digest", "Escaping", "Generator", "TemplateEngine",
                "Timeline",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "Content", "Digest", "Timeline"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PreviewTests",
            dependencies: ["Preview", "Generator", "LoopbackTesting"],
            swiftSettings: strictSettings
        ),
        /// A loopback TCP client for the tests that talk to `sitegen serve` over plain sockets.
        .target(
            name: "LoopbackTesting",
            path: "Tests/LoopbackTesting",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SitegenTests",
            dependencies: ["sitegen", "LoopbackTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TemplateEngineTests",
            dependencies: ["TemplateEngine"],
            exclude: ["Spec"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BinaryStateTests",
            dependencies: ["BinaryState", "Content", "Timeline"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DigestTests",
            dependencies: ["Digest"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EscapingTests",
            dependencies: ["Escaping"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TimelineTests",
            dependencies: ["Timeline"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
