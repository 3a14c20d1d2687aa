import Tensor

/// The fused forward and backward pass over time of PyTorch's LSTM (gate order i, f, g, o):
/// gates = W_ih x + b_ih + W_hh h + b_hh; i, f, o = σ(·), g = tanh(·);
/// c′ = f ⊙ c + i ⊙ g; h′ = o ⊙ tanh(c′).
///
/// One GEMM for the input projection of all steps, one per step for W_hh h; hand-written
/// BPTT with one GEMM per step and one per weight gradient.
enum LSTMKernel {
    /// Runs the LSTM on `x` (T, B, I) from `h0`, `c0` (B, H). Returns one tensor
    /// (T + 1, B, H): the hidden states h_1…h_T, then the final cell state c_T, recorded as
    /// one graph node.
    static func run(weights w: RecurrentWeights, x: Tensor, h0: Tensor, c0: Tensor) throws -> Tensor {
        let (steps, batch) = (x.shape[0], x.shape[1])
        let (h, inputSize) = (w.hiddenSize, w.inputSize)
        let (rows, bh, g4) = (steps * batch, batch * h, 4 * h)
        let (wih, bih, whh, bhh, whhT) = w.buffers()
        let pool = w.pool
        let xb = FloatBuffer(copying: x, pool: pool)
        // gates: pre-activations, overwritten by the activations i, f, g, o per step.
        let gates = FloatBuffer(uninitialized: rows * g4, pool: pool)
        gates.fillRows(rows, with: bih, plus: bhh)
        sgemm(false, true, rows, g4, inputSize, xb.pointer, wih.pointer, beta: 1, gates.pointer)
        let states = FloatBuffer(uninitialized: (steps + 1) * bh, pool: pool)
        let cells = FloatBuffer(uninitialized: (steps + 1) * bh, pool: pool)
        let tanhCells = FloatBuffer(uninitialized: rows * h, pool: pool)
        h0.withUnsafeBufferPointer { if let base = $0.baseAddress { states.pointer.update(from: base, count: bh) } }
        c0.withUnsafeBufferPointer { if let base = $0.baseAddress { cells.pointer.update(from: base, count: bh) } }
        for t in 0..<steps {
            recurrentProduct(batch, g4, h, states.at(t * bh), whhT.pointer, beta: 1, gates.at(t * batch * g4))
            // One long sigmoid over the step's gates, tanh(g) as 2σ(2g) − 1.
            let block = gates.at(t * batch * g4)
            for b in 0..<batch {
                let g = block + b * g4 + 2 * h
                for j in 0..<h { g[j] *= 2 }
            }
            VectorLoops.sigmoid(block, batch * g4)
            for b in 0..<batch {
                let a = block + b * g4
                let o = t * bh + b * h
                let (cp, cq) = (cells.at(o), cells.at(o + bh))
                for j in 0..<h { a[2 * h + j] = 2 * a[2 * h + j] - 1 }
                for j in 0..<h { cq[j] = a[h + j] * cp[j] + a[j] * a[2 * h + j] }
            }
            let tc = tanhCells.at(t * bh)
            tc.update(from: cells.at(t * bh + bh), count: bh)
            VectorLoops.tanh(tc, bh)
            for b in 0..<batch {
                let (a, hq, tcb) = (block + b * g4, states.at(t * bh + bh + b * h), tc + b * h)
                for j in 0..<h { hq[j] = a[3 * h + j] * tcb[j] }
            }
        }
        let output = try states.tensor([steps + 1, batch, h], from: bh)
        output.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { (base + steps * bh).update(from: cells.at(steps * bh), count: bh) }
        }
        let wantInput = x.requiresGrad
        let inputShape = x.shape
        return Tensor.custom("LSTMBackward", output: output, inputs: w.nodeInputs(x, [h0, c0])) { g in
            let gb = FloatBuffer(copying: g, pool: pool)
            let da = FloatBuffer(uninitialized: rows * g4, pool: pool)
            let carryH = FloatBuffer(zeros: bh, pool: pool)
            let carryC = FloatBuffer(zeros: bh, pool: pool)
            carryC.pointer.update(from: gb.at(steps * bh), count: bh)
            for t in stride(from: steps - 1, through: 0, by: -1) {
                for b in 0..<batch {
                    let a = gates.at((t * batch + b) * g4)
                    let d = da.at((t * batch + b) * g4)
                    let o = t * bh + b * h
                    let (dy, ch, cc) = (gb.at(o), carryH.at(b * h), carryC.at(b * h))
                    let (cp, tc) = (cells.at(o), tanhCells.at(o))
                    for j in 0..<h {
                        let (iv, fv, gv, ov) = (a[j], a[h + j], a[2 * h + j], a[3 * h + j])
                        let dh = dy[j] + ch[j]
                        let dc = cc[j] + dh * ov * (1 - tc[j] * tc[j])
                        d[j] = dc * gv * iv * (1 - iv)
                        d[h + j] = dc * cp[j] * fv * (1 - fv)
                        d[2 * h + j] = dc * iv * (1 - gv * gv)
                        d[3 * h + j] = dh * tc[j] * ov * (1 - ov)
                        cc[j] = dc * fv
                    }
                }
                recurrentProduct(batch, h, g4, da.at(t * batch * g4), whh.pointer, beta: 0, carryH.pointer)
            }
            let grads = try w.weightGradients(
                da: da, dRecurrent: da, x: xb, previous: states.pointer, wih: wih, rows: rows,
                wantInput: wantInput, inputShape: inputShape)
            return grads + [try carryH.tensor([batch, h]), try carryC.tensor([batch, h])]
        }
    }
}
