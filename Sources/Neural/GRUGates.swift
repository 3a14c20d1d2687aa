/// The GRU's elementwise math for one batch row of one step, on `Lanes` (16 at a time; a
/// hidden size that is not a multiple of 16 ends with a zero-padded block).
///
/// Forward: r = σ(a_r), z = σ(a_z), ĥ = W_hn h + b_hn, n = tanh(a_n + r ⊙ ĥ),
/// h′ = n + z ⊙ (h − n), where a = (W_ih x + b_ih) + (W_hh h + b_hh) for r and z and
/// a_n = W_in x + b_in. It saves r, z, n, ĥ (4H per row), all the backward pass needs
/// besides h.
///
/// Backward, with d = ∂L/∂h′ (the output's gradient plus the carry from the step after):
/// ∂a_n = d (1 − z)(1 − n²), ∂a_r = ∂a_n ĥ r (1 − r), ∂a_z = d (h − n) z (1 − z); the input
/// side gets (∂a_r, ∂a_z, ∂a_n), the recurrent side (∂a_r, ∂a_z, ∂a_n ⊙ r), and the carry
/// becomes d ⊙ z (the GEMM with W_hh is added by the caller).
///
/// For thin inputs the input side is computed in the same loop (`GRUInputSide.projected`),
/// and the bias and W_ih gradients are summed there too (`GRUGradientSums`): the 3H-wide
/// gate arrays of a row are then read once, while they are in registers, rather than
/// written and read back by separate loops. The sums are taken in the same order and with
/// the same roundings as separate loops would take them.
enum GRUGates {
    /// One row forward. `recurrent` holds W_hh h (without b_hh), gate blocks r, z, n of
    /// `h` each; writes h′ to `next` and r, z, n, ĥ to `saved`, with streaming stores where
    /// `streaming` (`saved` 64-byte aligned and `h` a multiple of `LaneMath.width`; the
    /// caller fences after).
    static func forwardRow(
        _ h: Int, input: GRUInputSide, recurrent: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        previous: UnsafePointer<Float>, next: UnsafeMutablePointer<Float>, saved: UnsafeMutablePointer<Float>,
        streaming: Bool = false
    ) {
        let w = LaneMath.width
        let full = h / w * w
        for j in stride(from: 0, to: full, by: w) {
            let (ar, az, an) = input.lanes(at: j, gateStride: h)
            forwardBlock(h, ar, az, an, recurrent + j, bias + j, previous + j, next + j, saved + j, streaming: streaming)
        }
        guard full < h else { return }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * w) { tail in
            guard let tail = tail.baseAddress else { return }
            input.write(from: full, count: h - full, gateStride: h, into: tail, tailStride: w)
            // Rows 0–8: the gate blocks of input, recurrent, bias; 9: previous; 10: next; 11–14: saved.
            let rows = InlineArray<15, UnsafeMutablePointer<Float>> { k in
                switch k {
                case 0..<3: tail + k * w
                case 3..<6: UnsafeMutablePointer(mutating: recurrent) + (k - 3) * h + full
                case 6..<9: UnsafeMutablePointer(mutating: bias) + (k - 6) * h + full
                case 9: UnsafeMutablePointer(mutating: previous) + full
                case 10: next + full
                default: saved + (k - 11) * h + full
                }
            }
            LaneMath.partialBlock(h - full, rows) { s in
                typealias M = LaneMath
                forwardBlock(w, M.load(s), M.load(s + w), M.load(s + 2 * w), s + 3 * w, s + 6 * w, s + 9 * w, s + 10 * w, s + 11 * w)
            }
        }
    }

    /// `forwardRow` on one `Lanes`, from the input side's three gate pre-activations; gate
    /// blocks are `stride` apart in each array.
    @inline(__always)
    static func forwardBlock(
        _ stride: Int, _ ar: Lanes, _ az: Lanes, _ an: Lanes, _ recurrent: UnsafePointer<Float>, _ bias: UnsafePointer<Float>,
        _ previous: UnsafePointer<Float>, _ next: UnsafeMutablePointer<Float>, _ saved: UnsafeMutablePointer<Float>,
        streaming: Bool = false
    ) {
        typealias M = LaneMath
        let r = M.sigmoid(ar + M.load(recurrent) + M.load(bias))
        let z = M.sigmoid(az + M.load(recurrent + stride) + M.load(bias + stride))
        let hn = M.load(recurrent + 2 * stride) + M.load(bias + 2 * stride)
        let n = M.tanh(M.multiplyAdd(r, hn, an))
        M.store(M.multiplyAdd(z, M.load(previous) - n, n), next)
        if streaming {
            M.streamStore(r, saved)
            M.streamStore(z, saved + stride)
            M.streamStore(n, saved + 2 * stride)
            M.streamStore(hn, saved + 3 * stride)
        } else {
            M.store(r, saved)
            M.store(z, saved + stride)
            M.store(n, saved + 2 * stride)
            M.store(hn, saved + 3 * stride)
        }
    }

    /// The rows of `tile` backward: from the output gradient and the carry, the saved r,
    /// z, n, ĥ and the previous state, writes the recurrent-side pre-activation gradients
    /// (3H per row) and, where `writeInput` (always in a partial last block of lanes), the
    /// input-side ones; adds them into `sums`; replaces the carry by d ⊙ z. The sums of a
    /// block of lanes stay in registers over the tile's rows.
    static func backwardTile(_ h: Int, _ tile: GRURowTile, writeInput: Bool, sums: GRUGradientSums) {
        switch sums.features {
        case 1: backwardTile(h, tile, writeInput, sums, InlineArray<1, Lanes>(repeating: .zero))
        case 2: backwardTile(h, tile, writeInput, sums, InlineArray<2, Lanes>(repeating: .zero))
        case 3: backwardTile(h, tile, writeInput, sums, InlineArray<3, Lanes>(repeating: .zero))
        case 4: backwardTile(h, tile, writeInput, sums, InlineArray<4, Lanes>(repeating: .zero))
        default: backwardTile(h, tile, writeInput, sums, InlineArray<0, Lanes>(repeating: .zero))
        }
    }

    /// `backwardTile` with W_ihᵀ's sums of `n` features (`sums.features` ≤ 4) in registers;
    /// further features are summed in memory. `shape` only carries `n`.
    @inline(__always)
    private static func backwardTile<let n: Int>(
        _ h: Int, _ tile: GRURowTile, _ writeInput: Bool, _ sums: GRUGradientSums, _ shape: InlineArray<n, Lanes>
    ) {
        typealias M = LaneMath
        let (w, g3) = (M.width, 3 * h)
        let full = h / w * w
        let weightT = sums.inputWeightT ?? sums.inputBias
        let extra = sums.inputWeightT == nil ? 0 : sums.features
        for j in stride(from: 0, to: full, by: w) {
            var ib = (M.load(sums.inputBias + j), M.load(sums.inputBias + h + j), M.load(sums.inputBias + 2 * h + j))
            var rb = (M.load(sums.recurrentBias + j), M.load(sums.recurrentBias + h + j), M.load(sums.recurrentBias + 2 * h + j))
            var wr = InlineArray<n, Lanes> { q in M.load(weightT + q * g3 + j) }
            var wz = InlineArray<n, Lanes> { q in M.load(weightT + q * g3 + h + j) }
            var wn = InlineArray<n, Lanes> { q in M.load(weightT + q * g3 + 2 * h + j) }
            for b in 0..<tile.count {
                let (dr, dz, dn, dnr) = backwardBlock(
                    h, tile.output + b * tile.outputStride + j, tile.carry + b * h + j, tile.saved + b * 4 * h + j,
                    tile.previous + b * tile.previousStride + j, tile.recurrent + b * g3 + j)
                if writeInput {
                    let input = tile.input + b * g3 + j
                    M.store(dr, input)
                    M.store(dz, input + h)
                    M.store(dn, input + 2 * h)
                }
                ib = (ib.0 + dr, ib.1 + dz, ib.2 + dn)
                rb = (rb.0 + dr, rb.1 + dz, rb.2 + dnr)
                let x = tile.x + b * tile.xStride
                for q in 0..<n {
                    let s = Lanes(repeating: x[q])
                    wr[q] = wr[q] + s * dr
                    wz[q] = wz[q] + s * dz
                    wn[q] = wn[q] + s * dn
                }
                for q in n..<extra {
                    let (s, p) = (Lanes(repeating: x[q]), weightT + q * g3 + j)
                    M.store(M.load(p) + s * dr, p)
                    M.store(M.load(p + h) + s * dz, p + h)
                    M.store(M.load(p + 2 * h) + s * dn, p + 2 * h)
                }
            }
            M.store(ib.0, sums.inputBias + j)
            M.store(ib.1, sums.inputBias + h + j)
            M.store(ib.2, sums.inputBias + 2 * h + j)
            M.store(rb.0, sums.recurrentBias + j)
            M.store(rb.1, sums.recurrentBias + h + j)
            M.store(rb.2, sums.recurrentBias + 2 * h + j)
            for q in 0..<n {
                M.store(wr[q], weightT + q * g3 + j)
                M.store(wz[q], weightT + q * g3 + h + j)
                M.store(wn[q], weightT + q * g3 + 2 * h + j)
            }
        }
        guard full < h else { return }
        for b in 0..<tile.count {
            let (input, recurrent) = (tile.input + b * g3, tile.recurrent + b * g3)
            // Rows 0: output; 1: carry; 2: previous; 3–6: saved; 7–9: input; 10–12: recurrent.
            let rows = InlineArray<13, UnsafeMutablePointer<Float>> { k in
                switch k {
                case 0: UnsafeMutablePointer(mutating: tile.output) + b * tile.outputStride + full
                case 1: tile.carry + b * h + full
                case 2: UnsafeMutablePointer(mutating: tile.previous) + b * tile.previousStride + full
                case 3..<7: UnsafeMutablePointer(mutating: tile.saved) + b * 4 * h + (k - 3) * h + full
                case 7..<10: input + (k - 7) * h + full
                default: recurrent + (k - 10) * h + full
                }
            }
            LaneMath.partialBlock(h - full, rows) { s in
                let (dr, dz, dn, _) = backwardBlock(w, s, s + w, s + 3 * w, s + 2 * w, s + 10 * w)
                M.store(dr, s + 7 * w)
                M.store(dz, s + 8 * w)
                M.store(dn, s + 9 * w)
            }
            sums.add(input: input, recurrent: recurrent, x: tile.x + b * tile.xStride, from: full, to: h, h: h)
        }
    }

    /// `backwardRow` on one `Lanes`; gate blocks are `stride` apart in each array. Writes
    /// the recurrent side and the carry; returns ∂a_r, ∂a_z, ∂a_n and ∂a_n ⊙ r.
    @inline(__always)
    static func backwardBlock(
        _ stride: Int, _ output: UnsafePointer<Float>, _ carry: UnsafeMutablePointer<Float>, _ saved: UnsafePointer<Float>,
        _ previous: UnsafePointer<Float>, _ recurrent: UnsafeMutablePointer<Float>
    ) -> (Lanes, Lanes, Lanes, Lanes) {
        typealias M = LaneMath
        let one = Lanes(repeating: 1)
        let (r, z, n, hn) = (M.load(saved), M.load(saved + stride), M.load(saved + 2 * stride), M.load(saved + 3 * stride))
        let d = M.load(output) + M.load(carry)
        let dn = d * (one - z) * (one - n * n)
        let dr = dn * hn * r * (one - r)
        let dz = d * (M.load(previous) - n) * z * (one - z)
        let dnr = dn * r
        M.store(dr, recurrent)
        M.store(dz, recurrent + stride)
        M.store(dnr, recurrent + 2 * stride)
        M.store(d * z, carry)
        return (dr, dz, dn, dnr)
    }
}
