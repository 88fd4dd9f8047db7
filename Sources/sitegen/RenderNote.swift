import ArgumentParser
import Content
import Foundation
import Markdown

/// `sitegen render-note`: one Markdown note to HTML, as the site will render it.
struct RenderNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-note",
        abstract: "Renders one Markdown note to HTML on standard output.",
        discussion: """
            What the renderer leaves out for safety (raw HTML, javascript: and other unsafe \
            links) is reported on standard error as FILE:LINE:COLUMN: warnings.
            """
    )

    @Argument(help: "The Markdown file to render, or - for standard input.")
    var file: String

    @Option(help: "The note's language (en, el, uk, it, ar), for its quotation marks.")
    var language: String?

    @Flag(help: "Let raw HTML through. Only for trusted content.")
    var allowRawHTML = false

    func validate() throws {
        if let language, Typography(languageCode: language) == nil {
            throw ValidationError(
                "unknown language '\(language)'; use en, el, uk, it or ar, or leave it out "
                    + "to keep punctuation as typed")
        }
    }

    func run() throws {
        let markdown = try NoteFile.read(file)
        let unsafe = UnsafeText.findings(in: markdown)
        guard unsafe.isEmpty else {
            for finding in unsafe {
                Terminal.printError(
                    "\(file):\(finding.line):\(finding.column): error: \(finding.message)")
            }
            throw ExitCode.failure
        }
        let renderer = MarkdownRenderer(
            options: .init(
                allowsRawHTML: allowRawHTML,
                typography: language.flatMap(Typography.init(languageCode:))))
        let note: RenderedNote
        do {
            note = try renderer.render(markdown)
        } catch {
            let place = error.position.map { "\(file):\($0.line):\($0.column)" } ?? file
            throw NoteFile.Failure(path: place, message: error.description)
        }
        for omission in note.omissions {
            Terminal.printError("\(file):\(omission.line):\(omission.column): warning: \(omission)")
        }
        FileHandle.standardOutput.write(Data(note.html.utf8))
    }
}

/// Reading a note from disk, with errors that name the file.
enum NoteFile {
    /// A note that could not be read or rendered, and why.
    struct Failure: Error, CustomStringConvertible {
        /// The note's path as given on the command line.
        var path: String
        /// What went wrong and what to do.
        var message: String

        var description: String { Terminal.escaped("\(path): \(message)") }
    }

    /// The note's text, from a file or, for `-`, standard input; fails when it cannot be
    /// read or is not UTF-8.
    static func read(_ path: String) throws(Failure) -> String {
        if path == "-" {
            return try text(
                of: FileHandle.standardInput.readDataToEndOfFile(), path: "(standard input)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure(path: path, message: "no such file")
        }
        guard !isFolder.boolValue else {
            throw Failure(path: path, message: "is a folder; give the path of a Markdown file")
        }
        guard let file = FileHandle(forReadingAtPath: path),
            let data = try? file.readToEnd() ?? Data()
        else {
            throw Failure(path: path, message: "cannot be read; check its permissions")
        }
        return try text(of: data, path: path)
    }

    /// The bytes of a note as text; fails when they are not UTF-8.
    /// CRLF and CR line endings become LF and a byte-order mark is dropped, as when a build
    /// reads a note.
    private static func text(of data: Data, path: String) throws(Failure) -> String {
        guard var text = String(data: data, encoding: .utf8) else {
            throw Failure(path: path, message: "is not UTF-8 text; save it as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
}
