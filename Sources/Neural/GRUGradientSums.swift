/// Where the GRU's backward pass sums the rows' gate gradients as it computes them: the
/// gradients of b_ih and b_hh (3H each) and, for thin inputs, of W_ihᵀ (I, 3H) with the
/// rows' features. Each sum adds a row's value as `sum += value` (and
/// `sum += x_q · value`), the rows in the order the pass visits them, so that the result
/// is the one separate loops over the written gradients would give, to the bit.
struct GRUGradientSums {
    let inputBias: UnsafeMutablePointer<Float>
    let recurrentBias: UnsafeMutablePointer<Float>
    /// W_ihᵀ's gradient, rows 3H apart; nil when a GEMM computes it after the step.
    let inputWeightT: UnsafeMutablePointer<Float>?
    /// The features summed with W_ihᵀ's gradient (0 without it).
    let features: Int

    /// Adds columns `start ..< end` of each gate block of one written row: the input side
    /// `input` and the recurrent side `recurrent` (3H each, gate blocks `h` apart), with
    /// the row's features `x`.
    func add(input: UnsafePointer<Float>, recurrent: UnsafePointer<Float>, x: UnsafePointer<Float>, from start: Int, to end: Int, h: Int) {
        for g in 0..<3 {
            for j in start..<end {
                let column = g * h + j
                inputBias[column] += input[column]
                recurrentBias[column] += recurrent[column]
                if let inputWeightT {
                    for q in 0..<features { inputWeightT[q * 3 * h + column] += x[q] * input[column] }
                }
            }
        }
    }
}
