/// PyTorch's `ReduceLROnPlateau` in mode "min" with a relative threshold: after more than
/// `patience` steps without a relative improvement of `threshold` over the best value,
/// the rate is multiplied by `factor` (if that changes it by more than `eps`) and the
/// count starts again after `cooldown` steps.
struct ReduceLROnPlateau {
    private(set) var rate: Double
    let factor: Double
    let patience: Int
    let threshold: Double
    let cooldown: Int
    let minimumRate: Double
    let eps: Double
    private var best = Double.infinity
    private var badSteps = 0
    private var cooldownLeft = 0

    init(rate: Double, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4, cooldown: Int = 0,
         minimumRate: Double = 0, eps: Double = 1e-8) {
        self.rate = rate
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.cooldown = cooldown
        self.minimumRate = minimumRate
        self.eps = eps
    }

    /// Records the newest value of the monitored quantity; returns the rate to use next.
    mutating func step(_ value: Double) -> Double {
        if value < best * (1 - threshold) {
            best = value
            badSteps = 0
        } else {
            badSteps += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badSteps = 0
        }
        if badSteps > patience {
            let reduced = max(rate * factor, minimumRate)
            if rate - reduced > eps { rate = reduced }
            cooldownLeft = cooldown
            badSteps = 0
        }
        return rate
    }
}
