import Foundation
import Neural
import Tasks
import Tensor

/// `train(net, dataset, steps, optimizer, loss="cross_entropy", clip=None, log_every=100)`:
/// the usual loop, run by the engine, reporting plain progress lines every `log_every` steps.
enum TrainingBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("train", Signature("train", ["net", "dataset", "steps", "optimizer", "loss", "clip", "log_every"], required: 4)) { args, interpreter in
            guard case .native(let object as ModelObject) = args.value("net") else {
                throw RuntimeError.type("train() argument 'net' must be a model, not \(args.value("net").typeName)")
            }
            guard case .native(let optimizerObject as OptimizerObject) = args.value("optimizer") else {
                throw RuntimeError.type("train() argument 'optimizer' must be an optimizer, not \(args.value("optimizer").typeName)")
            }
            let steps = try args.int("steps", 0)
            let clip = try args.optionalDouble("clip").map(Float.init)
            let logEvery = try args.int("log_every", 100)
            let context = interpreter.tensors
            let batch = try batchSource(args.value("dataset"), interpreter)
            let loss = try lossFunction(args.value("loss", .str("cross_entropy")), interpreter)
            let module = object.module
            var lastDrawn: UInt64 = 0
            let log = try ModelBuiltins.make {
                try context.perform {
                    try context.withGrad(true) {
                        try Trainer.train(
                            parameters: module.parameters(), batch: batch, steps: steps, optimizer: optimizerObject.optimizer,
                            clip: clip, logEvery: logEvery,
                            progress: { progress in
                                if let sink = interpreter.progressSink {
                                    let now = DispatchTime.now().uptimeNanoseconds
                                    if now - lastDrawn > 100_000_000 || progress.step == progress.totalSteps {
                                        lastDrawn = now
                                        sink(bar(progress))
                                    }
                                }
                                if progress.isLogStep || progress.step == progress.totalSteps {
                                    interpreter.write(line(progress))
                                }
                            },
                            objective: { inputs, targets in
                                try interpreter.meter.check()
                                return try loss(try forward(module, inputs), targets)
                            })
                    }
                }
            }
            return .native(TrainingLogObject(losses: log.losses, seconds: log.seconds))
        }
    }

    /// `step 500/2000  loss 0.1234  (mean 0.1500)`. No timings: a notebook's output must be
    /// the same bytes on every run (`log.seconds` has the time).
    static func line(_ progress: TrainingProgress) -> String {
        String(format: "step %d/%d  loss %.4f  (mean %.4f)\n",
               progress.step, progress.totalSteps, progress.loss, progress.meanLoss)
    }

    /// `train [#########-----------]  450/2000  loss 0.1234  312 steps/s  ETA 5.0 s`
    static func bar(_ progress: TrainingProgress) -> String {
        let width = 24
        let done = progress.totalSteps == 0 ? width : width * progress.step / progress.totalSteps
        let filled = String(repeating: "#", count: done) + String(repeating: "-", count: width - done)
        return String(format: "train [%@] %5d/%d  loss %.4f  %.0f steps/s  ETA %.1f s", filled, progress.step,
                      progress.totalSteps, progress.meanLoss, progress.stepsPerSecond, progress.secondsRemaining)
    }

    /// The output a model gives for a batch: a network's readout, a layer's states.
    static func forward(_ module: any Module, _ inputs: Tensor) throws -> Tensor {
        switch module {
        case let net as RNNNet: return try net(inputs).output
        case let layer as any RecurrentLayer: return try layer.hiddenStates(inputs, h0: nil)
        case let stack as RecurrentStack: return try stack(inputs).output
        case let linear as Linear: return try linear(inputs)
        default: throw RuntimeError.type("train(): cannot run this model")
        }
    }

    /// Batches from a `Dataset`, or from any function returning `(inputs, targets)`.
    static func batchSource(_ value: Value, _ interpreter: Interpreter) throws -> () throws -> (inputs: Tensor, targets: Tensor) {
        if case .native(let dataset as DatasetObject) = value {
            return { let batch = try dataset.dataset.next(); return (batch.inputs, batch.labels) }
        }
        let context = interpreter.tensors
        return {
            let result = try interpreter.call(value, Arguments())
            guard case .tuple(let pair) = result, pair.count == 2 else {
                throw RuntimeError.type("train(): the dataset must return (inputs, targets), got \(result.typeName)")
            }
            return (try context.arrayOrTensor(pair[0], "train() inputs"), try context.arrayOrTensor(pair[1], "train() targets"))
        }
    }

    /// `"cross_entropy"`, `"mse"`, or a user function `loss(output, targets)`.
    static func lossFunction(_ value: Value, _ interpreter: Interpreter) throws -> (Tensor, Tensor) throws -> Tensor {
        if case .str(let name) = value {
            let named = try ModelBuiltins.make { try TrainingLoss(named: name) }
            switch named {
            case .mse: return { try Losses.mse($0, $1) }
            default: return { try Losses.crossEntropy($0, $1) }
            }
        }
        if case .native(let object as LossObject) = value {
            return { try object.trainingLoss($0, $1, interpreter) }
        }
        let context = interpreter.tensors
        return { output, targets in
            let result = try interpreter.call(value, Arguments([context.wrap(output), context.wrap(targets)]))
            return try context.arrayOrTensor(result, "the value returned by the loss function")
        }
    }
}

/// What `train` returns: `log.loss` (a tensor of per-step losses) and `log.seconds`.
final class TrainingLogObject: NativeObject {
    let losses: [Float]
    let seconds: Double

    init(losses: [Float], seconds: Double) {
        self.losses = losses
        self.seconds = seconds
    }

    var typeName: String { "TrainingLog" }
    var attributeNames: [String] { ["loss", "seconds", "steps"] }
    func repr() -> String {
        String(format: "TrainingLog(steps=%d, final loss %.4f, %.1f s)", losses.count, losses.last ?? .nan, seconds)
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "loss": return interpreter.tensors.wrap(try ModelBuiltins.make { try Tensor(losses) })
        case "seconds": return .float(seconds)
        case "steps": return .int(losses.count)
        default: return nil
        }
    }
}
