import Content
import Testing
import Timeline

@Suite("max_note_size in site.yml")
struct NoteSizeSettingTests {
    /// The minimal site with `max_note_size: value` added as line 4 of `site.yml`.
    private func folder(withMaxNoteSize value: String) -> ContentFolder {
        var folder = ContentFolder.minimal
        folder["site.yml"] = folder["site.yml"]!
            .replacing(
                "default_language: en", with: "default_language: en\nmax_note_size: \(value)")
        return folder
    }

    @Test func defaultIsOneMebibyte() throws {
        let content = try ContentFolder.minimal.load().get()
        #expect(content.site.maxNoteSize == 1_048_576)
    }

    @Test(arguments: [
        ("4096", 4096), ("2 MiB", 2_097_152), ("512 KiB", 524_288), ("1 MB", 1_000_000),
        ("300KB", 300_000), ("16 MiB", 16_777_216), ("10 B", 10),
    ])
    func sizeInBytesOrWithAUnit(text: String, bytes: Int) throws {
        let content = try folder(withMaxNoteSize: text).load().get()
        #expect(content.site.maxNoteSize == bytes)
    }

    @Test(arguments: [
        "0", "17 MiB", "1 GiB", "big", "-5", "1.5 MiB", "2 mb", "99999999999999999999",
    ])
    func badValuesAreErrorsWithLineAndColumn(text: String) throws {
        #expect(
            try folder(withMaxNoteSize: text).problems() == [
                "Content/site.yml:5:16: error: max_note_size '\(text)' is not a size from 1 byte "
                    + "to 16 MiB; write a number of bytes, or a number and one of the units B, KB, "
                    + "KiB, MB, MiB, such as 2 MiB"
            ])
    }
}
