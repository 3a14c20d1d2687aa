// Writes a Swift file that holds the text of each template file, so that the rnnbook binary
// carries its templates and keeps working when moved away from the checkout.
//
// Usage: EmbedTemplatesTool OUTPUT.swift FILE...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedTemplatesTool OUTPUT.swift FILE...\n".utf8))
    exit(64)
}

/// A Swift string literal holding `text` exactly, as a raw literal with enough `#`s.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains(hashes + "\"") { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var entries: [(String, String)] = []
for path in arguments.dropFirst().sorted() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read template \(path) as UTF-8\n".utf8))
        exit(1)
    }
    entries.append((url.lastPathComponent, text))
}

var swift = "// Generated at build time from templates/ by EmbedTemplatesTool. Do not edit.\n\n"
swift += "/// The built-in templates, by file name.\n"
swift += "enum EmbeddedTemplates {\n    static let files: [String: String] = [\n"
for (name, text) in entries {
    swift += "        \"\(name)\": \(literal(text)),\n"
}
if entries.isEmpty { swift += "        :\n" }
swift += "    ]\n}\n"

do {
    try swift.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
