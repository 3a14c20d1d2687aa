import Neural
import ScriptSyntax
import Tensor

/// PyTorch's names for the `grad_fn` nodes of operations that the engine records under a
/// more general name: PyTorch names a node by the overload the call chose (`x ** 2` is
/// `PowBackward0`, `x ** t` `PowBackward1`, `2 ** x` `PowBackward2`) or by the view it
/// made (`x[0]` is `SelectBackward0`, `x[1:]` `SliceBackward0`), where the engine has one
/// power and one indexing operation. Checked against PyTorch 2.15 (docs/conformance.md).
/// Names only: the values and gradients are the engine's.
enum NodeNames {
    /// The node of `a op b` where one side is a Python number (`reflected`: the number is
    /// on the left), when PyTorch names it apart from the tensor-tensor operation; with the
    /// operand that is the number, which PyTorch keeps out of `next_functions`.
    static func numberOperand(_ op: BinaryOperator, reflected: Bool) -> (name: String, operand: Int)? {
        switch (op, reflected) {
        case (.power, false): ("PowBackward0", 1)
        case (.power, true): ("PowBackward2", 0)
        case (.subtract, true): ("RsubBackward1", 0)
        case (.modulo, false): ("RemainderBackward0", 1)
        case (.floorDivide, false): ("NotImplemented", 1)
        default: nil
        }
    }

    /// The node of `x[index]` (the index's components, `single` when it was not a tuple),
    /// by PyTorch's rule: any tensor index gives `IndexBackward0`; otherwise the name of the
    /// last view applied, component by component: an int `SelectBackward0`, a slice
    /// `SliceBackward0`, `None` `UnsqueezeBackward0`. In a tuple, a slice that keeps a whole
    /// dimension (start 0, stop at or past the end, step 1) is skipped, and when every
    /// component was skipped the result is an alias (`AliasBackward0`: `x[...]`, `x[:, :]`);
    /// a lone slice is always applied (`x[:]` is `SliceBackward0`).
    static func index(_ indices: [TensorIndex], single: Bool, shape: [Int]) -> String {
        var name = "AliasBackward0"
        let consumed = indices.reduce(0) { $0 + consumedDimensions($1) }
        var dim = 0
        for component in indices {
            switch component {
            case .tensor(let t):
                guard t.shape.isEmpty, t.dtype != .bool else { return "IndexBackward0" }
                name = "SelectBackward0"
            case .at:
                name = "SelectBackward0"
            case .newAxis:
                name = "UnsqueezeBackward0"
            case .ellipsis:
                dim += max(shape.count - consumed, 0)
            case .all:
                if single { name = "SliceBackward0" }
            case .slice(let start, let stop, let step):
                let size = dim < shape.count ? shape[dim] : 0
                let whole = (start ?? 0) == 0 && (stop ?? Int.max) >= size && (step ?? 1) == 1
                if single || !whole { name = "SliceBackward0" }
            }
            dim += consumedDimensions(component)
        }
        return name
    }

    /// The dimensions of the indexed tensor that one component uses up.
    private static func consumedDimensions(_ component: TensorIndex) -> Int {
        switch component {
        case .at, .slice, .all: 1
        case .newAxis, .ellipsis: 0
        case .tensor(let t): t.dtype == .bool ? t.shape.count : 1
        }
    }

    /// The node of `a @ b` by the operands' ranks, as `torch.matmul` picks its kernel: a dot
    /// product, a matrix-vector product, `mm`, or a batched product folded into `mm`/`bmm`
    /// and viewed back (`UnsafeViewBackward0`); nil for two matrices (`MmBackward0`, the
    /// engine's own name).
    static func matmul(_ a: Int, _ b: Int) -> String? {
        switch (a, b) {
        case (1, 1): "DotBackward0"
        case (2, 1): "MvBackward0"
        case (1, 2): "SqueezeBackward4"
        case (2, 2): nil
        case (2, _): "CloneBackward0"
        default: "UnsafeViewBackward0"
        }
    }

    /// `a @ b`, its node named by `matmul(_:_:)`.
    static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let result = try a.matmul(b)
        guard let name = matmul(a.ndim, b.ndim) else { return result }
        return result.labelled(name, inputs: [a, b])
    }

    /// The nodes of `nn.RNN`/`GRU`/`LSTM`'s results in PyTorch on the CPU: the output is
    /// stacked from the steps (an LSTM's comes from the oneDNN layer), transposed back for
    /// `batch_first`, squeezed for an unbatched sequence; `h_n` and `c_n` are stacked from
    /// the layers.
    static func recurrentStack(lstm: Bool, batchFirst: Bool, unbatched: Bool) -> (output: String, state: String) {
        if unbatched { return ("SqueezeBackward1", "SqueezeBackward1") }
        return (batchFirst ? "TransposeBackward1" : lstm ? "MkldnnRnnLayerBackward0" : "StackBackward0", "StackBackward0")
    }

    /// The nodes of a cell's results in PyTorch: the last operation of its step (`tanh` or
    /// `relu` for `RNNCell`, the sum `(1 - z) n + z h` for `GRUCell`, `o · tanh(c)` and
    /// `f c + i g` for `LSTMCell`).
    static func recurrentCell(_ layer: any RecurrentLayer) -> (hidden: String, cell: String) {
        switch layer {
        case let rnn as RNN: (rnn.nonlinearity == .relu ? "ReluBackward0" : "TanhBackward0", "")
        case is LSTM: ("MulBackward0", "AddBackward0")
        default: ("AddBackward0", "")
        }
    }
}
