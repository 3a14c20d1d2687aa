import Tensor

/// One block's share of the gradients: its weight gradients summed over its rows and
/// steps, added to the other blocks' in block order.
struct GRUBlockGradients {
    /// dW_hh (3H, H).
    let recurrentWeight: FloatBuffer
    /// dW_ih (3H, I), or its transpose (I, 3H) when the input projection is stepwise.
    let inputWeight: FloatBuffer
    /// db_ih, db_hh (3H).
    let inputBias: FloatBuffer
    let recurrentBias: FloatBuffer

    init(_ h: Int, inputs: Int) {
        recurrentWeight = FloatBuffer(zeros: 3 * h * h)
        inputWeight = FloatBuffer(zeros: 3 * h * inputs)
        inputBias = FloatBuffer(zeros: 3 * h)
        recurrentBias = FloatBuffer(zeros: 3 * h)
    }

    /// Adds `other`'s sums to these.
    func add(_ other: GRUBlockGradients) {
        for (mine, theirs) in [(recurrentWeight, other.recurrentWeight), (inputWeight, other.inputWeight),
                               (inputBias, other.inputBias), (recurrentBias, other.recurrentBias)] {
            VectorLoops.addScaled(1, theirs.pointer, into: mine.pointer, mine.count)
        }
    }
}

extension GRUPass {
    /// The gradients of x, W_ih, b_ih, W_hh, b_hh and h0 from the output's gradient `g`
    /// (the states' shape), through the states the forward pass wrote.
    func backward(gradient g: Tensor, wantInput: Bool) throws -> [Tensor?] {
        guard let saved, let (states, x, h0) = kept else {
            throw NeuralError("GRUBackward: the saved values were freed by an earlier backward()")
        }
        let g3 = 3 * h
        let dx = wantInput ? try Tensor.zeros(x.shape) : nil
        let dh0 = try Tensor.uninitialized([layout.batch, h], op: "GRUBackward")
        let sums = blocks.ranges.map { _ in GRUBlockGradients(h, inputs: inputs) }
        // The input side's gradients are read after each step by the GEMMs for dx and dW_ih;
        // for thin inputs without dx, only a partial last block of lanes writes them.
        let writeInput = wantInput || !stepwise
        let dgi = try FloatBuffer(
            counted: writeInput || h % LaneMath.width != 0 ? layout.batch * g3 : 0, op: "GRUBackward")
        let dgh = try FloatBuffer(counted: layout.batch * g3, op: "GRUBackward")
        g.withUnsafeBufferPointer { gs in
            x.withUnsafeBufferPointer { xs in
                h0.withUnsafeBufferPointer { start in
                    states.withUnsafeBufferPointer { hs in
                        dh0.withUnsafeMutableBufferPointer { d0 in
                            guard let gp = gs.baseAddress, let xp = xs.baseAddress, let hp = start.baseAddress,
                                  let sp = hs.baseAddress, let d0p = d0.baseAddress else { return }
                            let dxp = dx?.withUnsafeMutableBufferPointer { $0.baseAddress }
                            blocks.run { k in
                                backward(
                                    block: k, g: gp, x: xp, h0: hp, states: sp, saved: saved, dx: dxp, dh0: d0p,
                                    scratch: (dgi, dgh, writeInput), into: sums[k])
                            }
                        }
                    }
                }
            }
        }
        for other in sums.dropFirst() { sums[0].add(other) }
        let total = sums[0]
        let dwih: FloatBuffer
        if stepwise {
            dwih = FloatBuffer(uninitialized: g3 * inputs)
            total.inputWeight.transpose(rows: inputs, columns: g3, into: dwih)
        } else {
            dwih = total.inputWeight
        }
        return [dx, try dwih.tensor([g3, inputs]), try total.inputBias.tensor([g3]),
                try total.recurrentWeight.tensor([g3, h]), try total.recurrentBias.tensor([g3]), dh0]
    }

    /// BPTT over block `k`: its rows of dx (when given) and dh0, and its weight-gradient sums.
    private func backward(
        block k: Int, g: UnsafePointer<Float>, x: UnsafePointer<Float>, h0: UnsafePointer<Float>,
        states: UnsafePointer<Float>, saved: FloatBuffer, dx: UnsafeMutablePointer<Float>?, dh0: UnsafeMutablePointer<Float>,
        scratch: (input: FloatBuffer, recurrent: FloatBuffer, writeInput: Bool), into sums: GRUBlockGradients
    ) {
        let range = blocks.ranges[k]
        let (b0, rows, g3) = (range.lowerBound, range.count, 3 * h)
        // The block's rows of the gate gradients (the input side's only where written).
        let dgi = scratch.input.at(scratch.input.count == 0 ? 0 : b0 * g3)
        let (dgh, writeInput) = (scratch.recurrent.at(b0 * g3), scratch.writeInput)
        let carry = dh0 + b0 * h
        carry.update(repeating: 0, count: rows * h)
        let inputStride = layout.batchStride * inputs
        for t in stride(from: layout.steps - 1, through: 0, by: -1) {
            let (prev, prevStride) = previous(t, b0, states: states, h0: h0)
            let stepSaved = saved.at((b0 * layout.steps + t * rows) * 4 * h)
            let xt = x + layout.row(t, b0) * inputs
            let rowSums = GRUGradientSums(
                inputBias: sums.inputBias.pointer, recurrentBias: sums.recurrentBias.pointer,
                inputWeightT: stepwise ? sums.inputWeight.pointer : nil, features: stepwise ? inputs : 0)
            for first in stride(from: 0, to: rows, by: Self.tileRows) {
                let tile = GRURowTile(
                    count: Swift.min(Self.tileRows, rows - first),
                    output: g + layout.row(t, b0 + first) * h, outputStride: layout.batchStride * h,
                    carry: carry + first * h, saved: stepSaved + first * 4 * h,
                    previous: prev + first * prevStride, previousStride: prevStride,
                    input: dgi + first * g3, recurrent: dgh + first * g3,
                    x: xt + first * inputStride, xStride: inputStride)
                GRUGates.backwardTile(h, tile, writeInput: writeInput, sums: rowSums)
            }
            if let panels {
                // carry += dg · W_hh; dW_hh += dgᵀ · h_{t−1}, dgᵀ and h_{t−1} read in place.
                PanelProduct.multiply(
                    rows, h, g3, dgh, rowStride: g3, depthStride: 1, panels.carry.operand, carry, ldc: h, accumulate: true)
                PanelProduct.multiply(
                    g3, h, rows, dgh, rowStride: 1, depthStride: g3, .rowMajor(prev, rowStride: prevStride),
                    sums.recurrentWeight.pointer, ldc: h, accumulate: true)
            } else {
                recurrentProduct(rows, h, g3, dgh, whh.pointer, beta: 1, carry)
                sgemm(true, false, g3, h, rows, dgh, prev, ldb: prevStride, beta: 1, sums.recurrentWeight.pointer)
            }
            if !stepwise {
                sgemm(true, false, g3, inputs, rows, dgi, xt, ldb: inputStride, beta: 1, sums.inputWeight.pointer)
            }
            if let dx {
                sgemm(false, false, rows, inputs, g3, dgi, wih.pointer, beta: 0, dx + layout.row(t, b0) * inputs,
                      ldc: inputStride)
            }
        }
    }
}

extension GRUPass {
    /// The batch rows whose bias and W_ih gradient sums the backward pass keeps in
    /// registers at once (`GRUGates.backwardTile`).
    static let tileRows = 8
}
