import Foundation

/// The elementwise functions of one tensor added for the labs' PyTorch code (trigonometry,
/// logarithms in other bases, `square`), each with its value and its derivative.
///
/// Values use the C library in Float (PyTorch's CPU kernels agree to an ulp or two); the
/// derivatives are PyTorch's: d sin = cos, d tan = 1 + tan², d asin = 1/√(1−x²),
/// d log10 = 1/(x·ln 10), d log1p = 1/(1+x), d expm1 = eˣ, d square = 2x, d (1/x) = −1/x²
/// (PyTorch's −y², from the value). `softplus` is
/// log(1 + eˣ) computed without overflow (max(x, 0) + log1p(e^−|x|)), derivative σ(x).
public enum ElementwiseFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, asin, acos, atan, sinh, cosh, log10, log2, log1p, expm1, square, reciprocal, softplus

    /// The function at `x`.
    @inline(__always)
    func value(_ x: Float) -> Float {
        switch self {
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .asin: Foundation.asin(x)
        case .acos: Foundation.acos(x)
        case .atan: Foundation.atan(x)
        case .sinh: Foundation.sinh(x)
        case .cosh: Foundation.cosh(x)
        case .log10: Foundation.log10(x)
        case .log2: Foundation.log2(x)
        case .log1p: Foundation.log1p(x)
        case .expm1: Foundation.expm1(x)
        case .square: x * x
        case .reciprocal: 1 / x
        case .softplus: Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
        }
    }

    /// The derivative at `x`, given the function's value `y` there.
    @inline(__always)
    func derivative(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .sin: Foundation.cos(x)
        case .cos: -Foundation.sin(x)
        case .tan: 1 + y * y
        case .asin: 1 / (1 - x * x).squareRoot()
        case .acos: -1 / (1 - x * x).squareRoot()
        case .atan: 1 / (1 + x * x)
        case .sinh: Foundation.cosh(x)
        case .cosh: Foundation.sinh(x)
        case .log10: 1 / (x * 2.302_585_1)
        case .log2: 1 / (x * 0.693_147_2)
        case .log1p: 1 / (1 + x)
        case .expm1: y + 1
        case .square: 2 * x
        case .reciprocal: -y * y
        case .softplus: 1 / (1 + Foundation.exp(-x))
        }
    }

    /// PyTorch's name for the gradient node (`SinBackward0`; `Log1PBackward0` as PyTorch
    /// capitalizes it).
    var nodeName: String {
        switch self {
        case .square: "PowBackward0"
        case .log1p: "Log1PBackward0"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "Backward0"
        }
    }
}

extension Tensor {
    /// `function` applied to each element (float32; `square` keeps int64), recorded for
    /// autograd with the function's derivative.
    public func apply(_ function: ElementwiseFunction) throws -> Tensor {
        let outDtype: DType = function == .square ? DType.promote(dtype, dtype) : .float32
        let out = try Tensor(uninitialized: shape, dtype: outDtype, op: function.rawValue)
        let (x, o) = (data, out.data)
        for i in 0..<count { o[i] = function.value(x[i]) }
        guard Tensor.needsGraph(self) else { return out }
        let (input, output) = (detach(), out.detach())
        return Tensor.custom(function.nodeName, output: out, inputs: [self]) { g in
            let d = try Tensor(uninitialized: input.shape, op: "\(function.rawValue)_backward")
            let (xs, ys, ds) = (input.data, output.data, d.data)
            for i in 0..<input.count { ds[i] = function.derivative(xs[i], ys[i]) }
            return [try g.mul(d)]
        }
    }

    /// `sin` of each element.
    public func sin() throws -> Tensor { try apply(.sin) }
    /// `cos` of each element.
    public func cos() throws -> Tensor { try apply(.cos) }
    /// `tan` of each element.
    public func tan() throws -> Tensor { try apply(.tan) }

    /// The angle of the point (`other`, `self`) from the x axis, in (−π, π]: PyTorch's
    /// `atan2(input=y, other=x)`, broadcast; d/dy = x/(x²+y²), d/dx = −y/(x²+y²).
    public func atan2(_ other: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(self.shape, other.shape, op: "atan2", symbol: "and")
        let y = try materialized(to: shape, op: "atan2")
        let x = try other.materialized(to: shape, op: "atan2")
        let out = try Tensor(uninitialized: shape, op: "atan2")
        for i in 0..<out.count { out.data[i] = Foundation.atan2(y.data[i], x.data[i]) }
        guard Tensor.needsGraph(self, other) else { return out }
        let (ys, xs) = (y.detach(), x.detach())
        let (yShape, xShape) = (self.shape, other.shape)
        return Tensor.custom("Atan2Backward0", output: out, inputs: [self, other]) { g in
            let r2 = try xs.mul(xs).add(ys.mul(ys))
            return [try g.mul(xs).div(r2).sumTo(yShape), try g.mul(ys).div(r2).neg().sumTo(xShape)]
        }
    }

    /// Each element rounded up (gradient 0, as in PyTorch).
    public func ceil() throws -> Tensor {
        recordFlat(try Tensor.mapping(CeilKernel.self, self, op: "ceil"), "CeilBackward0")
    }

    /// Whether each element is NaN (a bool tensor).
    public func isNaN() throws -> Tensor { try Tensor.mapping(IsNaNKernel.self, self, op: "isnan", dtype: .bool) }
    /// Whether each element is +inf or −inf (a bool tensor).
    public func isInf() throws -> Tensor { try Tensor.mapping(IsInfKernel.self, self, op: "isinf", dtype: .bool) }
    /// Whether each element is finite (neither NaN nor infinite; a bool tensor).
    public func isFinite() throws -> Tensor { try Tensor.mapping(IsFiniteKernel.self, self, op: "isfinite", dtype: .bool) }
}

enum CeilKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.rounded(.up) } }
enum IsNaNKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.isNaN ? 1 : 0 } }
enum IsInfKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.isInfinite ? 1 : 0 } }
enum IsFiniteKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.isFinite ? 1 : 0 } }
