/// The input side of one GRU row's gates, W_ih x + b_ih (3H, gate blocks r, z, n): read
/// from a buffer a GEMM filled, or, for inputs of a few features, computed where the gate
/// math reads it, as b_ih + Σ_q x_q · (W_ihᵀ)_q in feature order, each term rounded as a
/// separate multiply and add.
enum GRUInputSide {
    /// Already computed, 3H floats.
    case computed(UnsafePointer<Float>)
    /// Computed on the fly from the row's `count` features `x`, W_ihᵀ (count, 3H) and b_ih.
    case projected(x: UnsafePointer<Float>, count: Int, weightT: UnsafePointer<Float>, bias: UnsafePointer<Float>)

    /// The r, z and n blocks' lanes starting at column `j` of each gate block.
    @inline(__always)
    func lanes(at j: Int, gateStride h: Int) -> (Lanes, Lanes, Lanes) {
        typealias M = LaneMath
        switch self {
        case .computed(let input):
            return (M.load(input + j), M.load(input + h + j), M.load(input + 2 * h + j))
        case .projected(let x, let count, let weightT, let bias):
            var (ar, az, an) = (M.load(bias + j), M.load(bias + h + j), M.load(bias + 2 * h + j))
            for q in 0..<count {
                let s = Lanes(repeating: x[q])
                let row = weightT + q * 3 * h + j
                ar = ar + s * M.load(row)
                az = az + s * M.load(row + h)
                an = an + s * M.load(row + 2 * h)
            }
            return (ar, az, an)
        }
    }

    /// Writes columns `from ..< from + count` of each gate block to `tail`, the gate blocks
    /// `tailStride` apart there.
    func write(from start: Int, count: Int, gateStride h: Int, into tail: UnsafeMutablePointer<Float>, tailStride: Int) {
        for g in 0..<3 {
            for j in 0..<count {
                let column = g * h + start + j
                switch self {
                case .computed(let input):
                    tail[g * tailStride + j] = input[column]
                case .projected(let x, let features, let weightT, let bias):
                    var a = bias[column]
                    for q in 0..<features { a += x[q] * weightT[q * 3 * h + column] }
                    tail[g * tailStride + j] = a
                }
            }
        }
    }
}
