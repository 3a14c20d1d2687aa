import Tensor

/// The fused forward and backward pass over time of PyTorch's LSTM (gate order i, f, g, o):
/// gates = W_ih x + b_ih + W_hh h + b_hh; i, f, o = σ(·), g = tanh(·);
/// c′ = f ⊙ c + i ⊙ g; h′ = o ⊙ tanh(c′).
///
/// One GEMM for the input projection of all steps, one per step for W_hh h; hand-written
/// BPTT with one GEMM per step and one per weight gradient. Inputs of at most
/// `smallInput` features (every task here has 1–3) are projected step by step instead:
/// a GEMM that thin is bound by writing its (T·B, 4H) result, which the per-step path
/// never materialises.
enum LSTMKernel {
    /// The widest input projected step by step rather than by one GEMM.
    static let smallInput = 8

    /// Runs the LSTM on `x` (T, B, I) from `h0`, `c0` (B, H), recorded as one graph node.
    /// Returns the hidden states h_1…h_T, (T, B, H), followed by the final cell state c_T
    /// when `withCell` ((T + 1, B, H) in all).
    static func run(
        weights w: RecurrentWeights, x: Tensor, h0: Tensor, c0: Tensor, withCell: Bool = true
    ) throws -> Tensor {
        let (steps, batch) = (x.shape[0], x.shape[1])
        let (h, inputSize) = (w.hiddenSize, w.inputSize)
        let (rows, bh, g4) = (steps * batch, batch * h, 4 * h)
        let (wih, bih, whh, bhh, whhT) = w.buffers()
        let pool = w.pool
        let xb = try FloatBuffer(countedCopy: x, pool: pool, op: "LSTM")
        // gates: pre-activations, overwritten by the activations i, f, g, o per step.
        let gates = try FloatBuffer(counted: rows * g4, pool: pool, op: "LSTM")
        // The biases are added per step, in the gate math, rather than written here.
        let bias = FloatBuffer(uninitialized: g4, pool: pool)
        VectorLoops.add(bih.pointer, bhh.pointer, into: bias.pointer, g4)
        let stepwise = inputSize <= smallInput
        let wihT = FloatBuffer(uninitialized: stepwise ? inputSize * g4 : 0, pool: pool)
        if stepwise {
            wih.transpose(rows: g4, columns: inputSize, into: wihT)
        } else {
            sgemm(false, true, rows, g4, inputSize, xb.pointer, wih.pointer, beta: 0, gates.pointer)
        }
        // h_0…h_T, and room for c_T after them.
        let states = try FloatBuffer(counted: (steps + 2) * bh, pool: pool, op: "LSTM")
        let cells = try FloatBuffer(counted: (steps + 1) * bh, pool: pool, op: "LSTM")
        let tanhCells = try FloatBuffer(counted: rows * h, pool: pool, op: "LSTM")
        h0.withUnsafeBufferPointer { if let base = $0.baseAddress { states.pointer.update(from: base, count: bh) } }
        c0.withUnsafeBufferPointer { if let base = $0.baseAddress { cells.pointer.update(from: base, count: bh) } }
        for t in 0..<steps {
            let block = gates.at(t * batch * g4)
            recurrentProduct(batch, g4, h, states.at(t * bh), whhT.pointer, beta: stepwise ? 0 : 1, block)
            if stepwise {
                for b in 0..<batch {
                    let input = xb.at((t * batch + b) * inputSize)
                    for k in 0..<inputSize {
                        VectorLoops.addScaled(input[k], wihT.at(k * g4), into: block + b * g4, g4)
                    }
                }
            }
            for b in 0..<batch {
                let o = t * bh + b * h
                forwardRow(
                    gates.at((t * batch + b) * g4), h, bias: bias.pointer, previous: cells.at(o), cell: cells.at(o + bh),
                    tanhCell: tanhCells.at(o), hidden: states.at(o + bh))
            }
        }
        // The output is h_1…h_T then c_T: the final cell state goes after the last hidden one.
        states.at((steps + 1) * bh).update(from: cells.at(steps * bh), count: bh)
        let output = try states.tensor([withCell ? steps + 1 : steps, batch, h], from: bh)
        let wantInput = x.requiresGrad
        let inputShape = x.shape
        return Tensor.custom("LSTMBackward", output: output, inputs: w.nodeInputs(x, [h0, c0])) { g in
            let gb = try FloatBuffer(countedCopy: g, pool: pool, op: "LSTMBackward")
            let da = try FloatBuffer(counted: rows * g4, pool: pool, op: "LSTMBackward")
            let carryH = FloatBuffer(zeros: bh, pool: pool)
            let carryC = FloatBuffer(zeros: bh, pool: pool)
            if withCell { carryC.pointer.update(from: gb.at(steps * bh), count: bh) }
            // With a narrow input, dW_ihᵀ and the bias gradient are summed row by row below.
            let dwihT = FloatBuffer(zeros: stepwise ? inputSize * g4 : 0, pool: pool)
            let dbias = FloatBuffer(zeros: stepwise ? g4 : 0, pool: pool)
            for t in stride(from: steps - 1, through: 0, by: -1) {
                for b in 0..<batch {
                    let (row, o) = ((t * batch + b) * g4, t * bh + b * h)
                    backwardRow(
                        gates.at(row), into: da.at(row), h, output: gb.at(o), carryH: carryH.at(b * h),
                        carryC: carryC.at(b * h), previous: cells.at(o), tanhCell: tanhCells.at(o))
                    guard stepwise else { continue }
                    VectorLoops.addScaled(1, da.at(row), into: dbias.pointer, g4)
                    let input = xb.at((t * batch + b) * inputSize)
                    for k in 0..<inputSize { VectorLoops.addScaled(input[k], da.at(row), into: dwihT.at(k * g4), g4) }
                }
                recurrentProduct(batch, h, g4, da.at(t * batch * g4), whh.pointer, beta: 0, carryH.pointer)
            }
            let grads = try w.weightGradients(
                da: da, dRecurrent: da, x: xb, previous: states.pointer, wih: wih, rows: rows,
                wantInput: wantInput, inputShape: inputShape, summed: stepwise ? (dwihT, dbias) : nil)
            return grads + [try carryH.tensor([batch, h]), try carryC.tensor([batch, h])]
        }
    }

