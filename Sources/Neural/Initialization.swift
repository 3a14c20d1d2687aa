import Tensor

/// PyTorch's default initialisations, drawn from a given generator.
///
/// `nn.Linear(fan_in, out)` draws weight and bias from U(−1/√fan_in, 1/√fan_in);
/// `nn.RNN/GRU/LSTM(hidden H)` draw every weight and bias from U(−1/√H, 1/√H)
/// (specs/tasks.md, Appendix A). The values differ from PyTorch's (another generator), the
/// distributions do not.
enum Initialization {
    /// A leaf tensor of `shape` that requires grad, uniform in (−bound, bound).
    static func uniform(_ shape: [Int], bound: Float, generator: Generator) throws -> Tensor {
        try Tensor.rand(shape, low: -bound, high: bound, generator: generator).requiresGrad_()
    }

    /// The bound 1/√fan_in (0 when fan_in is 0, as PyTorch does).
    static func bound(fanIn: Int) -> Float {
        fanIn > 0 ? 1 / Float(fanIn).squareRoot() : 0
    }

    /// Throws unless `sizes` are all positive.
    static func checkSizes(_ layer: String, _ sizes: [(String, Int)]) throws {
        for (name, size) in sizes where size <= 0 {
            throw NeuralError("\(layer): \(name) must be positive, got \(size)")
        }
    }
}
