import Tensor

/// The fused forward and backward pass over time of PyTorch's GRU (gate order r, z, n):
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h′ = (1 − z) ⊙ n + z ⊙ h.
///
/// One GEMM for the input projection of all steps, one per step for W_hh h; the backward
/// pass is hand-written BPTT with one GEMM per step and one per weight gradient.
enum GRUKernel {
    /// Runs the GRU on `x` (T, B, I) from `h0` (B, H); returns the hidden states (T, B, H)
    /// as one graph node.
    static func run(weights w: RecurrentWeights, x: Tensor, h0: Tensor) throws -> Tensor {
        let (steps, batch) = (x.shape[0], x.shape[1])
        let (h, inputSize) = (w.hiddenSize, w.inputSize)
        let (rows, bh, g3) = (steps * batch, batch * h, 3 * h)
        let (wih, bih, whh, bhh, whhT) = w.buffers()
        let pool = w.pool
        let xb = FloatBuffer(copying: x, pool: pool)
        let gi = FloatBuffer(uninitialized: rows * g3, pool: pool)
        gi.fillRows(rows, with: bih)
        sgemm(false, true, rows, g3, inputSize, xb.pointer, wih.pointer, beta: 1, gi.pointer)
        let states = FloatBuffer(uninitialized: (steps + 1) * bh, pool: pool)
        h0.withUnsafeBufferPointer { if let base = $0.baseAddress { states.pointer.update(from: base, count: bh) } }
        // Saved per step: [r, z] (B, 2H), n and W_hn h + b_hn (B, H).
        let rzs = FloatBuffer(uninitialized: rows * 2 * h, pool: pool)
        let (ns, hns) = (FloatBuffer(uninitialized: rows * h, pool: pool), FloatBuffer(uninitialized: rows * h, pool: pool))
        let gh = FloatBuffer(uninitialized: batch * g3, pool: pool)
        for t in 0..<steps {
            let previous = states.at(t * bh)
            let next = states.at((t + 1) * bh)
            gh.fillRows(batch, with: bhh)
            recurrentProduct(batch, g3, h, previous, whhT.pointer, beta: 1, gh.pointer)
            for b in 0..<batch {
                let ig = gi.at((t * batch + b) * g3)
                let hg = gh.at(b * g3)
                let o = t * bh + b * h
                let (r, n, hn) = (rzs.at(2 * o), ns.at(o), hns.at(o))
                let z = r + h
                let (hp, hq) = (previous + b * h, next + b * h)
                VectorLoops.add(ig, hg, into: r, 2 * h)
                VectorLoops.sigmoid(r, 2 * h)
                hn.update(from: hg + 2 * h, count: h)
                for j in 0..<h { n[j] = ig[2 * h + j] + r[j] * hn[j] }
                VectorLoops.tanh(n, h)
                for j in 0..<h { hq[j] = n[j] + z[j] * (hp[j] - n[j]) }
            }
        }
        let output = try states.tensor([steps, batch, h], from: bh)
        let wantInput = x.requiresGrad
        let inputShape = x.shape
        return Tensor.custom("GRUBackward", output: output, inputs: w.nodeInputs(x, [h0])) { g in
            let gb = FloatBuffer(copying: g, pool: pool)
            let dgi = FloatBuffer(uninitialized: rows * g3, pool: pool)
            let dgh = FloatBuffer(uninitialized: rows * g3, pool: pool)
            let carry = FloatBuffer(zeros: bh, pool: pool)
            for t in stride(from: steps - 1, through: 0, by: -1) {
                let previous = states.at(t * bh)
                for b in 0..<batch {
                    let o = t * bh + b * h
                    let (r, n, hn) = (rzs.at(2 * o), ns.at(o), hns.at(o))
                    let z = r + h
                    let (dy, c, hp) = (gb.at(o), carry.at(b * h), previous + b * h)
                    let (di, dh) = (dgi.at((t * batch + b) * g3), dgh.at((t * batch + b) * g3))
                    for j in 0..<h {
                        let dhv = dy[j] + c[j]
                        let dan = dhv * (1 - z[j]) * (1 - n[j] * n[j])
                        let dar = dan * hn[j] * r[j] * (1 - r[j])
                        let daz = dhv * (hp[j] - n[j]) * z[j] * (1 - z[j])
                        di[j] = dar
                        di[h + j] = daz
                        di[2 * h + j] = dan
                        dh[j] = dar
                        dh[h + j] = daz
                        dh[2 * h + j] = dan * r[j]
                        c[j] = dhv * z[j]
                    }
                }
                recurrentProduct(batch, h, g3, dgh.at(t * batch * g3), whh.pointer, beta: 1, carry.pointer)
            }
            let grads = try w.weightGradients(
                da: dgi, dRecurrent: dgh, x: xb, previous: states.pointer, wih: wih, rows: rows,
                wantInput: wantInput, inputShape: inputShape)
            return grads + [try carry.tensor([batch, h])]
        }
    }
}
