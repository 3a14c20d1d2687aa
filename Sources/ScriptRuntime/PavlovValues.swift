import Tasks
import Tensor

/// One trial of `PavlovTiming`: `trial.cue`, `.iti`, `.isi`, `.length`, `.reward_step`.
final class PavlovTrialObject: NativeObject {
    let trial: PavlovTiming.Trial

    init(_ trial: PavlovTiming.Trial) {
        self.trial = trial
    }

    var typeName: String { "PavlovTrial" }

    func repr() -> String {
        "PavlovTrial(cue=\(trial.cue), iti=\(trial.iti), isi=\(trial.isi), length=\(trial.length), reward_step=\(trial.rewardStep))"
    }

    var attributeNames: [String] { ["cue", "iti", "isi", "length", "reward_step"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "cue": .int(trial.cue)
        case "iti": .int(trial.iti)
        case "isi": .int(trial.isi)
        case "length": .int(trial.length)
        case "reward_step": .int(trial.rewardStep)
        default: nil
        }
    }
}

/// A padded batch of `PavlovTiming` trials, time-major: `inputs` (T, B, observation_size),
/// `rewards` (T, B), `lengths` (a list of B ints) and `mask` (T, B; 1.0 where t < length,
/// else 0.0). It unpacks and indexes like the tuple `(inputs, rewards, lengths)` that the
/// original's `pad_collate` returns, so `for x, r, lengths in task.batches(12):` works.
final class PavlovBatchObject: NativeObject {
    let inputs: Value
    let rewards: Value
    let lengths: Value
    let mask: Value

    init(inputs: Value, rewards: Value, lengths: Value, mask: Value) {
        self.inputs = inputs
        self.rewards = rewards
        self.lengths = lengths
        self.mask = mask
    }

    /// The language form of an engine batch, with its mask; run inside `context.perform`.
    convenience init(_ batch: PavlovTiming.Batch, _ context: TensorContext) throws {
        let (steps, count) = (batch.rewards.shape[0], batch.rewards.shape[1])
        var keep = [Float](repeating: 0, count: steps * count)
        for (b, length) in batch.lengths.enumerated() {
            for t in 0..<min(length, steps) { keep[t * count + b] = 1 }
        }
        self.init(inputs: context.wrap(batch.inputs), rewards: context.wrap(batch.rewards),
                  lengths: .list(ListObject(batch.lengths.map(Value.int))),
                  mask: context.wrap(try Tensor(keep, shape: [steps, count])))
    }

    var typeName: String { "PavlovBatch" }
    var attributeNames: [String] { ["inputs", "rewards", "lengths", "mask"] }

    func repr() -> String {
        let shape = inputs.tensorObject.map { ShapeText.format($0.tensor.shape) } ?? inputs.repr()
        return "PavlovBatch(inputs=\(shape), lengths=\(lengths.repr()))"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "inputs": inputs
        case "rewards": rewards
        case "lengths": lengths
        case "mask": mask
        default: nil
        }
    }

    func getItem(_ index: Value) throws -> Value? {
        let items = [inputs, rewards, lengths]
        var i = try index.asInt("tuple index")
        if i < 0 { i += items.count }
        guard items.indices.contains(i) else { throw RuntimeError.index("tuple index out of range") }
        return items[i]
    }

    func length() throws -> Int? { 3 }

    func makeIterator() throws -> (() throws -> Value?)? {
        var items = [lengths, rewards, inputs]
        return { items.popLast() }
    }
}
