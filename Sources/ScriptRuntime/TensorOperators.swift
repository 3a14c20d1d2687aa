import ScriptSyntax
import Tensor

/// A native object that updates itself for `x op= y`, as PyTorch tensors do (`w -= lr * g`
/// under `no_grad` must change the parameter the optimizer and the model share).
protocol InPlaceOperand: NativeObject {
    /// `self op= other` in place; returns the value to bind, or nil to fall back to
    /// `self op other` bound to the name.
    func inPlace(_ op: BinaryOperator, _ other: Value) throws -> Value?
}

/// Operators on tensors: arithmetic with broadcasting against tensors and Python numbers on
/// either side, `@`, the bitwise operators (logical on bool tensors), comparisons giving
/// bool tensors, unary minus and `~`, and `op=` in place.
extension TensorObject: InPlaceOperand {
    /// `a op b` on engine tensors.
    static func apply(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        switch op {
        case .add: return try a.add(b)
        case .subtract: return try a.sub(b)
        case .multiply: return try a.mul(b)
        case .divide: return try a.div(b)
        case .floorDivide: return try a.floorDivide(b)
        case .modulo: return try a.remainder(b)
        case .power: return try a.pow(b)
        case .matmul: return try NodeNames.matmul(a, b)
        case .bitAnd: return try a.bitwiseAnd(b)
        case .bitOr: return try a.bitwiseOr(b)
        case .bitXor: return try a.bitwiseXor(b)
        case .leftShift: return try a.leftShift(b)
        case .rightShift: return try a.rightShift(b)
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        if let mixed = try mixedBinary(op, other, reflected: reflected) { return mixed }  // TensorNumpyOperators.swift
        let context = self.context
        guard let rhs = try context.operand(other) else { return nil }
        let number = other.tensorObject == nil  // a Python number, which PyTorch takes as a scalar
        if op == .matmul && rhs.ndim == 0 && number { return nil }
        return try context.perform {
            // PyTorch's `2 / x` is `x.reciprocal() * 2` (a MulBackward0 over a ReciprocalBackward0).
            if number && reflected && op == .divide && !isNumpyArray { return wrap(try tensor.apply(.reciprocal).mul(rhs)) }
            let (a, b) = reflected ? (rhs, tensor) : (tensor, rhs)
            let result = try TensorObject.apply(op, a, b)
            if number, let node = NodeNames.numberOperand(op, reflected: reflected) {
                return wrap(result.labelled(node.name, numberOperand: node.operand, inputs: [a, b]))
            }
            return wrap(result)
        }
    }

    func unary(_ op: UnaryOperator) throws -> Value? {
        switch op {
        case .negate: return try context.perform { wrap(try tensor.neg()) }
        case .plus: return .native(self)
        case .invert: return try context.perform { wrap(try tensor.bitwiseNot()) }
        case .not: return nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        if let mixed = try mixedCompare(op, other, reflected: reflected) { return mixed }
        let context = self.context
        guard let rhs = try context.operand(other) else { return nil }
        let (a, b) = reflected ? (rhs, tensor) : (tensor, rhs)
        return try context.perform {
            switch op {
            case .equal: return wrap(try a.eq(b))
            case .notEqual: return wrap(try a.ne(b))
            case .less: return wrap(try a.lt(b))
            case .lessEqual: return wrap(try a.le(b))
            case .greater: return wrap(try a.gt(b))
            case .greaterEqual: return wrap(try a.ge(b))
            default: return nil
            }
        }
    }

    /// `x op= y` writes into `x` when nothing is being recorded (under `no_grad`, or when
    /// neither side requires grad); while recording, a leaf that requires grad refuses as in
    /// PyTorch, and any other tensor gets the recorded out-of-place result.
    func inPlace(_ op: BinaryOperator, _ other: Value) throws -> Value? {
        let context = self.context
        // A tensor and a numpy array: Python's `x = x op y`, a new value (TensorNumpyOperators.swift).
        if let object = other.tensorObject, object.isNumpyArray != isNumpyArray { return nil }
        guard op != .matmul, let rhs = try context.operand(other) else { return nil }
        try checkWritable()
        if context.gradEnabled && (tensor.requiresGrad || rhs.requiresGrad) {
            if tensor.requiresGrad && tensor.isLeaf {
                throw RuntimeError("a leaf Variable that requires grad is being used in an in-place operation",
                                   id: "tensor-error")
            }
            return nil
        }
        try context.withGrad(false) {
            try context.perform {
                let result = try TensorObject.apply(op, tensor, rhs)
                guard result.shape == tensor.shape else {
                    throw TensorError("output with shape \(describeShape(tensor.shape)) doesn't match "
                                      + "the broadcast shape \(describeShape(result.shape))")
                }
                guard result.dtype <= tensor.dtype else {
                    throw TensorError("result type \(result.dtype) can't be cast to the desired output type \(tensor.dtype)")
                }
                _ = try tensor.copy_(result)
            }
        }
        return .native(self)
    }
}
