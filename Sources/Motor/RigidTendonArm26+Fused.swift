import Tensor

extension RigidTendonArm26 {
    /// One explicit Euler step of `timestep / ministeps` as one recorded operation
    /// (`RigidTendonArmStepBackward`): the same arithmetic as `euler`'s ~80 tensor operations
    /// (`ArmStepKernel`), with a hand-written backward pass. Its inputs are the packed state,
    /// the raw excitation `action` (B, M) (clipped inside), the hand load and the joint
    /// torques ((B, 2) or (1, 2)); it reads the angles, velocities, activations and forces of
    /// the state and recomputes the old geometry from the angles.
    func fusedEuler(_ state: ArmState, _ action: Tensor, _ load: Tensor, _ jointLoad: Tensor?) throws -> ArmState {
        let kernel = try ArmStepKernel(self, dt: Float(timestep / Double(ministeps)))
        let layout = state.layout, batch = state.batchSize, m = muscleCount
        let width = layout.width
        let loadStride = load.shape[0] == 1 ? 0 : 2
        let jointStride = jointLoad.map { $0.shape[0] == 1 ? 0 : 2 } ?? 0
        let packed = state.packed.scalars, actions = action.scalars, loads = load.scalars
        let joints = jointLoad?.scalars ?? [0, 0]
        func trace(_ b: Int) -> ArmStepKernel.Trace {
            let row = b * width
            var activation = ArmStepKernel.Lanes(), force = ArmStepKernel.Lanes(), excitation = ArmStepKernel.Lanes()
            for i in 0..<m {
                activation[i] = packed[row + layout.muscle + i]
                force[i] = packed[row + layout.muscle + 6 * m + i]
                excitation[i] = actions[b * m + i]
            }
            let j = row + layout.joint
            return kernel.trace(q: (packed[j], packed[j + 1]), v: (packed[j + 2], packed[j + 3]), activation: activation,
                                force: force, action: excitation,
                                load: (loads[b * loadStride], loads[b * loadStride + 1]),
                                jointLoad: (joints[b * jointStride], joints[b * jointStride + 1]))
        }
        let result = try Tensor.uninitialized([batch, width], op: "RigidTendonArm26.step")
        result.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            for b in 0..<batch { kernel.write(trace(b), into: base + b * width, layout: layout) }
        }
        var inputs = [state.packed, action, load]
        if let jointLoad { inputs.append(jointLoad) }
        guard inputs.contains(where: \.requiresGrad), GradMode.isEnabled else { return try ArmState(packed: result, layout: layout) }
        let shapes = inputs.map(\.shape)
        let output = Tensor.custom("RigidTendonArmStepBackward", output: result, inputs: inputs) { g in
            var gState = [Float](repeating: 0, count: batch * width), gAction = [Float](repeating: 0, count: batch * m)
            var gLoad = [Float](repeating: 0, count: shapes[2][0] * 2), gJoint = [Float](repeating: 0, count: 2 * batch)
            g.withUnsafeBufferPointer { gs in
                guard let base = gs.baseAddress else { return }
                for b in 0..<batch {
                    let d = kernel.backward(trace(b), base + b * width, layout: layout)
                    let row = b * width
                    for i in 0..<m {
                        gState[row + layout.muscle + i] = d.activation[i]
                        gState[row + layout.muscle + 6 * m + i] = d.force[i]
                        gAction[b * m + i] = d.action[i]
                    }
                    (gState[row + layout.joint], gState[row + layout.joint + 1]) = d.q
                    (gState[row + layout.joint + 2], gState[row + layout.joint + 3]) = d.v
                    gLoad[b * loadStride] += d.load.0
                    gLoad[b * loadStride + 1] += d.load.1
                    (gJoint[2 * b], gJoint[2 * b + 1]) = d.jointLoad
                }
            }
            var grads = [try Tensor(gState, shape: shapes[0]), try Tensor(gAction, shape: shapes[1]),
                         try Tensor(gLoad, shape: shapes[2])]
            if shapes.count == 4 {
                grads.append(shapes[3][0] == 1 ? try Tensor(gJoint, shape: [batch, 2]).sum(dim: 0, keepdim: true)
                                               : try Tensor(gJoint, shape: shapes[3]))
            }
            return grads
        }
        return try ArmState(packed: output, layout: layout)
    }
}