    /// One batch row of one step: turns the pre-activations `a` (i, f, g, o blocks of `h`,
    /// without the biases) plus `bias` into the gate values in place, and writes
    /// c′ = f ⊙ c + i ⊙ g, tanh(c′) and h′ = o ⊙ tanh(c′).
    static func forwardRow(
        _ a: UnsafeMutablePointer<Float>, _ h: Int, bias: UnsafeMutablePointer<Float>,
        previous: UnsafeMutablePointer<Float>, cell: UnsafeMutablePointer<Float>,
        tanhCell: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        let full = h / w * w
        for j in stride(from: 0, to: full, by: w) {
            forwardBlock(a + j, bias + j, h, previous + j, cell + j, tanhCell + j, hidden + j)
        }
        if full < h { forwardTail(a, h, full, bias: bias, previous: previous, cell: cell, tanhCell: tanhCell, hidden: hidden) }
    }

    /// `forwardRow`'s last, partial block, from `full` on, through padded copies.
    @inline(never)
    static func forwardTail(
        _ a: UnsafeMutablePointer<Float>, _ h: Int, _ full: Int, bias: UnsafeMutablePointer<Float>,
        previous: UnsafeMutablePointer<Float>, cell: UnsafeMutablePointer<Float>,
        tanhCell: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        // Rows 0–3: the gate blocks of a; 4–7: of bias; 8: previous; 9: cell; 10: tanhCell; 11: hidden.
        let rows = InlineArray<12, UnsafeMutablePointer<Float>> { k in
            switch k {
            case 0..<4: a + k * h + full
            case 4..<8: bias + (k - 4) * h + full
            case 8: previous + full
            case 9: cell + full
            case 10: tanhCell + full
            default: hidden + full
            }
        }
        LaneMath.partialBlock(h - full, rows) { s in
            forwardBlock(s, s + 4 * w, w, s + 8 * w, s + 9 * w, s + 10 * w, s + 11 * w)
        }
    }

