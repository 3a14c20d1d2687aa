import Foundation

/// The seed inputs: the course's notebooks (whole, and cut into front matter, fence lines,
/// `rnn` blocks and formulas) and the cases of issue 21.
struct Corpus {
    var notebooks: [String] = []
    var frontMatters: [String] = []
    var fenceLines: [String] = []
    var blocks: [String] = []
    var formulas: [String] = []
    var prose: [String] = []

    /// Reads every `.md` file of `folder` (none when it cannot be read) and adds the
    /// issue's cases.
    init(folder: String) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            guard let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            else { continue }
            add(notebook: text)
        }
        blocks += IssueCases.programs
        prose += IssueCases.html
        formulas += IssueCases.formulas
        notebooks += IssueCases.notebooks
        frontMatters += IssueCases.frontMatters
        fenceLines += IssueCases.fenceLines
    }

    /// Cuts one notebook into the pieces each target starts from.
    mutating func add(notebook text: String) {
        notebooks.append(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            frontMatters.append(lines[1..<end].joined(separator: "\n"))
        }
        var block: [String]?
        var paragraph: [String] = []
        for line in lines {
            if line.hasPrefix("```") {
                if let open = block {
                    blocks.append(open.joined(separator: "\n"))
                    block = nil
                } else {
                    fenceLines.append(String(line.dropFirst(3)))
                    if line.hasPrefix("```rnn") { block = [] }
                }
            } else if block != nil {
                block?.append(line)
            } else if line.isEmpty {
                if !paragraph.isEmpty { prose.append(paragraph.joined(separator: "\n")) }
                paragraph = []
            } else {
                paragraph.append(line)
            }
        }
        for piece in prose where piece.contains("$") {
            let parts = piece.split(separator: "$", omittingEmptySubsequences: true)
            formulas += stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
        }
    }
}
