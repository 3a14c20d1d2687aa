/// Consecutive batch rows of one step, as the GRU's backward pass reads and writes them:
/// each array's first row and the distance between rows (in floats).
struct GRURowTile {
    let count: Int
    let output: UnsafePointer<Float>, outputStride: Int
    /// The carried state gradients, H apart.
    let carry: UnsafeMutablePointer<Float>
    /// r, z, n, ĥ, 4H apart.
    let saved: UnsafePointer<Float>
    let previous: UnsafePointer<Float>, previousStride: Int
    /// The input-side and recurrent-side gate gradients, 3H apart.
    let input: UnsafeMutablePointer<Float>
    let recurrent: UnsafeMutablePointer<Float>
    let x: UnsafePointer<Float>, xStride: Int
}
