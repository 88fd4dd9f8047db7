/// Why a build failed: the step that failed and every problem it found, each naming its
/// file. A failed build leaves the previous output untouched.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// The step of the build that failed.
    public enum Step: String, Sendable {
        /// Checking that the output folder is sitegen's to replace.
        case output = "checking the output folder"
        /// Reading and checking `Content/`.
        case content = "reading the content"
        /// Reading and compiling `Templates/`.
        case templates = "reading the templates"
        /// Writing the site.
        case writing = "writing the site"
    }

    /// The step that failed.
    public var step: Step

    /// The problems, one a line, each starting with its file.
    public var problems: [String]

    /// Creates a build error.
    public init(step: Step, problems: [String]) {
        self.step = step
        self.problems = problems
    }

    /// The problems, then a line that says which step failed and that nothing was written.
    public var description: String {
        (problems + [
            "The build stopped while \(step.rawValue); the output folder was left as it was."
        ])
        .joined(separator: "\n")
    }
}

/// What a successful build did.
public struct BuildSummary: Sendable {
    /// How many HTML pages were written.
    public var pageCount: Int

    /// How many languages the site has.
    public var languageCount: Int

    /// Problems that did not stop the build, one a line, each starting with its file.
    public var warnings: [String]

    /// What the build left out or wrote in a lesser form, and why; said once per build.
    public var notices: [String] = []

    /// How many outputs (pages, groups of data files, assets) were made again; the others
    /// were carried over unchanged from the last build. 0 when nothing changed, and the
    /// output folder was not touched.
    public var writtenCount: Int = 0

    /// The paths in the site, such as `el/revenue.html`, whose contents this build changed:
    /// files added, files written again with other bytes, and files removed; in the order
    /// of their bytes. Empty when nothing changed.
    public var changedPaths: [String] = []
}
