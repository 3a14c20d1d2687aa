import Foundation
import Tensor

/// `torch.distributions.Normal(loc, scale, validate_args=None)`, with PyTorch's formulas:
///
/// - `log_prob(x) = -(x - loc)² / (2 scale²) - log(scale) - log(√(2π))`;
/// - `entropy() = 0.5 + 0.5 log(2π) + log(scale)`;
/// - `rsample(shape) = loc + ε · scale` with ε ~ N(0, 1) (differentiable in loc and scale);
///   `sample` is the same draw, not recorded;
/// - `mean = mode = loc`, `stddev = scale`, `variance = scale²`.
///
/// `scale` must be positive (`GreaterThan(lower_bound=0.0)`).
final class NormalDistribution: DistributionObject {
    let loc: Tensor
    let scale: Tensor

    init(loc: Tensor, scale: Tensor, batchShape: [Int], validates: Bool, owner: Interpreter?) {
        self.loc = loc
        self.scale = scale
        super.init(batchShape: batchShape, validates: validates, owner: owner)
    }

    /// Broadcasts and checks the parameters.
    static func make(_ args: BoundArguments, _ interpreter: Interpreter) throws -> NormalDistribution {
        let context = interpreter.tensors
        let given = [args.value("loc"), args.value("scale")]
        let tensors = try zip(given, ["loc", "scale"]).map { try floatTensor($0, "Normal() argument '\($1)'", context) }
        let both = try context.perform { try broadcastAll(tensors) }
        // PyTorch's batch_shape is () when both parameters are Python numbers.
        let numbers = given.allSatisfy(isNumber)
        let distribution = NormalDistribution(loc: both[0], scale: both[1], batchShape: numbers ? [] : both[0].shape,
                                              validates: try args.bool("validate_args", true), owner: interpreter)
        try distribution.checkParameter("loc", both[0], "Real()", try context.perform { try both[0].eq(both[0]) })
        try distribution.checkParameter("scale", both[1], "GreaterThan(lower_bound=0.0)", try context.perform { try both[1].gt(0) })
        return distribution
    }

    override var typeName: String { "Normal" }
    override var shownParameters: [(name: String, tensor: Tensor)] { [("loc", loc), ("scale", scale)] }
    override var hasRsample: Bool { true }
    override var ownAttributeNames: [String] { ["loc", "scale"] }

    override func ownAttribute(_ name: String, _ context: TensorContext) throws -> Value? {
        switch name {
        case "loc": context.wrap(loc)
        case "scale": context.wrap(scale)
        default: nil
        }
    }

    override func mean(_ context: TensorContext) throws -> Tensor { loc }
    override func mode(_ context: TensorContext) throws -> Tensor { loc }
    override func stddev(_ context: TensorContext) throws -> Tensor { scale }
    override func variance(_ context: TensorContext) throws -> Tensor { try scale.pow(2) }

    override func draw(_ shape: [Int], _ context: TensorContext) throws -> Tensor {
        let noise = try Tensor.randn(shape, generator: context.generator)
        return try loc.expand(shape).add(noise.mul(scale.expand(shape)))
    }

    override func logProbability(_ value: Tensor) throws -> Tensor {
        let variance = try scale.pow(2)
        let squared = try value.sub(loc).pow(2).neg().div(variance.mul(2))
        return try squared.sub(scale.log()).sub(Float(Foundation.log((2 * Double.pi).squareRoot())))
    }

    override func entropy() throws -> Tensor {
        try scale.log().add(Float(0.5 + 0.5 * Foundation.log(2 * Double.pi)))
    }
}

extension NormalDistribution: SnapshotCopyable {
    /// A distribution over the copies of its parameters.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        NormalDistribution(loc: try TensorObject.snapshotCopy(loc, copier), scale: try TensorObject.snapshotCopy(scale, copier),
                           batchShape: batchShape, validates: validates, owner: owner)
    }
}
