import Foundation
import Tensor

/// The benchmark's `RandomTargetLoss` (ctd/task_modeling/task_env/loss_func.py):
/// `pos_weight · MSE(hand[:, :k], target[:, :k]) + act_weight · MSE(actions, 0)`, where
/// k = ⌈T · min(1, epoch / full_trial_epoch)⌉ grows the part of the trial that counts over
/// the first `full_trial_epoch` epochs. Both MSEs are means over every element, as
/// `nn.MSELoss()`; with k = 0 (epoch 0) the position term is the mean of nothing, NaN, as
/// in PyTorch.
public struct RandomTargetLoss: Sendable {
    /// The weight of the position error.
    public var positionWeight: Double
    /// The weight of the squared actions.
    public var activationWeight: Double
    /// The epoch from which the whole trial counts.
    public var fullTrialEpoch: Int

    /// A loss with the given weights.
    public init(positionWeight: Double = 1, activationWeight: Double = 1, fullTrialEpoch: Int = 200) {
        self.positionWeight = positionWeight
        self.activationWeight = activationWeight
        self.fullTrialEpoch = fullTrialEpoch
    }

    /// The steps that count at `epoch` out of `steps`.
    public func includedSteps(_ steps: Int, epoch: Int) -> Int {
        let fraction = fullTrialEpoch <= 0 ? 1 : Swift.min(1, Double(epoch) / Double(fullTrialEpoch))
        return Swift.max(0, Swift.min(steps, Int((Double(steps) * fraction).rounded(.up))))
    }

    /// The loss for hand positions `controlled` and `targets` (B, T, 2) and `actions` (B, T, M).
    public func callAsFunction(controlled: Tensor, targets: Tensor, actions: Tensor, epoch: Int) throws -> Tensor {
        guard controlled.ndim == 3, controlled.shape == targets.shape else {
            throw TensorError("RandomTargetLoss: controlled \(describeShape(controlled.shape)) and targets "
                              + "\(describeShape(targets.shape)) must be the same (batch, time, 2) shape")
        }
        let k = includedSteps(controlled.shape[1], epoch: epoch)
        let position: Tensor
        if k == 0 {
            position = try Tensor.full([], .nan)
        } else {
            let pred = try controlled.split(sizes: [k, controlled.shape[1] - k], dim: 1)[0]
            let goal = try targets.split(sizes: [k, targets.shape[1] - k], dim: 1)[0]
            let error = try pred - goal
            position = try (error * error).mean()
        }
        let effort = try (actions * actions).mean()
        return try position * Float(positionWeight) + effort * Float(activationWeight)
    }
}
