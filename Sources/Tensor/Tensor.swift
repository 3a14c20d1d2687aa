/// A Float32 tensor with a shape and contiguous row-major storage (to be built: issue 3).
public struct Tensor: Sendable {
    /// The extent of each dimension.
    public var shape: [Int]
    /// The elements in row-major order.
    public var storage: [Float]

    /// Makes a tensor of zeros.
    public init(zeros shape: [Int]) {
        self.shape = shape
        self.storage = [Float](repeating: 0, count: shape.reduce(1, *))
    }
}
