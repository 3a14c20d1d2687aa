/// A recorded operation as user code sees it: PyTorch's `grad_fn` node, with its name and
/// the nodes its gradient goes on to (`next_functions`).
///
/// The handle keeps its node (and so the graph below it) alive, as a Python reference to a
/// `grad_fn` does. One handle is shared by every lookup of the same node while any of them
/// lives, so `y.grad_fn is y.grad_fn` holds as in PyTorch.
public final class GradFunction {
    /// The node (nil only while the handle is being torn down).
    private var node: GradNode?

    private init(_ node: GradNode) {
        self.node = node
    }

    /// The handle of `node`: the one already handed out, or a new one.
    static func of(_ node: GradNode) -> GradFunction {
        if let handle = node.handle { return handle }
        let handle = GradFunction(node)
        node.handle = handle
        return handle
    }

    /// PyTorch's name for the node (`PowBackward0`), as `type(y.grad_fn).__name__` and
    /// `y.grad_fn.name()` show it.
    public var name: String { node?.name ?? "" }

    /// Where the node's gradient goes, one edge per input PyTorch counts, in input order:
    /// the node that made the input, the leaf's gradient accumulator (a leaf that requires
    /// grad), or nothing (an input that needs no gradient).
    public var nextFunctions: [GradEdge] {
        guard let node else { return [] }
        let skipped = node.label?.numberOperand
        return (0..<node.inputCount).compactMap { i in
            if i == skipped { return nil }
            if let maker = node.inputNode(i) { return .function(GradFunction.of(maker)) }
            guard let input = node.input(i), input.requiresGrad else { return GradEdge.none }
            return .accumulate(input)
        }
    }

    deinit {
        // As a tensor's deinit does: a node that dies with its last handle frees its graph
        // iteratively, not by nested deinits that could overflow the stack.
        guard var last = node else { return }
        node = nil
        if isKnownUniquelyReferenced(&last) { Tensor.releaseGraph(last) }
    }
}

/// One of a `GradFunction`'s `next_functions`: where the gradient of one input goes.
public enum GradEdge {
    /// The node that made the input.
    case function(GradFunction)
    /// A leaf that requires grad: PyTorch's `AccumulateGrad` node, whose `variable` is it.
    case accumulate(Tensor)
    /// An input that needs no gradient (PyTorch's `None`).
    case none
}

/// PyTorch's name for a node where it differs from the name of the operation recorded,
/// and which operand PyTorch does not count as an input (a Python number it took as a
/// scalar: `x ** 2` has one input in PyTorch, the exponent is part of `PowBackward0`).
final class NodeLabel {
    let name: String
    let numberOperand: Int?

    init(name: String, numberOperand: Int?) {
        self.name = name
        self.numberOperand = numberOperand
    }
}

extension Tensor {
    /// The node that made this tensor, as user code holds it; nil for a leaf.
    public var gradFunction: GradFunction? { gradFn.map(GradFunction.of) }

    /// This tensor, with the node that made it named `name` as PyTorch names the operation
    /// the caller performed (the engine records `x ** 2` as its general power, PyTorch as
    /// `PowBackward0`; `x[0]` as an index, PyTorch as `SelectBackward0`). `numberOperand`
    /// is the operand that stood for a Python number, which PyTorch does not list among
    /// the node's `next_functions`.
    ///
    /// Only a node made for this result is renamed: when the operation handed back one of
    /// `inputs` itself (or a tensor sharing its node), or recorded nothing, it is left as
    /// it is. Names only: the gradient is unchanged.
    public func labelled(_ name: String, numberOperand: Int? = nil, inputs: [Tensor]) -> Tensor {
        guard let node = gradFn, !inputs.contains(where: { $0.gradFn === node }) else { return self }
        node.label = NodeLabel(name: name, numberOperand: numberOperand)
        return self
    }
}
