import Foundation
import Motor
import Neural
import Tensor

/// The arm benchmark (issue 19): one batched step (batch 256) of RigidTendonArm26 +
/// MujocoHillMuscle driven by a GRU-128 policy on RandomTarget, as the benchmark's
/// wrapper runs it (GRUCell → Linear → env.step with the bump load, hand recorded), forward
/// and backward, timed over a whole 100-step trial and divided by its steps; plus the arm
/// alone, fused and as separate tensor operations. Best of three runs.
func armBenchmarks() throws {
    let threads = BLAS.threadCount
    BLAS.setThreadCount(1)
    defer { BLAS.setThreadCount(threads) }
    let batch = 256
    let generator = Generator(seed: 0)
    let env = try RandomTarget(effector: try RigidTendonArm26())
    let data = try env.generateDataset(batch, generator: generator)
    let steps = env.timesteps
    let cell = RecurrentCell(try GRU(env.observationSize + 3, 128, generator: generator))
    let readout = try Linear(128, 6, generator: generator)
    let inputs = try data.inputs.split(size: 1, dim: 1).map { try $0.squeeze(1) }
    let loads = try data.inputsToEnv.split(size: 1, dim: 1).map { try $0.squeeze(1) }
    var forward = Double.infinity, backward = Double.infinity, forwardCPU = Double.infinity, backwardCPU = Double.infinity
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = cpuSeconds()
        var obs = try env.reset(batchSize: batch, icState: data.ics, goal: nil, deterministic: true, generator: generator)
        var h = try Tensor.zeros([batch, 128])
        var hands: [Tensor] = [], actions: [Tensor] = []
        for t in 0..<steps {
            h = try cell(try Tensor.cat([obs, inputs[t]], dim: 1), h: h, c: nil).hidden
            let action = try readout(h)
            obs = try env.step(action, endpointLoad: loads[t], jointLoad: nil, deterministic: true, generator: generator).observation
            hands.append(try unwrap(env.state).fingertip())
            actions.append(action)
        }
        let loss = try RandomTargetLoss()(controlled: try Tensor.stack(hands, dim: 1), targets: data.targets,
                                          actions: try Tensor.stack(actions, dim: 1), epoch: 500)
        let middle = DispatchTime.now().uptimeNanoseconds, middleCPU = cpuSeconds()
        try loss.backward()
        let end = DispatchTime.now().uptimeNanoseconds, endCPU = cpuSeconds()
        forward = min(forward, Double(middle - start) / 1e6 / Double(steps))
        backward = min(backward, Double(end - middle) / 1e6 / Double(steps))
        forwardCPU = min(forwardCPU, (middleCPU - startCPU) * 1000 / Double(steps))
        backwardCPU = min(backwardCPU, (endCPU - middleCPU) * 1000 / Double(steps))
    }
    print("RandomTarget, batch \(batch), GRU-128 + RigidTendonArm26, per step of a \(steps)-step trial (OpenBLAS threads: 1):")
    print(String(format: "  forward %6.2f ms | backward %6.2f ms | trial (forward + backward) %6.0f ms  (wall clock)", forward, backward,
                 (forward + backward) * Double(steps)))
    print(String(format: "  forward %6.2f ms | backward %6.2f ms | trial (forward + backward) %6.0f ms  (CPU time)", forwardCPU,
                 backwardCPU, (forwardCPU + backwardCPU) * Double(steps)))
    let arm = env.effector
    let action = try Tensor.full([batch, 6], 0.2)
    let joints = try data.ics.clone().requiresGrad_()
    for fused in [true, false] {
        let startCPU = cpuSeconds()
        let armOnly = try measure(iterations: 3) {
            var state = try arm.initialState(joint: joints)
            for _ in 0..<steps { state = try arm.step(state, action: action, fused: fused) }
            try state.fingertip().sum().backward()
        }
        let cpu = (cpuSeconds() - startCPU) * 1000 / Double(4 * steps)  // the warm-up run and three timed ones
        print(String(format: "  the arm alone (no network), forward + backward: %6.3f ms per step wall, %6.3f ms CPU (%@)",
                     armOnly * 1000 / Double(steps), cpu, fused ? "one fused operation per step" : "separate tensor operations"))
    }
}

/// The CPU time of this process so far, in seconds (every thread; OpenBLAS has one here).
private func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

private func unwrap<T>(_ value: T?) throws -> T {
    guard let value else { throw TensorError("arm benchmark: no state") }
    return value
}
