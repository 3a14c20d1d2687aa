import Foundation

/// Reverse-mode differentiation: `backward()` and the gradient bookkeeping.
extension Tensor {
    /// Computes the gradient of this tensor with respect to every leaf that requires grad
    /// and adds it to the leaf's `grad` (gradients accumulate until zeroed).
    ///
    /// `gradient` is d(objective)/d(self); it may be omitted for a one-element tensor (1).
    /// The graph is walked in reverse topological order, built without recursion, so
    /// chains of any length work. As in PyTorch, a second `backward` through an operation
    /// whose gradient needs saved values throws, unless the first one passed `retainGraph`.
    public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false) throws {
        guard requiresGrad else {
            throw TensorError("backward: element 0 of tensors does not require grad and does not have a grad_fn")
        }
        let seed: Tensor
        if let gradient {
            guard gradient.shape == shape else {
                throw TensorError(
                    "backward: gradient of shape \(describeShape(gradient.shape)) for a tensor of shape \(describeShape(shape))")
            }
            seed = gradient
        } else {
            guard count == 1 else {
                throw TensorError("backward: grad can be implicitly created only for scalar outputs, not \(describeShape(shape))")
            }
            seed = try Tensor.ones(shape)
        }
        guard let root = gradFn else {
            // A leaf: its gradient is the seed.
            grad = try grad.map { try $0.add(seed) } ?? seed.copied(shape: shape, dtype: .float32)
            return
        }
        try GradMode.withNoGrad {
            // Gradients waiting for each node (keyed by the node) and for each leaf.
            var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
            var leaves: [(tensor: Tensor, grad: Tensor)] = []
            var leafIndex: [ObjectIdentifier: Int] = [:]
            for node in Tensor.topologicalOrder(from: root).reversed() {
                guard let g = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                if node.released && node.op.needsSavedValues {
                    throw TensorError(
                        "backward: trying to backward through the graph a second time (its saved values were freed "
                            + "by the first backward()); call backward(retain_graph=True) the first time, or compute "
                            + "the loss again")
                }
                if !retainGraph { node.released = true }
                if node.op.needsSavedValues, node.changedInput() != nil {
                    throw TensorError(
                        "backward: a tensor that \(node.name) used was changed in place afterwards "
                            + "(by x[...] = … or an in-place method), so the gradient cannot be computed; "
                            + "collect the values in a list and stack() them, or clone() before writing")
                }
                let inputGrads = try GradientRules.inputGradients(node, g)
                if !retainGraph, case .custom(_, _, _, let release?) = node.op { release() }
                for (i, ig) in inputGrads.enumerated() {
                    guard let ig, let input = node.input(i), input.requiresGrad || node.inputNode(i) != nil else { continue }
                    guard ig.shape == input.shape else {
                        throw TensorError(
                            "backward: \(node.name) gave a gradient of shape \(describeShape(ig.shape)) "
                                + "for an input of shape \(describeShape(input.shape))")
                    }
                    if let next = node.inputNode(i) {
                        let key = ObjectIdentifier(next)
                        grads[key] = try grads[key].map { try $0.add(ig) } ?? ig
                    } else if let index = leafIndex[ObjectIdentifier(input)] {
                        leaves[index].grad = try leaves[index].grad.add(ig)
                    } else {
                        leafIndex[ObjectIdentifier(input)] = leaves.count
                        leaves.append((input, ig))
                    }
                }
            }
            for (leaf, g) in leaves {
                leaf.grad = try leaf.grad.map { try $0.add(g) } ?? g.copied(shape: leaf.shape, dtype: .float32)
            }
        }
    }

    /// The nodes `root` depends on, each after all the nodes it read, found by an
    /// explicit-stack depth-first search through the histories the nodes recorded.
    static func topologicalOrder(from root: GradNode) -> [GradNode] {
        var order: [GradNode] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack: [(node: GradNode, next: Int)] = [(root, 0)]
        while let top = stack.last {
            let node = top.node
            if top.next < node.inputCount {
                stack[stack.count - 1].next += 1
                if let input = node.inputNode(top.next), visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }

    /// Turns gradient tracking on or off for this leaf (PyTorch's `requires_grad_`);
    /// only float32 leaves can require grad. Returns `self`.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        guard gradFn == nil else {
            throw TensorError("requires_grad_: you can only change requires_grad flags of leaf variables")
        }
        guard !flag || dtype == .float32 else {
            throw TensorError("requires_grad_: only tensors of floating point dtype can require gradients")
        }
        requiresGrad = flag
        return self
    }

    /// The name of the operation that made this tensor, as PyTorch shows it (`AddBackward0`).
    public var gradFnName: String? { gradFn?.name }

    /// Records `output` as computed from `inputs` by a fused kernel with its own gradient
    /// rule (used by layers that compute forward and backward passes themselves).
    /// `backward` returns one gradient (or nil) per input, of that input's shape; it runs
    /// with recording off. Capture only detached tensors (`detach()`) in it: a captured
    /// tensor with a graph would keep that graph alive and could not be torn down iteratively.
    /// A rule that reads `output`'s own storage (rather than a copy) sets `savesOutput`: an
    /// in-place write to the output before `backward` is then refused, as PyTorch does.
    /// `release` is called after a `backward` without `retainGraph` went through the node
    /// (which may then never run again), to free what the rule kept, as PyTorch frees
    /// saved tensors.
    public static func custom(
        _ name: String, output: Tensor, inputs: [Tensor], savesOutput: Bool = false, release: (() -> Void)? = nil,
        backward: @escaping BackwardRule
    ) -> Tensor {
        record(output, .custom(name: name, backward: backward, saved: savesOutput ? output.saved : nil, release: release), inputs)
    }

    /// A tensor of `shape` whose elements are not set, for a fused kernel that writes every
    /// one of them (through `withUnsafeMutableBufferPointer`) before anyone reads it;
    /// checked against the current budget like any new tensor.
    public static func uninitialized(_ shape: [Int], op: String) throws -> Tensor {
        try Tensor(uninitialized: shape, op: op)
    }

    /// Scales the gradients of `parameters` in place so that their joint `normType`-norm
    /// (2 by default; `.infinity` for the largest |g|) is at most `maxNorm`; returns the norm
    /// before clipping (PyTorch's `clip_grad_norm_`, scale max_norm / (norm + 1e-6)).
    @discardableResult
    public static func clipGradNorm(_ parameters: [Tensor], maxNorm: Float, normType: Float = 2) throws -> Float {
        var total = 0.0
        for p in parameters {
            guard let g = p.grad else { continue }
            for i in 0..<g.count {
                let a = Swift.abs(Double(g.data[i]))
                if normType.isInfinite { total = Swift.max(total, a) } else { total += Foundation.pow(a, Double(normType)) }
            }
        }
        let norm = Float(normType.isInfinite ? total : Foundation.pow(total, 1 / Double(normType)))
        let scale = maxNorm / (norm + 1e-6)
        if scale < 1 || scale.isNaN {
            for p in parameters {
                guard let g = p.grad else { continue }
                for i in 0..<g.count { g.data[i] *= scale }
            }
        }
        return norm
    }
}
