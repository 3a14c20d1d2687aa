import Foundation
import Tensor

/// The usual training loop: for each step, draw a batch, zero the gradients, run the
/// network, compute the loss, back-propagate, optionally clip the gradient norm, step
/// the optimizer.
public enum Trainer {
    /// Runs `steps` steps and returns the per-step losses. `batch` supplies
    /// (inputs, targets), e.g. a `Dataset`'s next batch; `progress` is called after every
    /// step (the CLI draws its progress bar from it). Throws the first error of any step.
    public static func train(
        _ net: RNNNet, batch: () throws -> (inputs: Tensor, targets: Tensor), steps: Int, optimizer: any Optimizer,
        loss: TrainingLoss = .crossEntropy, clip: Float? = nil, logEvery: Int = 100,
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws -> TrainingLog {
        try train(
            parameters: net.parameters(), batch: batch, steps: steps, optimizer: optimizer, clip: clip, logEvery: logEvery,
            progress: progress
        ) { inputs, targets in try loss.evaluate(net(inputs).output, targets) }
    }

    /// The loop for any model: `objective(inputs, targets)` runs the model and returns the
    /// scalar loss; `parameters` are those whose gradients are zeroed and clipped.
    public static func train(
        parameters: [Tensor], batch: () throws -> (inputs: Tensor, targets: Tensor), steps: Int,
        optimizer: any Optimizer, clip: Float? = nil, logEvery: Int = 100,
        progress: ((TrainingProgress) -> Void)? = nil,
        objective: (_ inputs: Tensor, _ targets: Tensor) throws -> Tensor
    ) throws -> TrainingLog {
        guard steps >= 0 else { throw NeuralError("train: steps must not be negative, got \(steps)") }
        guard logEvery > 0 else { throw NeuralError("train: log_every must be positive, got \(logEvery)") }
        if let clip, !(clip > 0) { throw NeuralError("train: clip must be positive, got \(clip)") }
        let start = DispatchTime.now().uptimeNanoseconds
        var losses: [Float] = []
        losses.reserveCapacity(steps)
        var windowSum: Float = 0
        var windowCount = 0
        for step in stride(from: 1, through: steps, by: 1) {
            let (inputs, targets) = try batch()
            for p in parameters { p.zeroGrad() }
            let value = try objective(inputs, targets)
            guard value.count == 1 else {
                throw NeuralError("train: the loss must be a single number, got shape \(describeShape(value.shape))")
            }
            try value.backward()
            if let clip { try Tensor.clipGradNorm(parameters, maxNorm: clip) }
            try optimizer.step()
            let number = try value.item()
            losses.append(number)
            windowSum += number
            windowCount += 1
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let rate = elapsed > 0 ? Double(step) / elapsed : 0
            let isLog = step % logEvery == 0 || step == steps
            progress?(TrainingProgress(
                step: step, totalSteps: steps, loss: number, meanLoss: windowSum / Float(windowCount),
                stepsPerSecond: rate, secondsRemaining: rate > 0 ? Double(steps - step) / rate : 0, isLogStep: isLog))
            if isLog { (windowSum, windowCount) = (0, 0) }
        }
        return TrainingLog(losses: losses, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
