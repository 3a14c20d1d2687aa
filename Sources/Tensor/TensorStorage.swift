/// The elements of one or more tensors: a fixed-size, manually allocated Float buffer.
///
/// Views made by `reshape`, `view`, `flatten`, `squeeze`, `unsqueeze` and `detach` share
/// their source's storage, as in PyTorch, so writing through one shows in the other.
/// The buffer is freed, and its elements returned to its budget, when the last tensor
/// using it goes away.
final class TensorStorage {
    /// The first element.
    let pointer: UnsafeMutablePointer<Float>
    /// The number of elements.
    let count: Int
    /// How many times the elements were written in place (PyTorch's version counter):
    /// autograd records it for the tensors an operation read, and `backward` refuses to use
    /// a tensor that changed since.
    var version = 0
    /// The budget the elements count against, if one was current at allocation.
    private let budget: TensorBudget?

    /// Allocates `count` uninitialized elements, checking the current budget.
    init(uninitialized count: Int, shape: [Int], op: String) throws {
        let budget = TensorBudget.current
        if let budget {
            try budget.reserve(count, shape: shape, op: op)
        } else {
            try TensorBudget.checkSize(count, shape: shape, limit: TensorBudget.defaultMaxElements, op: op)
        }
        // A tensor the system has no memory for (a grading worker's limit, a full machine)
        // is an error the notebook sees, as PyTorch's "can't allocate memory" is.
        guard let pointer = AlignedFloats.allocateIfPossible(count) else {
            budget?.release(count)
            throw TensorError(
                "\(op): out of memory: the system refused the \(Swift.max(count, 1) * MemoryLayout<Float>.stride) bytes "
                    + "of a tensor of shape \(describeShape(shape))")
        }
        self.budget = budget
        self.count = count
        self.pointer = pointer
    }

    /// Allocates `count` elements, all set to `value`.
    convenience init(repeating value: Float, count: Int, shape: [Int], op: String) throws {
        try self.init(uninitialized: count, shape: shape, op: op)
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        AlignedFloats.deallocate(pointer, count: count)
        budget?.release(count)
    }
}
