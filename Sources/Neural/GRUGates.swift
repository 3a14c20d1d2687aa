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
enum GRUGates {
    /// One row forward. `input` holds W_ih x + b_ih and `recurrent` W_hh h (without b_hh),
    /// gate blocks r, z, n of `h` each; writes h′ to `next` and r, z, n, ĥ to `saved`.
    static func forwardRow(
        _ h: Int, input: UnsafePointer<Float>, recurrent: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        previous: UnsafePointer<Float>, next: UnsafeMutablePointer<Float>, saved: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        let full = h / w * w
        for j in stride(from: 0, to: full, by: w) {
            forwardBlock(h, input + j, recurrent + j, bias + j, previous + j, next + j, saved + j)
        }
        guard full < h else { return }
        // Rows 0–8: the gate blocks of input, recurrent, bias; 9: previous; 10: next; 11–14: saved.
        let rows = InlineArray<15, UnsafeMutablePointer<Float>> { k in
            switch k {
            case 0..<3: UnsafeMutablePointer(mutating: input) + k * h + full
            case 3..<6: UnsafeMutablePointer(mutating: recurrent) + (k - 3) * h + full
            case 6..<9: UnsafeMutablePointer(mutating: bias) + (k - 6) * h + full
            case 9: UnsafeMutablePointer(mutating: previous) + full
            case 10: next + full
            default: saved + (k - 11) * h + full
            }
        }
        LaneMath.partialBlock(h - full, rows) { s in
            forwardBlock(w, s, s + 3 * w, s + 6 * w, s + 9 * w, s + 10 * w, s + 11 * w)
        }
    }

    /// `forwardRow` on one `Lanes`; gate blocks are `stride` apart in each array.
    @inline(__always)
    static func forwardBlock(
        _ stride: Int, _ input: UnsafePointer<Float>, _ recurrent: UnsafePointer<Float>, _ bias: UnsafePointer<Float>,
        _ previous: UnsafePointer<Float>, _ next: UnsafeMutablePointer<Float>, _ saved: UnsafeMutablePointer<Float>
    ) {
        typealias M = LaneMath
        let r = M.sigmoid(M.load(input) + M.load(recurrent) + M.load(bias))
        let z = M.sigmoid(M.load(input + stride) + M.load(recurrent + stride) + M.load(bias + stride))
        let hn = M.load(recurrent + 2 * stride) + M.load(bias + 2 * stride)
        let n = M.tanh(M.multiplyAdd(r, hn, M.load(input + 2 * stride)))
        M.store(M.multiplyAdd(z, M.load(previous) - n, n), next)
        M.store(r, saved)
        M.store(z, saved + stride)
        M.store(n, saved + 2 * stride)
        M.store(hn, saved + 3 * stride)
    }

    /// One row backward: from the output gradient `output` and the carry `carry` (both of
    /// `h`), the saved r, z, n, ĥ and the previous state, writes the input-side and
    /// recurrent-side pre-activation gradients (3H each) and replaces the carry by d ⊙ z.
    static func backwardRow(
        _ h: Int, output: UnsafePointer<Float>, carry: UnsafeMutablePointer<Float>, saved: UnsafePointer<Float>,
        previous: UnsafePointer<Float>, input: UnsafeMutablePointer<Float>, recurrent: UnsafeMutablePointer<Float>
    ) {
        let w = LaneMath.width
        let full = h / w * w
        for j in stride(from: 0, to: full, by: w) {
            backwardBlock(h, output + j, carry + j, saved + j, previous + j, input + j, recurrent + j)
        }
        guard full < h else { return }
        // Rows 0: output; 1: carry; 2: previous; 3–6: saved; 7–9: input; 10–12: recurrent.
        let rows = InlineArray<13, UnsafeMutablePointer<Float>> { k in
            switch k {
            case 0: UnsafeMutablePointer(mutating: output) + full
            case 1: carry + full
            case 2: UnsafeMutablePointer(mutating: previous) + full
            case 3..<7: UnsafeMutablePointer(mutating: saved) + (k - 3) * h + full
            case 7..<10: input + (k - 7) * h + full
            default: recurrent + (k - 10) * h + full
            }
        }
        LaneMath.partialBlock(h - full, rows) { s in
            backwardBlock(w, s, s + w, s + 3 * w, s + 2 * w, s + 7 * w, s + 10 * w)
        }
    }

    /// `backwardRow` on one `Lanes`; gate blocks are `stride` apart in each array.
    @inline(__always)
    static func backwardBlock(
        _ stride: Int, _ output: UnsafePointer<Float>, _ carry: UnsafeMutablePointer<Float>, _ saved: UnsafePointer<Float>,
        _ previous: UnsafePointer<Float>, _ input: UnsafeMutablePointer<Float>, _ recurrent: UnsafeMutablePointer<Float>
    ) {
        typealias M = LaneMath
        let one = Lanes(repeating: 1)
        let (r, z, n, hn) = (M.load(saved), M.load(saved + stride), M.load(saved + 2 * stride), M.load(saved + 3 * stride))
        let d = M.load(output) + M.load(carry)
        let dn = d * (one - z) * (one - n * n)
        let dr = dn * hn * r * (one - r)
        let dz = d * (M.load(previous) - n) * z * (one - z)
        M.store(dr, input)
        M.store(dz, input + stride)
        M.store(dn, input + 2 * stride)
        M.store(dr, recurrent)
        M.store(dz, recurrent + stride)
        M.store(dn * r, recurrent + 2 * stride)
        M.store(d * z, carry)
    }
}
