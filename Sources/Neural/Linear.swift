import Tensor

/// A fully connected layer `y = x Wᵀ + b` over the last dimension (PyTorch's `nn.Linear`).
///
/// `weight` is (out_features, in_features), `bias` (out_features); both are drawn from
/// U(−1/√in, 1/√in). The input may have any number of leading dimensions. Forward and
/// backward are one GEMM each (`ThinProducts` instead for a few outputs over a big input),
/// recorded as a single graph node (`AddmmBackward0`).
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
        let wb = FloatBuffer(copying: weight)
        // A few outputs over many rows (a readout of a full batch of states): one pass over
        // x for each product, without OpenBLAS's packing of it.
        let thin = ThinProducts.applies(rows: rows, inputs: k, outputs: n)
        // x is read in place, not copied: it may be a full batch of hidden states, hundreds
        // of megabytes (an in-place write to it before backward is refused by autograd).
        let out = try Tensor.uninitialized(Array(x.shape.dropLast()) + [n], op: "Linear")
        out.withUnsafeMutableBufferPointer { y in
            x.withUnsafeBufferPointer { xs in
                guard let yp = y.baseAddress, let xp = xs.baseAddress else { return }
                if let bias, !thin {
                    bias.withUnsafeBufferPointer { b in
                        guard let bp = b.baseAddress else { return }
                        for r in 0..<rows { (yp + r * n).update(from: bp, count: n) }
                    }
                }
                if thin {
                    func run(_ b: UnsafePointer<Float>?) {
                        ThinProducts.forward(rows: rows, inputs: k, outputs: n, x: xp, weight: wb.pointer, bias: b, y: yp)
                    }
                    if let bias { bias.withUnsafeBufferPointer { run($0.baseAddress) } } else { run(nil) }
                } else {
                    sgemm(false, true, rows, n, k, xp, wb.pointer, beta: bias == nil ? 0 : 1, yp)
                }
            }
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? [])
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return out }
        let kept = KeptTensor(x.detach())
        let inputShape = x.shape
        // PyTorch's node by input rank and bias: `addmm`/`mm` for a matrix, a folded product
        // viewed back for more dimensions, a squeezed one for a vector without bias.
        let name = x.ndim == 2 ? (bias == nil ? "MmBackward0" : "AddmmBackward0")
            : (x.ndim == 1 && bias == nil ? "SqueezeBackward4" : "UnsafeViewBackward0")
        return Tensor.custom(name, output: out, inputs: inputs, release: kept.release) { g in
            guard let input = kept.tensor else { throw NeuralError("Linear: the saved input was freed by an earlier backward()") }
            let (dx, dw) = (try Tensor.uninitialized(inputShape, op: "AddmmBackward0"), FloatBuffer(uninitialized: n * k))
            g.withUnsafeBufferPointer { gs in
                input.withUnsafeBufferPointer { xs in
                    dx.withUnsafeMutableBufferPointer { d in
                        guard let gp = gs.baseAddress, let xp = xs.baseAddress, let dp = d.baseAddress else { return }
                        if thin {
                            ThinProducts.inputGradient(rows: rows, inputs: k, outputs: n, g: gp, weight: wb.pointer, dx: dp)
                            ThinProducts.weightGradient(rows: rows, inputs: k, outputs: n, g: gp, x: xp, dw: dw.pointer)
                        } else {
                            sgemm(false, false, rows, k, n, gp, wb.pointer, beta: 0, dp)
                            sgemm(true, false, n, k, rows, gp, xp, beta: 0, dw.pointer)
                        }
                    }
                }
            }
            var grads: [Tensor?] = [dx, try dw.tensor([n, k])]
            if inputs.count == 3 { grads.append(try FloatBuffer(countedCopy: g, op: "AddmmBackward0").columnSums(rows: rows, columns: n).tensor([n])) }
            return grads
        }
    }
}