    /// `forwardRow` on one `Lanes`: the gate blocks of `a` and `bias` are `stride` apart.
    @inline(__always)
    static func forwardBlock(
        _ a: UnsafeMutablePointer<Float>, _ bias: UnsafeMutablePointer<Float>, _ stride: Int,
        _ previous: UnsafeMutablePointer<Float>, _ cell: UnsafeMutablePointer<Float>,
        _ tanhCell: UnsafeMutablePointer<Float>, _ hidden: UnsafeMutablePointer<Float>
    ) {
        typealias M = LaneMath
        let (pi, pf, pg, po) = (a, a + stride, a + 2 * stride, a + 3 * stride)
        let (bi, bf, bg, bo) = (bias, bias + stride, bias + 2 * stride, bias + 3 * stride)
        let i = M.sigmoid(M.load(pi) + M.load(bi)), f = M.sigmoid(M.load(pf) + M.load(bf))
        let g = M.tanh(M.load(pg) + M.load(bg)), o = M.sigmoid(M.load(po) + M.load(bo))
        let c = f * M.load(previous) + i * g
        let tc = M.tanh(c)
        M.store(i, pi)
        M.store(f, pf)
        M.store(g, pg)
        M.store(o, po)
        M.store(c, cell)
        M.store(tc, tanhCell)
        M.store(o * tc, hidden)
    }

    /// One batch row of one step backwards: from the gate values `a`, the gradient
    /// reaching h′ (`output` plus `carryH`, what the next step sent back) and c′
    /// (`carryC`), writes the pre-activation gradients into `d` and replaces `carryC`
    /// with the gradient reaching c.
    static func backwardRow(
        _ a: UnsafeMutablePointer<Float>, into d: UnsafeMutablePointer<Float>, _ h: Int,
        output: UnsafeMutablePointer<Float>, carryH: UnsafeMutablePointer<Float>, carryC: UnsafeMutablePointer<Float>,
        previous: UnsafeMutablePointer<Float>, tanhCell: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        let full = h / w * w
        for j in stride(from: 0, to: full, by: w) {
            backwardBlock(a + j, d + j, h, output + j, carryH + j, carryC + j, previous + j, tanhCell + j)
        }
        if full < h {
            backwardTail(a, d, h, full, output: output, carryH: carryH, carryC: carryC, previous: previous, tanhCell: tanhCell)
        }
    }

    /// `backwardRow`'s last, partial block, from `full` on, through padded copies.
    @inline(never)
    static func backwardTail(
        _ a: UnsafeMutablePointer<Float>, _ d: UnsafeMutablePointer<Float>, _ h: Int, _ full: Int,
        output: UnsafeMutablePointer<Float>, carryH: UnsafeMutablePointer<Float>, carryC: UnsafeMutablePointer<Float>,
        previous: UnsafeMutablePointer<Float>, tanhCell: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        // Rows 0–3: the gate blocks of a; 4–7: of d; 8: output; 9: carryH; 10: carryC; 11: previous; 12: tanhCell.
        let rows = InlineArray<13, UnsafeMutablePointer<Float>> { k in
            switch k {
            case 0..<4: a + k * h + full
            case 4..<8: d + (k - 4) * h + full
            case 8: output + full
            case 9: carryH + full
            case 10: carryC + full
            case 11: previous + full
            default: tanhCell + full
            }
        }
        LaneMath.partialBlock(h - full, rows) { s in
            backwardBlock(s, s + 4 * w, w, s + 8 * w, s + 9 * w, s + 10 * w, s + 11 * w, s + 12 * w)
        }
    }

    /// `backwardRow` on one `Lanes`: the gate blocks of `a` and `d` are `stride` apart.
    @inline(__always)
    static func backwardBlock(
        _ a: UnsafeMutablePointer<Float>, _ d: UnsafeMutablePointer<Float>, _ stride: Int,
        _ output: UnsafeMutablePointer<Float>, _ carryH: UnsafeMutablePointer<Float>,
        _ carryC: UnsafeMutablePointer<Float>, _ previous: UnsafeMutablePointer<Float>,
        _ tanhCell: UnsafeMutablePointer<Float>
    ) {
        typealias M = LaneMath
        let (i, f) = (M.load(a), M.load(a + stride))
        let (g, o) = (M.load(a + 2 * stride), M.load(a + 3 * stride))
        let tc = M.load(tanhCell)
        let dh = M.load(output) + M.load(carryH)
        let dc = M.load(carryC) + dh * o * (1 - tc * tc)
        M.store(dc * g * i * (1 - i), d)
        M.store(dc * M.load(previous) * f * (1 - f), d + stride)
        M.store(dc * i * (1 - g * g), d + 2 * stride)
        M.store(dh * tc * o * (1 - o), d + 3 * stride)
        M.store(dc * f, carryC)
    }
}
