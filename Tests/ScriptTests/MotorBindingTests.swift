import Diagnostics
import Testing
@testable import ScriptRuntime

/// MotorNet's arm and the benchmark's RandomTarget from the language (docs/arm.md): the
/// seed's imports and calls, shapes, seeding, the user loop with gradients, errors, snapshots.
let motorSetup = """
    from ctd.task_modeling.task_env.task_env import RandomTarget
    from motornet.effector import RigidTendonArm26
    from motornet.muscle import MujocoHillMuscle
    import torch
    env = RandomTarget(effector = RigidTendonArm26(muscle = MujocoHillMuscle()))
    """

let motorCases: [ProgramCase] = [
    .init(motorSetup + """

          print(env.observation_space, env.action_space, env.context_inputs)
          print(env.observation_space.shape[0] + env.context_inputs.shape[0], env.action_space.shape[0], env.n_timesteps, env.dt)
          print(env.input_labels, env.output_labels, env.coupled_env, env.state_label)
          print(env.effector.muscle_name, env.effector.n_muscles)
          env.effector.muscle
          """, """
          Box(-inf, inf, (14,), float32) Box(0.0, 1.0, (6,), float32) Box(-2.0, 2.0, (3,), float32)
          17 6 100 0.01
          ['TargetX', 'TargetY', 'GoCue'] ['Pec', 'Delt', 'Brad', 'TriLong', 'Biceps', 'TriLat'] True fingertip
          ['pectoralis', 'deltoid', 'brachioradialis', 'tricepslat', 'biceps', 'tricepslong'] 6
          MujocoHillMuscle(min_activation=0.0, passive_forces=1.0, tau_activation=0.01, tau_deactivation=0.04)

          """),
    .init(motorSetup + """

          import numpy as np
          np.random.seed(3)
          data, extra = env.generate_dataset(6)
          print(sorted(data.keys()), extra)
          print(data["ics"].shape, data["inputs"].shape, data["inputs_to_env"].shape, data["targets"].shape, data["conds"].dtype)
          np.random.seed(3)
          again, _ = env.generate_dataset(6)
          print(bool((again["inputs_to_env"] == data["inputs_to_env"]).all()), bool((again["ics"] == data["ics"]).all()))
          obs, info = env.reset(batch_size=6, options={"ic_state": data["ics"]})
          print(obs.shape, sorted(info.keys()), sorted(info["states"].keys()))
          s = info["states"]
          print(s["joint"].shape, s["cartesian"].shape, s["muscle"].shape, s["geometry"].shape, s["fingertip"].shape)
          obs, reward, terminated, truncated, info = env.step(zeros(6, 6), endpoint_load=data["inputs_to_env"][:, 0, :])
          print(obs.shape, reward, terminated, truncated)
          """, """
          ['conds', 'extra', 'ics', 'inputs', 'inputs_to_env', 'targets', 'true_inputs'] {}
          torch.Size([6, 4]) torch.Size([6, 100, 3]) torch.Size([6, 100, 2]) torch.Size([6, 100, 2]) torch.int64
          True True
          torch.Size([6, 14]) ['action', 'goal', 'noisy action', 'states'] ['cartesian', 'fingertip', 'geometry', 'joint', 'muscle']
          torch.Size([6, 4]) torch.Size([6, 4]) torch.Size([6, 7, 6]) torch.Size([6, 4, 6]) torch.Size([6, 2])
          torch.Size([6, 14]) None False False

          """),
    // The hand's gradient reaches the actions through the arm's physics.
    .init(motorSetup + """

          obs, info = env.reset(batch_size=2, options={"ic_state": tensor([[0.9, 1.4, 0.0, 0.0], [0.6, 1.0, 0.0, 0.0]])})
          u = full((2, 6), 0.2, requires_grad=True)
          for t in range(20):
              obs, _, _, _, info = env.step(u)
          hand = info["states"]["fingertip"]
          hand.sum().backward()
          print(u.grad.shape, bool((u.grad.abs().sum(dim=1) > 0).all()), hand.grad_fn is not None)
          """, """
          torch.Size([2, 6]) True True

          """),
    .init(motorSetup + """

          loss = env.loss_func
          print(loss)
          h = tensor([[[0.0, 0.0], [1.0, 1.0]]])
          print(loss({"controlled": h, "targets": zeros(1, 2, 2), "actions": full((1, 2, 6), 0.5), "epoch": 500}).item())
          """, """
          RandomTargetLoss(pos_weight=1.0, act_weight=1.0, full_trial_epoch=200)
          0.75

          """),
    .init("""
          arm = RigidTendonArm26(MujocoHillMuscle(passive_forces=0.0))
          arm.reset(options={"batch_size": 3, "joint_state": tensor([0.8, 1.2])})
          for _ in range(10):
              arm.step(zeros(3, 6))
          print(arm.states["joint"])
          print(arm.joint2cartesian(tensor([0.0, 0.0, 0.0, 0.0]))[:, :2])
          """, """
          tensor([[0.8000, 1.2000, 0.0000, 0.0000],
                  [0.8000, 1.2000, 0.0000, 0.0000],
                  [0.8000, 1.2000, 0.0000, 0.0000]])
          tensor([[0.6420, 0.0000]])

          """),
    .init("RandomTarget(effector=MujocoHillMuscle())",
          "error: 1:1: RandomTarget() argument 'effector' must be a RigidTendonArm26(muscle=MujocoHillMuscle()), not MujocoHillMuscle\n"),
    .init("RigidTendonArm26(muscle=MujocoHillMuscle(), integration_method='rk4')",
          "error: 1:1: RigidTendonArm26(): integration_method 'rk4' is not supported; rnnbook integrates with 'euler', MotorNet's default for this effector\n"),
    .init("RandomTarget(effector=RigidTendonArm26(MujocoHillMuscle()), differentiable=False)",
          "error: 1:1: RandomTarget(): differentiable=False is not supported; rnnbook's environment always returns tensors that carry gradients (use .detach() to drop them)\n"),
    .init("RandomTarget(effector=RigidTendonArm26(MujocoHillMuscle()), max_ep_duraton=2.0)",
          "error: 1:1: RandomTarget() got an unexpected keyword argument 'max_ep_duraton' (did you mean 'max_ep_duration'?)\n"),
    .init(motorSetup + "\nenv.reset(options={'ic_states': zeros(2, 4)})",
          "error: 6:1: reset() options: unknown key 'ic_states'; known keys: ic_state, target_state, deterministic\n"),
    .init(motorSetup + "\nenv.step(zeros(1, 6))", "error: 6:1: step: call reset() first\n"),
    .init(motorSetup + "\nenv.reset(batch_size=2)\nenv.step(zeros(2, 5))",
          "error: 7:1: RigidTendonArm26.step: expected action of shape (2, 6), got (2, 5)\n"),
    .init("RigidTendonArm26(MujocoHillMuscle(), muscle_kwargs={'max_isometric_force': 10})",
          "error: 1:1: Unexpected key \"max_isometric_force\" in muscle_kwargs argument (RigidTendonArm26 sets max_isometric_force, tendon_length and optimal_muscle_length itself; the others are normalized_slack_muscle_length, lmin, lmax, vmax, fvmax)\n"),
    .init("from motornet.skeleton import TwoDofArm\nTwoDofArm(gravity=9.81).gravity", "9.81\n"),
]

