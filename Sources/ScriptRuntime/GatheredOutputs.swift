/// A block's outputs as they come, consecutive texts merged into one `.text`.
///
/// A text is appended in place to the one before it, so a loop of n prints copies the
/// gathered text only when its buffer grows (about log n times), not at every print:
/// merging by `previous + text` made 20,000 prints cost seconds.
struct GatheredOutputs {
    /// The outputs before the text being gathered.
    private var finished: [BlockOutput] = []
    /// The texts since the last other output, appended in place.
    private var text = ""

    /// Adds one output.
    mutating func add(_ output: BlockOutput) {
        if case .text(let more) = output {
            text += more
            return
        }
        if !text.isEmpty {
            finished.append(.text(text))
            text = ""
        }
        finished.append(output)
    }

    /// Every output so far, in order, with the texts merged.
    var outputs: [BlockOutput] {
        text.isEmpty ? finished : finished + [.text(text)]
    }
}
