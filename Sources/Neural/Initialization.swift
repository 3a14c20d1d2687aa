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

    /// Throws unless `sizes` are all positive and `factor` times their product (the weight
    /// elements, e.g. 4·H·I for an LSTM) is an Int: `LSTM(1 << 62, 2**62)` is an error, not
    /// an overflow trap. (The tensor budget then bounds the allocation itself.)
    static func checkSizes(_ layer: String, _ sizes: [(String, Int)], factor: Int = 1) throws {
        for (name, size) in sizes where size <= 0 {
            throw NeuralError("\(layer): \(name) must be positive, got \(size)")
        }
        var total = factor
        for (_, size) in sizes {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else {
                let named = sizes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                throw NeuralError("\(layer): \(named) would make a weight with too many elements")
            }
            total = product
        }
    }
}
