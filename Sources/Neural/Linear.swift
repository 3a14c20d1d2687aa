import Tensor

/// A fully connected layer `y = x Wᵀ + b` over the last dimension (PyTorch's `nn.Linear`).
///
/// `weight` is (out_features, in_features), `bias` (out_features); both are drawn from
/// U(−1/√in, 1/√in). The input may have any number of leading dimensions. Forward and
/// backward are one GEMM each, recorded as a single graph node (`AddmmBackward0`).
public final class Linear: Module {
    /// The weight, (out_features, in_features).
    public let weight: Tensor
    /// The bias, (out_features), or nil for `bias: false`.
    public let bias: Tensor?
    /// The input width.
    public let inFeatures: Int
    /// The output width.
    public let outFeatures: Int

    /// Makes a layer with PyTorch's initialisation, drawn from `generator`.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, generator: Generator) throws {
        try Initialization.checkSizes("Linear", [("in_features", inFeatures), ("out_features", outFeatures)])
        let bound = Initialization.bound(fanIn: inFeatures)
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = try Initialization.uniform([outFeatures, inFeatures], bound: bound, generator: generator)
        self.bias = bias ? try Initialization.uniform([outFeatures], bound: bound, generator: generator) : nil
    }

    /// `weight`, then `bias`.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// Applies the layer to `x` of shape (…, in_features), giving (…, out_features).
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.ndim >= 1, x.shape[x.ndim - 1] == inFeatures else {
            throw NeuralError("Linear: expected input of shape (…, \(inFeatures)), got \(describeShape(x.shape))")
        }
        let rows = x.count / inFeatures
        let (n, k) = (outFeatures, inFeatures)
        let (xb, wb) = (FloatBuffer(copying: x), FloatBuffer(copying: weight))
        let y = FloatBuffer(uninitialized: rows * n)
        if let bias { y.fillRows(rows, with: FloatBuffer(copying: bias)) }
        sgemm(false, true, rows, n, k, xb.pointer, wb.pointer, beta: bias == nil ? 0 : 1, y.pointer)
        let out = try y.tensor(Array(x.shape.dropLast()) + [n])
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        let inputShape = x.shape
        return Tensor.custom("AddmmBackward0", output: out, inputs: inputs) { g in
            let gb = FloatBuffer(copying: g)
            // Both written whole by their GEMMs (beta 0).
            let dx = FloatBuffer(uninitialized: rows * k)
            let dw = FloatBuffer(uninitialized: n * k)
            sgemm(false, false, rows, k, n, gb.pointer, wb.pointer, beta: 0, dx.pointer)
            sgemm(true, false, n, k, rows, gb.pointer, xb.pointer, beta: 0, dw.pointer)
            var grads: [Tensor?] = [try dx.tensor(inputShape), try dw.tensor([n, k])]
            if inputs.count == 3 { grads.append(try gb.columnSums(rows: rows, columns: n).tensor([n])) }
            return grads
        }
    }
}
