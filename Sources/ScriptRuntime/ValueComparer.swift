import Tensor

/// Tells whether a value still equals its copy in a session snapshot: same structure, same
/// numbers and strings, tensors with the same elements bit for bit. Grading uses it to find
/// the instructor's objects that a student's block changed in place.
///
/// It answers "equal" only when it is sure: a native object it does not know (an optimizer,
/// a data loader) or a structure nested deeper than `maximumDepth` counts as changed.
final class ValueComparer {
    /// Pairs being compared further up: a value that refers back to itself is equal there.
    private var visiting = Set<Pair>()
    private var depth = 0
    static let maximumDepth = 800

    private struct Pair: Hashable {
        let a: ObjectIdentifier
        let b: ObjectIdentifier
    }

    /// Whether `a` (now) equals `b` (its snapshot copy).
    func equal(_ a: Value?, _ b: Value?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return equal(a, b)
        default: return false
        }
    }

    func equal(_ a: Value, _ b: Value) -> Bool {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return false }
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x == y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.tuple(let x), .tuple(let y)): return all(x, y)
        case (.list(let x), .list(let y)):
            return x === y || visit(x, y) { all(x.items, y.items) }
        case (.dict(let x), .dict(let y)):
            return x === y || visit(x, y) { all(x.keys, y.keys) && all(x.values, y.values) }
        case (.function(let x), .function(let y)):
            return x === y || visit(x, y) {
                x.code === y.code && x.defaults.count == y.defaults.count
                    && zip(x.defaults, y.defaults).allSatisfy { equal($0, $1) }
                    && x.freeCells.count == y.freeCells.count
                    && zip(x.freeCells, y.freeCells).allSatisfy { equal($0.value, $1.value) }
            }
        case (.native(let x), .native(let y)):
            return x === y || visit(x, y) { equal(native: x, y) }
        default:
            return false
        }
    }

    private func all(_ x: [Value], _ y: [Value]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    }

    /// Runs `body` for a pair of objects, counting the pair as equal while inside it.
    private func visit(_ a: AnyObject, _ b: AnyObject, _ body: () -> Bool) -> Bool {
        let pair = Pair(a: ObjectIdentifier(a), b: ObjectIdentifier(b))
        guard visiting.insert(pair).inserted else { return true }
        defer { visiting.remove(pair) }
        return body()
    }

    private func equal(native a: any NativeObject, _ b: any NativeObject) -> Bool {
        if let x = a as? TensorObject, let y = b as? TensorObject {
            return x.isParameter == y.isParameter && x.isNumpyArray == y.isNumpyArray && equal(tensor: x.tensor, y.tensor)
        }
        if let x = a as? ClassObject, let y = b as? ClassObject {
            return x.name == y.name && x.moduleName == y.moduleName
        }
        if let x = a as? InstanceObject, let y = b as? InstanceObject {
            guard equal(.native(x.cls), .native(y.cls)) else { return false }
            let (ex, ey) = (x.ownEntries, y.ownEntries)
            guard ex.count == ey.count, zip(ex, ey).allSatisfy({ $0.0 == $1.0 && equal($0.1, $1.1) }) else { return false }
            if let mx = x as? any TorchModule, let my = y as? any TorchModule { return equal(module: mx, my) }
            return true
        }
        if let x = a as? any TorchModule, let y = b as? any TorchModule {
            return type(of: x) == type(of: y) && equal(module: x, y)
        }
        return false
    }

    private func equal(module a: any TorchModule, _ b: any TorchModule) -> Bool {
        let (pa, pb) = (a.ownParameters(), b.ownParameters())
        let (ca, cb) = (a.ownChildren(), b.ownChildren())
        let (ba, bb) = (a.ownBuffers(), b.ownBuffers())
        return a.training == b.training
            && ba.count == bb.count && zip(ba, bb).allSatisfy { x, y in
                guard x.name == y.name, x.persistent == y.persistent else { return false }
                switch (x.tensor, y.tensor) {
                case (nil, nil): return true
                case (let p?, let q?): return equal(tensor: p, q)
                default: return false
                }
            }
            && pa.count == pb.count && zip(pa, pb).allSatisfy { $0.name == $1.name && equal(tensor: $0.tensor, $1.tensor) }
            && ca.count == cb.count && zip(ca, cb).allSatisfy { $0.name == $1.name && equal(.native($0.module), .native($1.module)) }
    }

    private func equal(tensor a: Tensor, _ b: Tensor) -> Bool {
        if a === b { return true }
        guard a.shape == b.shape, a.dtype == b.dtype, a.requiresGrad == b.requiresGrad else { return false }
        let same = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
            }
        }
        guard same else { return false }
        switch (a.grad, b.grad) {
        case (nil, nil): return true
        case (let x?, let y?): return equal(tensor: x, y)
        default: return false
        }
    }
}

