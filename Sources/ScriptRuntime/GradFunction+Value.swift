import Tensor

/// `y.grad_fn` seen from `rnn` code, as PyTorch shows it: `type(y.grad_fn).__name__` and
/// `y.grad_fn.name()` are the node's name (`PowBackward0`), `y.grad_fn.next_functions` is
/// a tuple of `(node, 0)` pairs. PyTorch prints `<PowBackward0 object at 0x7f…>`; the
/// address would change from run to run, so it is left out: `<PowBackward0 object>`.
///
/// Not snapshot-copyable: the node holds the session's graph (its leaves are the
/// session's tensors, which a snapshot copies apart from it), so a session holding one
/// in a variable is replayed rather than snapshotted.
extension GradFunction: NativeObject {
    var typeName: String { name }
    func repr() -> String { "<\(name) object>" }
    var attributeNames: [String] { ["name", "next_functions"] }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        guard member == "next_functions" else { return nil }
        return .tuple(nextFunctions.map { edge in .tuple([GradFunction.value(edge), .int(0)]) })
    }

    func callMethod(_ member: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard member == "name" else { return nil }
        _ = try Signature("name").bind(arguments)
        // PyTorch's C++ nodes give their C++ names (`torch::autograd::NotImplemented`).
        return .str(name == "NotImplemented" ? "torch::autograd::NotImplemented" : name)
    }

    /// The language value of one of `next_functions`' nodes.
    static func value(_ edge: GradEdge) -> Value {
        switch edge {
        case .function(let function): .native(function)
        case .accumulate(let leaf): .native(AccumulateGradObject(leaf))
        case .none: .none
        }
    }
}

/// PyTorch's `AccumulateGrad` node, where the gradient of a leaf that requires grad ends:
/// `variable` is the leaf, `next_functions` is empty, and `name()` is PyTorch's C++ name
/// `torch::autograd::AccumulateGrad`.
final class AccumulateGradObject: NativeObject {
    /// The leaf.
    let leaf: Tensor

    init(_ leaf: Tensor) {
        self.leaf = leaf
    }

    var typeName: String { "AccumulateGrad" }
    func repr() -> String { "<AccumulateGrad object>" }
    var attributeNames: [String] { ["name", "next_functions", "variable"] }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "next_functions": .tuple([])
        case "variable": interpreter.tensors.wrap(leaf)
        default: nil
        }
    }

    func callMethod(_ member: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard member == "name" else { return nil }
        _ = try Signature("name").bind(arguments)
        return .str("torch::autograd::AccumulateGrad")
    }
}
