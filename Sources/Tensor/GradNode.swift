/// An operation recorded for autograd: what it was, the tensors it read, and the history
/// each of them had then.
///
/// A result tensor that requires grad holds its node in `gradFn`; the node holds the
/// inputs, so the graph stays alive as long as the result does. Like PyTorch's edges, the
/// node keeps each input's `gradFn` as it was when the operation ran (`inputNode`), so a
/// later in-place assignment that gives the input a new history (`x[i] = v`) does not
/// change what this operation is differentiated through. The first two inputs are stored
/// inline (no array allocation for unary and binary ops, the common case). The gradient
/// rules for each `Op` live in `GradientRules.swift`.
final class GradNode {
    /// The operation and whatever it saved for the backward pass.
    let op: Op
    private var first: Tensor?
    private var second: Tensor?
    private var rest: [Tensor]
    /// The inputs' histories when the operation ran (nil for a leaf).
    private var firstNode: GradNode?
    private var secondNode: GradNode?
    private var restNodes: [GradNode?]
    /// The number of operands.
    let inputCount: Int
    /// Whether a `backward` without `retainGraph` went through this node: as in PyTorch,
    /// a node whose gradient needs saved values may not be differentiated through again.
    var released = false
    /// PyTorch's name for the node where it differs from the operation's, and the operand
    /// PyTorch does not count as an input (see `Tensor.labelled`); nil for most nodes.
    var label: NodeLabel?
    /// The handle user code holds for this node, while it holds one (`y.grad_fn is y.grad_fn`).
    weak var handle: GradFunction?
    /// The storage versions of the operands and of the tensor the operation saved, when
    /// it was recorded; `changedInput` compares them with the current ones.
    private let firstVersion: Int
    private let secondVersion: Int
    private let restVersions: [Int]
    private let savedVersion: Int

    init(op: Op, _ a: Tensor, _ b: Tensor? = nil) {
        self.op = op
        first = a
        second = b
        rest = []
        firstNode = a.gradFn
        secondNode = b?.gradFn
        restNodes = []
        inputCount = b == nil ? 1 : 2
        firstVersion = a.version
        secondVersion = b?.version ?? 0
        restVersions = []
        savedVersion = op.savedOutput?.version ?? 0
    }

    init(op: Op, inputs: [Tensor]) {
        self.op = op
        first = inputs.first
        second = inputs.count > 1 ? inputs[1] : nil
        rest = inputs.count > 2 ? Array(inputs[2...]) : []
        firstNode = inputs.first?.gradFn
        secondNode = inputs.count > 1 ? inputs[1].gradFn : nil
        restNodes = inputs.count > 2 ? inputs[2...].map(\.gradFn) : []
        inputCount = inputs.count
        firstVersion = inputs.first?.version ?? 0
        secondVersion = inputs.count > 1 ? inputs[1].version : 0
        restVersions = inputs.count > 2 ? inputs[2...].map(\.version) : []
        savedVersion = op.savedOutput?.version ?? 0
    }

    /// A tensor this operation read (an operand, or the output it saved) that was written
    /// in place after it was recorded: its gradient would come from the wrong values.
    /// Returns the operand's index, or -1 for the saved output; nil when none changed.
    func changedInput() -> Int? {
        if let a = first, a.version != firstVersion { return 0 }
        if let b = second, b.version != secondVersion { return 1 }
        for (i, t) in rest.enumerated() where t.version != restVersions[i] { return i + 2 }
        if let saved = op.savedOutput, saved.version != savedVersion { return -1 }
        return nil
    }

    /// The history operand `i` had when the operation ran; nil for a leaf.
    @inline(__always)
    func inputNode(_ i: Int) -> GradNode? {
        switch i {
        case 0: firstNode
        case 1: secondNode
        default: i - 2 < restNodes.count ? restNodes[i - 2] : nil
        }
    }

    /// Operand `i` (nil only after `popInput`).
    @inline(__always)
    func input(_ i: Int) -> Tensor? {
        switch i {
        case 0: first
        case 1: second
        default: i - 2 < rest.count ? rest[i - 2] : nil
        }
    }

    /// PyTorch's name for the node, as shown in `grad_fn=<…>`.
    var name: String { label?.name ?? op.name }

    /// The operands, in the order the gradient rule returns their gradients.
    var inputs: [Tensor] {
        (0..<inputCount).compactMap(input)
    }

    /// Removes and returns the last operand still held and the history it had (for
    /// tearing down a graph); nil when none is left.
    func popInput() -> (tensor: Tensor, node: GradNode?)? {
        if let last = rest.popLast() { return (last, restNodes.popLast() ?? nil) }
        if let b = second {
            defer { second = nil; secondNode = nil }
            return (b, secondNode)
        }
        guard let a = first else { return nil }
        defer { first = nil; firstNode = nil }
        return (a, firstNode)
    }
}

/// A user-supplied backward rule: given the gradient of the output, the gradients of the
/// inputs (nil where an input gets none), each of its input's shape.
public typealias BackwardRule = (_ gradOutput: Tensor) throws -> [Tensor?]

