/// An n-dimensional array of numbers with PyTorch's semantics, on contiguous row-major
/// Float32 storage, that can record the operations done on it for reverse-mode autograd.
///
/// `Tensor` is a reference type, like a PyTorch tensor: `let b = a` names the same tensor,
/// in-place operations (`zero_()`, `x[i] = v`, `add_`) change it for every holder, and
/// `grad` accumulates on the one object the model and the optimizer share. Operations
/// return new tensors; `reshape`/`view`/`squeeze`/`unsqueeze`/`flatten`/`detach` share the
/// source's storage, every other result (including slices and `transpose`) is a copy.
/// A reference type was chosen over a copy-on-write struct because the labs' PyTorch code
/// relies on this aliasing: parameters shared by a model and its optimizer, updates in
/// place, gradients found on the parameter object.
///
/// The element type is `dtype`: `float32`, `int64` or `bool`, all stored as Float (see
/// `DType`). Operations throw `TensorError`, never trap. A tensor is not thread-safe:
/// share it between threads only read-only.
public final class Tensor {
    /// The extent of each dimension (PyTorch's `x.shape`).
    public let shape: [Int]
    /// What the elements stand for: float32, int64 or bool.
    public let dtype: DType
    /// The number of elements (PyTorch's `x.numel()`).
    public let count: Int
    /// The elements, row-major; shared with views.
    let storage: TensorStorage
    /// Whether autograd tracks this tensor (leaves set it; results inherit it).
    public internal(set) var requiresGrad: Bool = false
    /// The gradient accumulated by `backward()` on a leaf that requires grad.
    public var grad: Tensor?
    /// The operation that made this tensor, when it was recorded.
    var gradFn: GradNode?

    /// Wraps `storage` (at least `Shape.product(shape)` elements) with a shape and dtype.
    init(storage: TensorStorage, shape: [Int], dtype: DType) {
        self.storage = storage
        self.shape = shape
        self.dtype = dtype
        self.count = Shape.product(shape)
    }

    /// Makes an uninitialized tensor, checking the size limits.
    convenience init(uninitialized shape: [Int], dtype: DType = .float32, op: String) throws {
        let n = try Shape.count(shape, op: op)
        try self.init(storage: TensorStorage(uninitialized: n, shape: shape, op: op), shape: shape, dtype: dtype)
    }

    /// Makes a float tensor of `shape` from the `Shape.product(shape)` row-major floats at
    /// `source` (for kernels that computed them in their own buffers).
    public convenience init(shape: [Int], copying source: UnsafePointer<Float>) throws {
        try self.init(uninitialized: shape, op: "tensor")
        storage.pointer.update(from: source, count: count)
    }

    /// Makes a tensor of the given shape from row-major `scalars`.
    public convenience init(_ scalars: [Float], shape: [Int], dtype: DType = .float32) throws {
        let n = try Shape.count(shape, op: "tensor")
        guard n == scalars.count else {
            throw TensorError("tensor: \(scalars.count) values do not fill shape \(describeShape(shape))")
        }
        try self.init(uninitialized: shape, dtype: dtype, op: "tensor")
        scalars.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { storage.pointer.update(from: base, count: n) }
        }
        if dtype != .float32 { try Tensor.checkWhole(storage.pointer, n, dtype: dtype) }
    }

    /// Makes a 1-D tensor from `scalars`.
    public convenience init(_ scalars: [Float]) throws {
        try self.init(scalars, shape: [scalars.count])
    }

    /// Makes a 2-D tensor from rows of equal length.
    public convenience init(_ rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw TensorError("tensor: rows have different lengths")
        }
        try self.init(rows.flatMap { $0 }, shape: [rows.count, width])
    }

    /// Makes a 0-dimensional tensor holding `value`.
    public convenience init(scalar value: Float, dtype: DType = .float32) throws {
        try self.init(uninitialized: [], dtype: dtype, op: "tensor")
        storage.pointer.pointee = value
    }

    /// Makes an int64 tensor from whole numbers.
    public convenience init(ints: [Int], shape: [Int]? = nil) throws {
        let limit = 1 << 24
        guard ints.allSatisfy({ Swift.abs($0) <= limit }) else {
            throw TensorError("tensor: integer values must lie within ±\(limit) (int64 tensors are stored as Float32)")
        }
        try self.init(ints.map(Float.init), shape: shape ?? [ints.count], dtype: .int64)
    }

    /// Makes a bool tensor.
    public convenience init(bools: [Bool], shape: [Int]? = nil) throws {
        try self.init(bools.map { $0 ? 1 : 0 }, shape: shape ?? [bools.count], dtype: .bool)
    }

    deinit {
        guard var node = gradFn else { return }
        gradFn = nil
        if isKnownUniquelyReferenced(&node) { Tensor.releaseGraph(node) }
    }

    /// Throws unless every element is a whole number (or 0/1 for bool).
    static func checkWhole(_ p: UnsafePointer<Float>, _ n: Int, dtype: DType) throws {
        for i in 0..<n where p[i].rounded(.towardZero) != p[i] || (dtype == .bool && p[i] != 0 && p[i] != 1) {
            throw TensorError("tensor: value \(p[i]) is not a valid \(dtype)")
        }
    }

    /// The number of dimensions (PyTorch's `x.ndim`).
    public var ndim: Int { shape.count }

    /// The extent of dimension `dim` (negative counts from the end), PyTorch's `x.size(dim)`.
    public func size(_ dim: Int) throws -> Int {
        guard ndim > 0 else { throw TensorError("size: a 0-dimensional tensor has no dimension \(dim)") }
        return shape[try Shape.normalize(dim: dim, rank: ndim, op: "size")]
    }

    /// The elements in row-major order (a copy).
    public var scalars: [Float] {
        Array(UnsafeBufferPointer(start: storage.pointer, count: count))
    }

    /// The elements as whole numbers, rounded toward zero (for int64 and bool tensors;
    /// NaN gives `Int.min`, out-of-range values are clamped).
    public var ints: [Int] {
        UnsafeBufferPointer(start: storage.pointer, count: count).map(DType.integer)
    }

    /// The single value of a one-element tensor (PyTorch's `x.item()`).
    public func item() throws -> Float {
        guard count == 1 else {
            throw TensorError("item: a Tensor with \(count) elements cannot be converted to Scalar")
        }
        return storage.pointer.pointee
    }

    /// Whether this tensor is a leaf: made by the user, not recorded as an operation's result.
    public var isLeaf: Bool { gradFn == nil }

    /// Gives read access to the elements, row-major; the pointer must not escape `body`.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: count))
    }

    /// Gives write access to the elements (shared with views); must not escape `body`.
    /// Counts as an in-place write (see `version`).
    public func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        markWrittenInPlace()
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
    }

    /// How many times this tensor's storage (shared with its views) was written in place.
    public var version: Int { storage.version }

    /// Counts an in-place write of the storage, so that a recorded operation that read the
    /// old contents refuses to differentiate with the new ones.
    @inline(__always) func markWrittenInPlace() { storage.version &+= 1 }

    /// The element pointer, for kernels in this module.
    @inline(__always) var data: UnsafeMutablePointer<Float> { storage.pointer }
}
