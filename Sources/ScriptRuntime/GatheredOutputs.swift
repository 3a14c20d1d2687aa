/// A block's outputs as they come, consecutive texts merged into one `.text`, the text a
/// block prints limited to `textLimit` bytes.
///
/// A text is appended in place to the one before it, so a loop of n prints copies the
/// gathered text only when its buffer grows (about log n times), not at every print:
/// merging by `previous + text` made 20,000 prints cost seconds.
///
/// Past the limit, the block's printed text (and the display of its last value) is cut
/// where the limit falls, a note says so, and later text is counted but not kept, as
/// Jupyter front ends truncate a cell's huge output: a loop printing a megabyte 3,000 times
/// would otherwise hold gigabytes in memory and write them into the page. Figures,
/// warnings and errors are still kept.
struct GatheredOutputs {
    /// The most bytes of text (UTF-8) a block's outputs keep: 4 MB, some 50,000 lines.
    static let textLimit = 4 << 20

    /// The outputs before the text being gathered.
    private var finished: [BlockOutput] = []
    /// The texts since the last other output, appended in place.
    private var text = ""
    /// The bytes of text kept so far, and those left out after the limit.
    private var (kept, dropped) = (0, 0)

    /// Adds one output; returns what was kept of it (nil for text past the limit), for
    /// whoever follows the block live.
    @discardableResult
    mutating func add(_ output: BlockOutput) -> BlockOutput? {
        switch output {
        case .text(let more):
            guard let more = limited(more) else { return nil }
            text += more
            return .text(more)
        case .value(let shown):
            guard let shown = limited(shown) else { return nil }
            flushText()
            finished.append(.value(shown))
            return .value(shown)
        default:
            flushText()
            finished.append(output)
            return output
        }
    }

    /// Every output so far, in order, with the texts merged.
    var outputs: [BlockOutput] {
        text.isEmpty ? finished : finished + [.text(text)]
    }

    /// The bytes of text the block printed past `textLimit`, not kept.
    var droppedBytes: Int { dropped }

    /// Ends the text being gathered, so that the next output follows it.
    private mutating func flushText() {
        guard !text.isEmpty else { return }
        finished.append(.text(text))
        text = ""
    }

    /// `piece` if it fits under the limit; else the part that fits (cut at a character)
    /// followed by the note, the first time; nil once the limit was reached.
    private mutating func limited(_ piece: String) -> String? {
        let size = piece.utf8.count
        guard dropped == 0 else {
            dropped = dropped.addingReportingOverflow(size).partialValue
            return nil
        }
        if kept + size <= Self.textLimit {
            kept += size
            return piece
        }
        let room = Self.textLimit - kept
        var end = piece.utf8.index(piece.utf8.startIndex, offsetBy: room)
        while end > piece.startIndex, String.Index(end, within: piece) == nil {
            end = piece.utf8.index(before: end)
        }
        let head = String(piece[..<end])
        kept = Self.textLimit
        dropped = Swift.max(1, size - head.utf8.count)
        let note = "\n[output truncated: a block's printed text is limited to \(Self.textLimit >> 20) MB; "
            + "what follows is not shown. Print less, e.g. every 100th step]\n"
        return head + note
    }
}