/// The differentiable operations and what each saves for its gradient.
///
/// Saved tensors are detached aliases (no `gradFn`), so a node never keeps its own output
/// alive through a cycle.
enum Op {
    case add, sub, mul, div, pow
    case neg, abs, relu
    case exp(output: Tensor)
    case log, sqrt(output: Tensor)
    case tanh(output: Tensor)
    case sigmoid(output: Tensor)
    case clamp(low: Float?, high: Float?)
    /// `whole`: called without `dim` (PyTorch names that node `SumBackward0`, one with `dim`
    /// `SumBackward1`; the same for `mean`).
    case sum(dims: [Int], keepdim: Bool, whole: Bool)
    case mean(dims: [Int], keepdim: Bool, whole: Bool)
    case maxAlong(dim: Int, keepdim: Bool, indices: Tensor)
    case selectFlat(index: Int)
    case reshape
    case transpose(Int, Int)
    case expand
    case matmul
    case softmax(dim: Int, output: Tensor)
    case logSoftmax(dim: Int, output: Tensor)
    case index(IndexPlan)
    case indexPut(IndexPlan)
    case cat(dim: Int)
    case whereSelect(condition: Tensor)
    case identity
    /// A fused kernel's node: its rule, the output it reads in place (for the in-place
    /// check), and what frees its saved values once a backward without `retainGraph` ran.
    case custom(name: String, backward: BackwardRule, saved: Tensor?, release: (() -> Void)?)

    /// Whether the gradient rule reads saved values (operands or output), so that PyTorch
    /// frees them after `backward` and refuses a second pass; sums, reshapes, indexing and
    /// joins need only shapes.
    var needsSavedValues: Bool {
        switch self {
        case .add, .sub, .neg, .sum, .mean, .reshape, .transpose, .expand, .index, .indexPut, .cat, .identity:
            false
        default:
            true
        }
    }

    /// The output the gradient rule reads, when it saved one (it shares the result's storage).
    var savedOutput: Tensor? {
        switch self {
        case .exp(let y), .sqrt(let y), .tanh(let y), .sigmoid(let y): y
        case .softmax(_, let y), .logSoftmax(_, let y): y
        case .custom(_, _, let y, _): y
        default: nil
        }
    }

    /// PyTorch's name for the node, as shown in `grad_fn=<…>`.
    var name: String {
        switch self {
        case .add: "AddBackward0"
        case .sub: "SubBackward0"
        case .mul: "MulBackward0"
        case .div: "DivBackward0"
        case .pow: "PowBackward1"
        case .neg: "NegBackward0"
        case .abs: "AbsBackward0"
        case .relu: "ReluBackward0"
        case .exp: "ExpBackward0"
        case .log: "LogBackward0"
        case .sqrt: "SqrtBackward0"
        case .tanh: "TanhBackward0"
        case .sigmoid: "SigmoidBackward0"
        case .clamp: "ClampBackward1"
        case .sum(_, _, let whole): whole ? "SumBackward0" : "SumBackward1"
        case .mean(_, _, let whole): whole ? "MeanBackward0" : "MeanBackward1"
        case .maxAlong: "MaxBackward0"
        case .selectFlat: "MaxBackward1"
        case .reshape: "ViewBackward0"
        case .transpose: "TransposeBackward0"
        case .expand: "ExpandBackward0"
        case .matmul: "MmBackward0"
        case .softmax: "SoftmaxBackward0"
        case .logSoftmax: "LogSoftmaxBackward0"
        case .index: "IndexBackward0"
        case .indexPut: "IndexPutBackward0"
        case .cat: "CatBackward0"
        case .whereSelect: "WhereBackward0"
        case .identity: "CloneBackward0"
        case .custom(let name, _, _, _): name
        }
    }
}

extension Tensor {
    /// Whether an operation on `inputs` must be recorded: recording is on and one of them
    /// requires grad.
    @inline(__always)
    static func needsGraph(_ a: Tensor, _ b: Tensor? = nil) -> Bool {
        guard a.requiresGrad || (b?.requiresGrad ?? false) else { return false }
        return GradMode.isEnabled
    }

    /// Records `op` as the maker of `result` when one of `inputs` requires grad and
    /// recording is on; returns `result`.
    static func record(_ result: Tensor, _ op: @autoclosure () -> Op, _ inputs: [Tensor]) -> Tensor {
        guard inputs.contains(where: { $0.requiresGrad }), GradMode.isEnabled else { return result }
        return attach(result, op(), inputs)
    }

    /// Marks `result` as made by `op` from `inputs` (the caller checked `needsGraph`).
    static func attach(_ result: Tensor, _ op: Op, _ inputs: [Tensor]) -> Tensor {
        result.requiresGrad = true
        result.gradFn = GradNode(op: op, inputs: inputs)
        return result
    }

    /// Marks `result` as made by `op` from `a` (and `b`); the caller checked `needsGraph`.
    @inline(__always)
    static func attach(_ result: Tensor, _ op: Op, _ a: Tensor, _ b: Tensor? = nil) -> Tensor {
        result.requiresGrad = true
        result.gradFn = GradNode(op: op, a, b)
        return result
    }

    /// A detached alias of this tensor's storage, for saving in an `Op`.
    var saved: Tensor { Tensor(storage: storage, shape: shape, dtype: dtype) }

    /// Frees a graph without recursion: a chain of 100k recorded operations would otherwise
    /// be torn down by 100k nested deinits and overflow the stack. Inputs that die here have
    /// their nodes drained by this loop instead of by their own deinit.
    static func releaseGraph(_ root: GradNode) {
        var current: GradNode? = root
        var pending: [GradNode] = []
        while let node = current ?? pending.popLast() {
            current = nil
            while var edge = node.popInput() {
                // An input that dies here gives up its own history (usually the recorded one).
                var own: GradNode?
                if isKnownUniquelyReferenced(&edge.tensor) {
                    own = edge.tensor.gradFn
                    edge.tensor.gradFn = nil
                }
                if own === edge.node { own = nil }
                if isKnownUniquelyReferenced(&edge.node), let next = edge.node {
                    edge.node = nil
                    pending.append(next)
                }
                if isKnownUniquelyReferenced(&own), let next = own {
                    own = nil
                    pending.append(next)
                }
            }
        }
    }
}