struct MotorBindingTests {
    @Test(arguments: motorCases)
    func program(_ program: ProgramCase) {
        check(program)
    }

    /// A GRU policy in a user loop trains with Adam: the loss falls over a few updates.
    @Test func gruPolicyTrainsInAUserLoop() {
        let output = run(motorSetup.replacingOccurrences(of: "MujocoHillMuscle()))", with: "MujocoHillMuscle()), max_ep_duration=0.4)") + """

            import torch.nn as nn
            torch.manual_seed(0)
            cell, readout = nn.GRUCell(17, 32), nn.Linear(32, 6)
            opt = torch.optim.Adam(list(cell.parameters()) + list(readout.parameters()), lr=3e-3)
            data, _ = env.generate_dataset(16)
            losses = []
            for it in range(12):
                obs, info = env.reset(batch_size=16, options={"ic_state": data["ics"]})
                h = zeros(16, 32)
                hands, acts = [], []
                for t in range(env.n_timesteps):
                    h = cell(torch.cat([obs, data["inputs"][:, t, :]], dim=1), h)
                    a = readout(h)
                    obs, _, done, _, info = env.step(a, endpoint_load=data["inputs_to_env"][:, t, :])
                    hands.append(info["states"]["fingertip"])
                    acts.append(a)
                loss = env.loss_func({"controlled": torch.stack(hands, dim=1), "targets": data["targets"],
                                      "actions": torch.stack(acts, dim=1), "epoch": 500})
                opt.zero_grad()
                loss.backward()
                opt.step()
                losses.append(loss.item())
            print(done, losses[-1] < 0.5 * losses[0])
            """, budget: .init(operations: 5_000_000, seconds: 60))
        #expect(output == "True True\n")
    }

    @Test func environmentSurvivesASnapshot() throws {
        let runner = SnapshotRunner()
        let (first, second, _) = try runner.twice(motorSetup + """

            import torch
            obs, info = env.reset(batch_size=2, options={"ic_state": tensor([[0.9, 1.4, 0.0, 0.0], [0.6, 1.0, 0.0, 0.0]])})
            env.step(full((2, 6), 0.3))
            """, """
            obs, _, _, _, info = env.step(full((2, 6), 0.1))
            print(obs.sum().item(), info["states"]["joint"].sum().item())
            """)
        #expect(first == second)
        #expect(!first.isEmpty && !first.contains("error"))
    }
}
