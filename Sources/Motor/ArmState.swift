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

/// The full state of an effector for a batch of B arms.
public struct ArmState: @unchecked Sendable {
    /// Joint angles, each (B, 1): shoulder, elbow (rad).
    public var position: [Tensor]
    /// Joint angular velocities, each (B, 1) (rad/s).
    public var velocity: [Tensor]
    /// The muscles.
    public var muscle: MuscleState
    /// The muscle geometry at `position`, `velocity`.
    public var geometry: MuscleGeometry

    /// The batch size.
    public var batchSize: Int { position[0].shape[0] }

    /// `states["joint"]`: (B, 4) = angles, velocities.
    public func joint() throws -> Tensor { try Tensor.cat(position + velocity, dim: 1) }
}

extension ArmState {
    /// The same state with every tensor passed through `transform` (for copies).
    public func mapTensors(_ transform: (Tensor) throws -> Tensor) rethrows -> ArmState {
        let m = muscle, g = geometry
        return ArmState(
            position: try position.map(transform), velocity: try velocity.map(transform),
            muscle: MuscleState(activation: try transform(m.activation), length: try transform(m.length),
                                velocity: try transform(m.velocity), passiveLength: try transform(m.passiveLength),
                                activeLength: try transform(m.activeLength), activeVelocity: try transform(m.activeVelocity),
                                force: try transform(m.force)),
            geometry: MuscleGeometry(length: try transform(g.length), velocity: try transform(g.velocity),
                                     moments: try g.moments.map(transform)))
    }
}
