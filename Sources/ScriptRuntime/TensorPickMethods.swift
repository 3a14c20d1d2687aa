import Tensor

/// `contiguous`, `unbind`, `select`, `narrow`, `index_select` and the products of fixed
/// rank `mm`, `bmm`, `mv`, `dot`, with PyTorch's checks, messages and node names
/// (`torch.mm(a, b)` and the other functions call these methods).
extension TensorObject {
    /// The method names this file adds.
    static let pickMethodNames = ["contiguous", "unbind", "select", "narrow", "index_select", "mm", "bmm", "mv", "dot"]

    /// The methods above; nil for any other name.
    func pickMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "contiguous":
            _ = try bind(name, arguments)
            // rnnbook's tensors are contiguous; one that stands for a PyTorch view (`x.t()`)
            // is copied, as PyTorch copies a view that is not contiguous.
            guard copiedFrom != nil else { return .native(self) }
            return try context.perform { wrap(try tensor.clone()) }
        case "unbind":
            let dim = try dimension(try bind(name, arguments, ["dim"]).int("dim", 0))
            let leading = [TensorIndex](repeating: .all, count: dim)
            return try context.perform {
                .tuple(try (0..<tensor.shape[dim]).map { i in
                    wrapViewCopy(try tensor.index(leading + [.at(i)]).labelled("UnbindBackward0", inputs: [tensor]))
                })
            }
        case "select":
            let a = try bind(name, arguments, ["dim", "index"], required: 2)
            let (dim, i) = (try dimension(try a.int("dim", 0)), try a.int("index", 0))
            let size = tensor.shape[dim]
            guard i >= -size && i < size else {
                throw RuntimeError.index("select(): index \(i) out of range for tensor of size \(tensor.shape) at dimension \(dim)")
            }
            let picked = [TensorIndex](repeating: .all, count: dim) + [.at(i)]
            return try context.perform { wrapViewCopy(try tensor.index(picked).labelled("SelectBackward0", inputs: [tensor])) }
        case "narrow":
            let a = try bind(name, arguments, ["dim", "start", "length"], required: 3)
            let dim = try dimension(try a.int("dim", 0))
            let size = tensor.shape[dim]
            var (start, length) = (try a.int("start", 0), try a.int("length", 0))
            guard start >= -size && start <= size else {
                throw RuntimeError.index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
            }
            if start < 0 { start += size }
            guard length >= 0, start <= size - length else {
                throw RuntimeError(length < 0 ? "narrow(): length must be non-negative."
                                   : "start (\(start)) + length (\(length)) exceeds dimension size (\(size)).", id: "tensor-error")
            }
            let picked = [TensorIndex](repeating: .all, count: dim) + [.slice(start: start, stop: start + length, step: 1)]
            return try context.perform { wrapViewCopy(tensor.view(try tensor.index(picked), named: "SliceBackward0")) }
        case "index_select":
            let a = try bind(name, arguments, ["dim", "index"], required: 2)
            let dim = try dimension(try a.int("dim", 0))
            let index = try context.tensor(a.value("index"), "index_select() argument 'index'")
            guard index.dtype == .int64 else { throw RuntimeError("index_select(): Expected dtype int32 or int64 for index", id: "tensor-error") }
            guard index.ndim <= 1 else { throw RuntimeError.index("index_select(): Index is supposed to be a vector") }
            return try context.perform {
                let positions = index.ndim == 0 ? try index.reshape([1]) : index
                let picked = [TensorIndex](repeating: .all, count: dim) + [.tensor(positions)]
                return wrap(try tensor.index(picked).labelled("IndexSelectBackward0", inputs: [tensor]))
            }
        case "mm", "bmm", "mv", "dot":
            let parameter = ["mm": "mat2", "bmm": "mat2", "mv": "vec", "dot": "tensor"][name] ?? "other"
            let other = try context.tensor(try bind(name, arguments, [parameter], required: 1).value(parameter), "\(name)() argument '\(parameter)'")
            try TensorObject.checkProduct(name, tensor, other)
            let node = ["mm": "MmBackward0", "bmm": "BmmBackward0", "mv": "MvBackward0", "dot": "DotBackward0"][name] ?? ""
            return try context.perform { wrap(try tensor.matmul(other).labelled(node, inputs: [tensor, other])) }
        default:
            return nil
        }
    }

    /// `dim` counted from the front, or PyTorch's IndexError.
    private func dimension(_ dim: Int) throws -> Int {
        let rank = Swift.max(tensor.ndim, 1)
        guard dim >= -rank && dim < rank, tensor.ndim > 0 else {
            throw RuntimeError.index("Dimension out of range (expected to be in range of [\(-rank), \(rank - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + rank : dim
    }

    /// PyTorch's checks of `mm`, `bmm`, `mv` and `dot`, which take only their own ranks.
    static func checkProduct(_ name: String, _ a: Tensor, _ b: Tensor) throws {
        func fail(_ message: String) -> RuntimeError { RuntimeError(message, id: "tensor-error") }
        let (p, q) = (a.shape, b.shape)
        switch name {
        case "mm":
            guard a.ndim == 2 else { throw fail("mm: self must be a matrix, got \(a.ndim)-D tensor") }
            guard b.ndim == 2 else { throw fail("mm: mat2 must be a matrix, got \(b.ndim)-D tensor") }
            guard p[1] == q[0] else { throw fail("mm: mat1 and mat2 shapes cannot be multiplied (\(p[0])x\(p[1]) and \(q[0])x\(q[1]))") }
        case "bmm":
            guard a.ndim == 3 else { throw fail("batch1 must be a 3D tensor") }
            guard b.ndim == 3 else { throw fail("batch2 must be a 3D tensor") }
            guard q[0] == p[0], q[1] == p[2] else {
                throw fail("Expected size for first two dimensions of batch2 tensor to be: [\(p[0]), \(p[2])] but got: [\(q[0]), \(q[1])].")
            }
        case "mv":
            guard a.ndim == 2, b.ndim == 1 else { throw fail("vector + matrix @ vector expected, got 1, \(a.ndim), \(b.ndim)") }
            guard p[1] == q[0] else { throw fail("size mismatch, got input (\(p[0])), mat (\(p[0])x\(p[1])), vec (\(q[0]))") }
        default:
            guard a.ndim == 1, b.ndim == 1 else { throw fail("1D tensors expected, but got \(a.ndim)D and \(b.ndim)D tensors") }
            guard p[0] == q[0] else {
                throw fail("inconsistent tensor size, expected tensor [\(p[0])] and src [\(q[0])] to have the same number of elements, "
                           + "but got \(p[0]) and \(q[0]) elements respectively")
            }
        }
    }
}
