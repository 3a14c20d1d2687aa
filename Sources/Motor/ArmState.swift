import Tensor

/// The state of a muscle group, each (B, M): MotorNet's `states["muscle"]` rows.
public struct MuscleState: @unchecked Sendable {
    /// Activation in [min, 1].
    public var activation: Tensor
    /// Fibre length (m).
    public var length: Tensor
    /// Musculotendon velocity (m/s).
    public var velocity: Tensor
    /// Passive force–length factor.
    public var passiveLength: Tensor
    /// Active force–length factor.
    public var activeLength: Tensor
    /// Force–velocity factor.
    public var activeVelocity: Tensor
    /// Force (N).
    public var force: Tensor

    /// The rows in MotorNet's order.
    public var rows: [Tensor] { [activation, length, velocity, passiveLength, activeLength, activeVelocity, force] }
}

/// Musculotendon geometry, each (B, M): MotorNet's `states["geometry"]` rows.
public struct MuscleGeometry: @unchecked Sendable {
    /// Musculotendon length (m).
    public var length: Tensor
    /// Musculotendon velocity (m/s).
    public var velocity: Tensor
    /// Moment arm about each joint (m), one (B, M) tensor per degree of freedom.
    public var moments: [Tensor]

    /// The rows in MotorNet's order.
    public var rows: [Tensor] { [length, velocity] + moments }
}

/// The full state of an effector for a batch of B arms, packed in one (B, 10 + 13M) tensor
/// (see `ArmStateLayout`) so that a fused arm step reads and writes one tensor; the parts
/// are column slices of it, made when asked for.
public struct ArmState: @unchecked Sendable {  // its tensor is never written
    /// Every quantity of the state, one row per arm.
    public let packed: Tensor
    /// Where each quantity sits in `packed`.
    public let layout: ArmStateLayout

    /// A state from its packed form.
    public init(packed: Tensor, layout: ArmStateLayout) throws {
        guard packed.ndim == 2, packed.shape[1] == layout.width else {
            throw TensorError("ArmState: expected a (batch, \(layout.width)) packed state, got \(describeShape(packed.shape))")
        }
        self.packed = packed
        self.layout = layout
    }

    /// A state from its parts (each (B, 1) joint column, (B, M) muscle rows), the hand
    /// position and velocity (B, 4) and the observed proprioception (B, 2M).
    public init(position: [Tensor], velocity: [Tensor], muscle: MuscleState, geometry: MuscleGeometry,
                cartesian: Tensor, proprioception: Tensor) throws {
        layout = ArmStateLayout(muscles: muscle.activation.shape.last ?? 0)
        let hand = try cartesian.split(sizes: [2, 2], dim: 1)[0]
        packed = try Tensor.cat([hand, proprioception, cartesian] + position + velocity + muscle.rows + geometry.rows, dim: 1)
    }

    /// The batch size.
    public var batchSize: Int { packed.shape[0] }

    /// Columns `start ..< start + count` of `packed`.
    func columns(_ start: Int, _ count: Int) throws -> Tensor {
        try packed.index([.all, .slice(start: start, stop: start + count, step: 1)])
    }

    /// Joint angles, each (B, 1): shoulder, elbow (rad).
    public var position: [Tensor] { get throws { [try columns(layout.joint, 1), try columns(layout.joint + 1, 1)] } }
    /// Joint angular velocities, each (B, 1) (rad/s).
    public var velocity: [Tensor] { get throws { [try columns(layout.joint + 2, 1), try columns(layout.joint + 3, 1)] } }

    /// The muscles.
    public var muscle: MuscleState {
        get throws {
            let m = layout.muscles
            let rows = try (0..<7).map { try columns(layout.muscle + $0 * m, m) }
            return MuscleState(activation: rows[0], length: rows[1], velocity: rows[2], passiveLength: rows[3],
                               activeLength: rows[4], activeVelocity: rows[5], force: rows[6])
        }
    }

    /// The muscle geometry at `position`, `velocity`.
    public var geometry: MuscleGeometry {
        get throws {
            let m = layout.muscles
            return MuscleGeometry(length: try columns(layout.geometry, m), velocity: try columns(layout.geometry + m, m),
                                  moments: [try columns(layout.geometry + 2 * m, m), try columns(layout.geometry + 3 * m, m)])
        }
    }

    /// `states["joint"]`: (B, 4) = angles, velocities.
    public func joint() throws -> Tensor { try columns(layout.joint, 4) }
    /// `states["cartesian"]`: (B, 4) = hand x, y, ẋ, ẏ.
    public func cartesian() throws -> Tensor { try columns(layout.cartesian, 4) }
    /// `states["fingertip"]`: (B, 2) = hand x, y.
    public func fingertip() throws -> Tensor { try columns(0, 2) }
    /// The hand position then the proprioception (B, 2 + 2M), as the observation reads them.
    public func observed() throws -> Tensor { try columns(0, 2 + 2 * layout.muscles) }
    /// Fibre lengths / L_opt and velocities / vmax (B, 2M).
    public func proprioception() throws -> Tensor { try columns(2, 2 * layout.muscles) }
    /// `states["muscle"]`: (B, 7, M).
    public func muscleRows() throws -> Tensor { try columns(layout.muscle, 7 * layout.muscles).reshape([batchSize, 7, layout.muscles]) }
    /// `states["geometry"]`: (B, 4, M).
    public func geometryRows() throws -> Tensor {
        try columns(layout.geometry, 4 * layout.muscles).reshape([batchSize, 4, layout.muscles])
    }

    /// The same state with its tensor passed through `transform` (for copies).
    public func mapTensors(_ transform: (Tensor) throws -> Tensor) throws -> ArmState {
        try ArmState(packed: try transform(packed), layout: layout)
    }
}

/// The columns of a packed arm state of M muscles: the observed part first (hand x, y,
/// fibre length / L_opt, velocity / vmax), then the hand position and velocity, the joints
/// (angles, velocities), the seven muscle rows and the four geometry rows (M columns each).
public struct ArmStateLayout: Sendable, Equatable {
    /// The number of muscles.
    public let muscles: Int
    /// The first column of the hand's x, y, ẋ, ẏ.
    public var cartesian: Int { 2 + 2 * muscles }
    /// The first column of the angles and velocities.
    public var joint: Int { 6 + 2 * muscles }
    /// The first column of the muscle rows.
    public var muscle: Int { 10 + 2 * muscles }
    /// The first column of the geometry rows.
    public var geometry: Int { 10 + 9 * muscles }
    /// The number of columns.
    public var width: Int { 10 + 13 * muscles }
}
