/// The three products of a `Linear` with a few outputs over many rows: a readout of 3
/// outputs from a (800, 500, 128) batch of states, say. Each is one pass over the big
/// operand, which is what they cost: OpenBLAS packs the big operand into its own layout
/// first (and zeroes dx before adding to it), about twice the memory traffic.
///
/// The sums have a fixed order, so every call gives the same bytes: a dot product of the
/// forward pass runs over k in `Lanes` of 16 (lane i sums k ≡ i mod 16 in order), then
/// adds the lanes in order, then the columns after the last whole `Lanes`, then the bias;
/// dx's and dW's sums run over the outputs and over the rows in order, one fused
/// multiply-add per term.
enum ThinProducts {
    /// The most outputs taken here; the sums of one `Lanes` of every output stay in registers.
    static let maximumOutputs = 4
    /// The fewest elements of the input worth it (below, OpenBLAS's call is cheap anyway).
    static let minimumElements = 1 << 20

    /// Whether a `Linear` from `inputs` to `outputs` features over `rows` rows runs here.
    static func applies(rows: Int, inputs: Int, outputs: Int) -> Bool {
        outputs >= 1 && outputs <= maximumOutputs && inputs >= 1 && rows * inputs >= minimumElements
    }

    /// y (rows × n) = x (rows × k) · Wᵀ (+ bias), W (n × k).
    static func forward(
        rows: Int, inputs k: Int, outputs n: Int, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>
    ) {
        switch n {
        case 1: forward(rows, k, x, weight, bias, y, InlineArray<1, Lanes>(repeating: .zero))
        case 2: forward(rows, k, x, weight, bias, y, InlineArray<2, Lanes>(repeating: .zero))
        case 3: forward(rows, k, x, weight, bias, y, InlineArray<3, Lanes>(repeating: .zero))
        default: forward(rows, k, x, weight, bias, y, InlineArray<4, Lanes>(repeating: .zero))
        }
    }

    @inline(__always)
    private static func forward<let n: Int>(
        _ rows: Int, _ k: Int, _ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, _ bias: UnsafePointer<Float>?,
        _ y: UnsafeMutablePointer<Float>, _ zero: InlineArray<n, Lanes>
    ) {
        typealias M = LaneMath
        let full = k / M.width * M.width
        for r in 0..<rows {
            let row = x + r * k
            var sums = zero
            for j in stride(from: 0, to: full, by: M.width) {
                let v = M.load(row + j)
                for o in 0..<n { sums[o] = M.multiplyAdd(v, M.load(weight + o * k + j), sums[o]) }
            }
            for o in 0..<n {
                var total = sums[o].sum()
                let w = weight + o * k
                for j in full..<k { total = total.addingProduct(row[j], w[j]) }
                if let bias { total += bias[o] }
                y[r * n + o] = total
            }
        }
    }

    /// dx (rows × k) = g (rows × n) · W (n × k). Written by streaming stores when dx and
    /// its rows are 64-byte aligned: dx is as big as the input, and read back only later.
    static func inputGradient(
        rows: Int, inputs k: Int, outputs n: Int, g: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        dx: UnsafeMutablePointer<Float>
    ) {
        typealias M = LaneMath
        let full = k / M.width * M.width
        let streaming = k % M.width == 0 && Int(bitPattern: dx) % 64 == 0
        for r in 0..<rows {
            let (gr, out) = (g + r * n, dx + r * k)
            for j in stride(from: 0, to: full, by: M.width) {
                var sum = Lanes(repeating: gr[0]) * M.load(weight + j)
                for o in 1..<n { sum = M.multiplyAdd(Lanes(repeating: gr[o]), M.load(weight + o * k + j), sum) }
                if streaming { M.streamStore(sum, out + j) } else { M.store(sum, out + j) }
            }
            for j in full..<k {
                var sum = gr[0] * weight[j]
                for o in 1..<n { sum = sum.addingProduct(gr[o], weight[o * k + j]) }
                out[j] = sum
            }
        }
        if streaming { M.streamFence() }
    }

    /// dW (n × k) = gᵀ · x, over the rows in order.
    static func weightGradient(
        rows: Int, inputs k: Int, outputs n: Int, g: UnsafePointer<Float>, x: UnsafePointer<Float>,
        dw: UnsafeMutablePointer<Float>
    ) {
        switch n {
        case 1: weightGradient(rows, k, g, x, dw, InlineArray<1, Lanes>(repeating: .zero))
        case 2: weightGradient(rows, k, g, x, dw, InlineArray<2, Lanes>(repeating: .zero))
        case 3: weightGradient(rows, k, g, x, dw, InlineArray<3, Lanes>(repeating: .zero))
        default: weightGradient(rows, k, g, x, dw, InlineArray<4, Lanes>(repeating: .zero))
        }
    }

    /// Rows taken together: each `Lanes` of columns passes over them in turn, from cache
    /// after the first.
    private static let chunkRows = 256

    @inline(__always)
    private static func weightGradient<let n: Int>(
        _ rows: Int, _ k: Int, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ dw: UnsafeMutablePointer<Float>,
        _ zero: InlineArray<n, Lanes>
    ) {
        typealias M = LaneMath
        let full = k / M.width * M.width
        dw.update(repeating: 0, count: n * k)
        for first in stride(from: 0, to: rows, by: chunkRows) {
            let last = Swift.min(first + chunkRows, rows)
            for j in stride(from: 0, to: full, by: M.width) {
                var sums = zero
                for o in 0..<n { sums[o] = M.load(dw + o * k + j) }
                for r in first..<last {
                    let v = M.load(x + r * k + j)
                    for o in 0..<n { sums[o] = M.multiplyAdd(Lanes(repeating: g[r * n + o]), v, sums[o]) }
                }
                for o in 0..<n { M.store(sums[o], dw + o * k + j) }
            }
            for j in full..<k {
                for o in 0..<n {
                    var sum = dw[o * k + j]
                    for r in first..<last { sum = sum.addingProduct(g[r * n + o], x[r * k + j]) }
                    dw[o * k + j] = sum
                }
            }
        }
    }
}
