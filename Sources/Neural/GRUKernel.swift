import Tensor

/// The fused forward and backward pass over time of PyTorch's GRU (gate order r, z, n):
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h′ = (1 − z) ⊙ n + z ⊙ h.
///
/// The sequence is read and the states written in place in either layout
/// (`SequenceLayout`), and the batch is cut into `BatchBlocks` that run independently,
/// side by side when OpenBLAS has several threads. Per block and step: one GEMM for W_hh h,
/// the input projection (a GEMM, or multiply-adds for inputs of at most `smallInput`
/// features, too thin for a GEMM to pay), and the gate math (`GRUGates`). The whole
/// sequence is one graph node whose backward pass is hand-written BPTT: per block and
/// step, the gate gradients, one GEMM carrying the state gradient back and one adding to
/// dW_hh while the step's rows are in cache.
///
/// Memory: the output tensor is the saved states (a write to it before `backward` is
/// refused), plus 4H floats per row saved for backward (r, z, n, W_hn h + b_hn), only
/// when a gradient will be wanted; the other scratch is per block and step.
enum GRUKernel {
    /// The widest input projected by multiply-adds rather than a GEMM.
    static let smallInput = 8

    /// Runs the GRU on `x` ((T, B, I), or (B, T, I) when `batchFirst`) from `h0` (B, H);
    /// returns the hidden states in the same layout, as one graph node when recording.
    static func run(weights w: RecurrentWeights, x: Tensor, h0: Tensor, batchFirst: Bool = false) throws -> Tensor {
        let layout = SequenceLayout(
            steps: x.shape[batchFirst ? 1 : 0], batch: x.shape[batchFirst ? 0 : 1], batchFirst: batchFirst)
        let inputs = w.nodeInputs(x, [h0])
        let recording = GradMode.isEnabled && inputs.contains { $0.requiresGrad }
        let pass = try GRUPass(weights: w, layout: layout, saving: recording)
        let output = try Tensor.uninitialized(layout.shape(w.hiddenSize), op: "GRU")
        let scratch = try pass.forwardScratch()
        output.withUnsafeMutableBufferPointer { states in
            x.withUnsafeBufferPointer { xs in
                h0.withUnsafeBufferPointer { start in
                    guard let s = states.baseAddress, let xp = xs.baseAddress, let hp = start.baseAddress else { return }
                    pass.blocks.run { pass.forward(block: $0, x: xp, h0: hp, states: s, scratch: scratch) }
                }
            }
        }
        guard recording else { return output }
        pass.keep(states: output, x: x, h0: h0)
        let wantInput = x.requiresGrad
        return Tensor.custom("GRUBackward", output: output, inputs: inputs, savesOutput: true, release: pass.release) { g in
            try pass.backward(gradient: g, wantInput: wantInput)
        }
    }
}
