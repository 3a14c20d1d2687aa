import Tensor

/// A scratch array of Float for the fused kernels: manually allocated, so the hot loops
/// index a raw pointer with no bounds checks, copy-on-write or exclusivity checks.
/// Freed when the last reference goes (the backward closures keep what they saved).
final class FloatBuffer {
    /// The first element.
    let pointer: UnsafeMutablePointer<Float>
    /// The number of elements.
    let count: Int
    /// Where the memory came from and goes back to, if anywhere.
    private let pool: BufferPool?
    /// The session budget the elements count against (`init(counted:)`), if any.
    private let budget: TensorBudget?

    /// `count` elements whose contents are undefined (every one must be written before
    /// it is read), from `pool` when given.
    init(uninitialized count: Int, pool: BufferPool? = nil) {
        self.count = count
        self.pool = pool
        budget = nil
        let capacity = Swift.max(count, 1)
        pointer = pool?.take(capacity) ?? AlignedFloats.allocate(capacity)
    }

    /// `count` elements whose contents are undefined, for what a kernel keeps per step of a
    /// sequence (its size follows the input's, not the weights'): counted against the
    /// current session's tensor budget as a tensor's elements are, and refused with a
    /// `TensorError`, not a stop, when the budget or the system has no room for them, as a
    /// tensor is (the budget's error ends the block; the system's is a `RuntimeError`).
    /// `op` names the operation.
    init(counted count: Int, pool: BufferPool? = nil, op: String) throws {
        let capacity = Swift.max(count, 1)
        let budget = TensorBudget.current
        if let budget, !budget.reserveBytes(capacity * MemoryLayout<Float>.stride) {
            // Worded as a tensor's refusal ("more than the limit"), the session's memory budget.
            throw TensorError(
                "\(op): keeping its \(capacity) values for the sequence would bring the live tensors to "
                    + "\(budget.liveElements + capacity) elements, more than the limit of \(budget.maxTotalElements); "
                    + "use a shorter sequence or a smaller batch")
        }
        guard let pointer = pool?.takeIfPossible(capacity) ?? AlignedFloats.allocateIfPossible(capacity) else {
            budget?.releaseBytes(capacity * MemoryLayout<Float>.stride)
            throw TensorError(
                "\(op): out of memory: the system refused the \(capacity * MemoryLayout<Float>.stride) bytes "
                    + "of the values it keeps for the sequence")
        }
        self.pointer = pointer
        self.count = count
        self.pool = pool
        self.budget = budget
    }

    /// `count` zeros, from `pool` when given.
    convenience init(zeros count: Int, pool: BufferPool? = nil) {
        self.init(uninitialized: count, pool: pool)
        pointer.update(repeating: 0, count: Swift.max(count, 1))
    }

    /// A copy of `tensor`'s elements, from `pool` when given.
    convenience init(copying tensor: Tensor, pool: BufferPool? = nil) {
        self.init(uninitialized: tensor.count, pool: pool)
        copy(tensor)
    }

    /// `count` zeros, counted as `init(counted:pool:op:)` counts them.
    convenience init(countedZeros count: Int, pool: BufferPool? = nil, op: String) throws {
        try self.init(counted: count, pool: pool, op: op)
        pointer.update(repeating: 0, count: Swift.max(count, 1))
    }

    /// A copy of `tensor`'s elements, counted as `init(counted:pool:op:)` counts them.
    convenience init(countedCopy tensor: Tensor, pool: BufferPool? = nil, op: String) throws {
        try self.init(counted: tensor.count, pool: pool, op: op)
        copy(tensor)
    }

    /// Copies `tensor`'s elements (as many as this buffer holds) to the start.
    private func copy(_ tensor: Tensor) {
        tensor.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: Swift.min(count, source.count)) }
        }
    }

    deinit {
        budget?.releaseBytes(Swift.max(count, 1) * MemoryLayout<Float>.stride)
        if let pool { pool.recycle(pointer, Swift.max(count, 1)) } else { AlignedFloats.deallocate(pointer, count: Swift.max(count, 1)) }
    }

    /// The element at offset `offset`, as a pointer.
    @inline(__always)
    func at(_ offset: Int) -> UnsafeMutablePointer<Float> { pointer + offset }

    /// A new tensor of `shape` holding `count` elements starting at `offset`.
    func tensor(_ shape: [Int], from offset: Int = 0) throws -> Tensor {
        let n = shape.reduce(1) { $0 &* Swift.max($1, 0) }
        precondition(offset >= 0 && offset + n <= count, "FloatBuffer.tensor reads past the buffer")
        return try Tensor(shape: shape, copying: pointer + offset)
    }

    /// Sets each of `rows` rows of width `bias.count` (from `offset`) to `bias`, plus
    /// `extra` when given (two bias vectors summed).
    func fillRows(_ rows: Int, with bias: FloatBuffer, plus extra: FloatBuffer? = nil, from offset: Int = 0) {
        let n = bias.count
        for r in 0..<rows {
            let row = pointer + offset + r * n
            if let extra {
                for j in 0..<n { row[j] = bias.pointer[j] + extra.pointer[j] }
            } else {
                row.update(from: bias.pointer, count: n)
            }
        }
    }

    /// The sums of the columns of the first `rows` rows of width `columns`.
    func columnSums(rows: Int, columns: Int) -> FloatBuffer {
        let sums = FloatBuffer(zeros: columns)
        let (total, source) = (sums.pointer, pointer)
        let w = LaneMath.width
        let full = columns / w * w
        for r in 0..<rows {
            let row = source + r * columns
            for j in stride(from: 0, to: full, by: w) { LaneMath.store(LaneMath.load(total + j) + LaneMath.load(row + j), total + j) }
            for j in full..<columns { total[j] += row[j] }
        }
        return sums
    }

    /// Writes the transpose of the first `rows`×`columns` elements (row-major) into
    /// `target`.
    func transpose(rows: Int, columns: Int, into target: FloatBuffer) {
        precondition(rows * columns <= Swift.min(count, target.count), "FloatBuffer.transpose past the buffer")
        Tensor.transposeMatrices(pointer, target.pointer, rows: rows, cols: columns, count: 1)
    }
}
