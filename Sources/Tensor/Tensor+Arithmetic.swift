/// Elementwise arithmetic with PyTorch's broadcasting and type promotion.
///
/// Results are float32 if either operand is, else int64 (bool arithmetic gives int64);
/// division always gives float32. A `Float` operand that is a whole number acts like a
/// Python int (it does not turn an int64 tensor into float32), any other like a float.
extension Tensor {
    /// `self + other`, broadcast.
    public func add(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            AddKernel.self, self, other, op: "add", symbol: "+", dtype: DType.promote(dtype, other.dtype))
        return Tensor.needsGraph(self, other) ? Tensor.attach(out, .add, self, other) : out
    }

    /// `self - other`, broadcast.
    public func sub(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            SubKernel.self, self, other, op: "sub", symbol: "-", dtype: DType.promote(dtype, other.dtype))
        return Tensor.needsGraph(self, other) ? Tensor.attach(out, .sub, self, other) : out
    }

    /// `self * other`, broadcast.
    public func mul(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            MulKernel.self, self, other, op: "mul", symbol: "*", dtype: DType.promote(dtype, other.dtype))
        return Tensor.needsGraph(self, other) ? Tensor.attach(out, .mul, self, other) : out
    }

    /// `self / other` (true division, always float32), broadcast.
    public func div(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(DivKernel.self, self, other, op: "div", symbol: "/", dtype: .float32)
        return Tensor.needsGraph(self, other) ? Tensor.attach(out, .div, self, other) : out
    }

    /// `self ** exponent`, broadcast.
    public func pow(_ exponent: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            PowKernel.self, self, exponent, op: "pow", symbol: "**", dtype: DType.promote(dtype, exponent.dtype))
        return Tensor.needsGraph(self, exponent) ? Tensor.attach(out, .pow, self, exponent) : out
    }

    /// `self ** exponent` for a number exponent.
    public func pow(_ exponent: Float) throws -> Tensor { try pow(Tensor.number(exponent)) }

    /// `self // other`: division rounded down. As in PyTorch, the result of an operand that
    /// requires grad is recorded, but its gradient is not implemented: `backward` through it
    /// is an error.
    public func floorDivide(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            FloorDivKernel.self, self, other, op: "floor_divide", symbol: "//", dtype: DType.promote(dtype, other.dtype))
        guard Tensor.needsGraph(self, other), out.dtype == .float32 else { return out }
        return Tensor.custom("NotImplemented", output: out, inputs: [self, other]) { _ in
            throw TensorError("backward: derivative for aten::floor_divide is not implemented")
        }
    }

    /// `self % other`: Python's remainder, with the sign of the divisor. Its gradient is
    /// PyTorch's: g for `self`, −g·⌊self / other⌋ for `other`.
    public func remainder(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            RemainderKernel.self, self, other, op: "remainder", symbol: "%", dtype: DType.promote(dtype, other.dtype))
        guard Tensor.needsGraph(self, other), out.dtype == .float32 else { return out }
        let (a, b, aShape, bShape) = (detach(), other.detach(), shape, other.shape)
        let wants = (requiresGrad, other.requiresGrad)
        return Tensor.custom("RemainderBackward0", output: out, inputs: [self, other]) { g in
            [wants.0 ? try g.sumTo(aShape) : nil, wants.1 ? try g.mul(a.floorDivide(b)).neg().sumTo(bShape) : nil]
        }
    }

    /// The elementwise larger of `self` and `other`; the gradient goes to the larger, and
    /// at a tie half to each, as in PyTorch.
    public func maximum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            MaximumKernel.self, self, other, op: "maximum", symbol: "and", dtype: DType.promote(dtype, other.dtype))
        return try recordExtreme(out, other, largest: true)
    }

    /// The elementwise smaller of `self` and `other`; the gradient goes to the smaller, and
    /// at a tie half to each, as in PyTorch.
    public func minimum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.broadcasting(
            MinimumKernel.self, self, other, op: "minimum", symbol: "and", dtype: DType.promote(dtype, other.dtype))
        return try recordExtreme(out, other, largest: false)
    }

    /// Records `maximum`/`minimum`: each operand's share of the gradient is 1 where it wins,
    /// ½ where the two tie, 0 where it loses.
    private func recordExtreme(_ out: Tensor, _ other: Tensor, largest: Bool) throws -> Tensor {
        guard Tensor.needsGraph(self, other) else { return out }
        let (a, b) = (detach(), other.detach())
        let (aShape, bShape) = (shape, other.shape)
        return Tensor.custom(largest ? "MaximumBackward0" : "MinimumBackward0", output: out, inputs: [self, other]) { g in
            let wins = largest ? try a.gt(b) : try a.lt(b)
            let share = try wins.float().add(a.eq(b).float().mul(0.5))
            return [try g.mul(share).sumTo(aShape), try g.mul(Tensor.number(1).sub(share)).sumTo(bShape)]
        }
    }

    /// `self + s`.
    public func add(_ s: Float) throws -> Tensor { try add(Tensor.number(s)) }
    /// `self - s`.
    public func sub(_ s: Float) throws -> Tensor { try sub(Tensor.number(s)) }
    /// `self * s`.
    public func mul(_ s: Float) throws -> Tensor { try mul(Tensor.number(s)) }
    /// `self / s`.
    public func div(_ s: Float) throws -> Tensor { try div(Tensor.number(s)) }

    /// A 0-dimensional tensor for a number operand: int64 if it is whole, else float32
    /// (so `intTensor * 2` stays int64); use `Tensor(scalar:dtype:)` to choose the dtype.
    public static func number(_ value: Float) throws -> Tensor {
        try Tensor(scalar: value, dtype: value.rounded(.towardZero) == value && Swift.abs(value) <= 16_777_216 ? .int64 : .float32)
    }

    /// `a + b`, broadcast.
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.add(b) }
    /// `a - b`, broadcast.
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.sub(b) }
    /// `a * b`, broadcast.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.mul(b) }
    /// `a / b`, broadcast.
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try a.div(b) }
    /// `a + s`.
    public static func + (a: Tensor, s: Float) throws -> Tensor { try a.add(number(s)) }
    /// `s + a`.
    public static func + (s: Float, a: Tensor) throws -> Tensor { try number(s).add(a) }
    /// `a - s`.
    public static func - (a: Tensor, s: Float) throws -> Tensor { try a.sub(number(s)) }
    /// `s - a`.
    public static func - (s: Float, a: Tensor) throws -> Tensor { try number(s).sub(a) }
    /// `a * s`.
    public static func * (a: Tensor, s: Float) throws -> Tensor { try a.mul(number(s)) }
    /// `s * a`.
    public static func * (s: Float, a: Tensor) throws -> Tensor { try number(s).mul(a) }
    /// `a / s`.
    public static func / (a: Tensor, s: Float) throws -> Tensor { try a.div(number(s)) }
    /// `s / a`.
    public static func / (s: Float, a: Tensor) throws -> Tensor { try number(s).div(a) }
    /// `-a`.
    public static prefix func - (a: Tensor) throws -> Tensor { try a.neg() }
}
