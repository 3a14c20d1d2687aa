import Tensor

/// The fused forward and backward pass over time of the Elman recurrence
/// `h_t = (1 − α) h_{t−1} + α f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`
/// (`RNN` is α = 1, `LeakyRNN` α = dt/τ).
///
/// Forward: the input projection of all steps is one GEMM, then one GEMM per step for the
/// recurrence. The whole sequence is one graph node whose backward is hand-written BPTT:
/// one GEMM per step carries the hidden-state gradient back, and the weight gradients are
/// one GEMM each over all steps at the end.
enum ElmanKernel {
    /// Runs the recurrence on `x` (T, B, I) from `h0` (B, H); returns the hidden states
    /// (T, B, H), recorded as one node `name` when gradients are wanted.
    static func run(
        _ name: String, weights w: RecurrentWeights, x: Tensor, h0: Tensor, alpha: Float, activation f: Activation
    ) throws -> Tensor {
        let (steps, batch) = (x.shape[0], x.shape[1])
        let (h, inputSize) = (w.hiddenSize, w.inputSize)
        let (rows, bh) = (steps * batch, batch * h)
        let (wih, bih, whh, bhh, whhT) = w.buffers()
        let pool = w.pool
        let xb = try FloatBuffer(countedCopy: x, pool: pool, op: "RNN")
        // pre: input projection plus both biases, then the recurrent term, then f (in place).
        let act = try FloatBuffer(counted: rows * h, pool: pool, op: "RNN")
        act.fillRows(rows, with: bih, plus: bhh)
        sgemm(false, true, rows, h, inputSize, xb.pointer, wih.pointer, beta: 1, act.pointer)
        let states = try FloatBuffer(counted: (steps + 1) * bh, pool: pool, op: "RNN")
        h0.withUnsafeBufferPointer { if let base = $0.baseAddress { states.pointer.update(from: base, count: bh) } }
        let leak = 1 - alpha
        for t in 0..<steps {
            let previous = states.at(t * bh)
            let next = states.at((t + 1) * bh)
            let a = act.at(t * bh)
            recurrentProduct(batch, h, h, previous, whhT.pointer, beta: 1, a)
            VectorLoops.apply(f, a, bh)
            VectorLoops.blend(leak, previous, alpha, a, into: next, bh)
        }
        let output = try states.tensor([steps, batch, h], from: bh)
        let wantInput = x.requiresGrad
        let inputShape = x.shape
        return Tensor.custom(name, output: output, inputs: w.nodeInputs(x, [h0])) { g in
            let gb = try FloatBuffer(countedCopy: g, pool: pool, op: "RNNBackward")
            let dpre = try FloatBuffer(counted: rows * h, pool: pool, op: "RNNBackward")
            let carry = FloatBuffer(zeros: bh, pool: pool)
            for t in stride(from: steps - 1, through: 0, by: -1) {
                let (dy, a, d) = (gb.at(t * bh), act.at(t * bh), dpre.at(t * bh))
                let c = carry.pointer
                for j in 0..<bh {
                    let dh = dy[j] + c[j]
                    d[j] = dh * alpha * f.derivative(output: a[j])
                    c[j] = dh * leak
                }
                recurrentProduct(batch, h, h, d, whh.pointer, beta: 1, c)
            }
            let grads = try w.weightGradients(
                da: dpre, dRecurrent: dpre, x: xb, previous: states.pointer, wih: wih, rows: rows,
                wantInput: wantInput, inputShape: inputShape)
            return grads + [try carry.tensor([batch, h])]
        }
    }
}
