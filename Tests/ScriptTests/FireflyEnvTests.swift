import Testing

/// The tutorial's classes (`Config`, `Env`, `ObsStep`, the actors, `Agent`) as
/// LabProgramTests.swift writes them, without that program's own checks.
private let fireflyClasses = fireflyProgram.components(separatedBy: "arg = Config()\ntorch.manual_seed(0)")[0]

private func runFirefly(_ code: String) -> String {
    run(fireflyClasses + code, budget: .init(operations: 20_000_000, seconds: 60))
}

/// With one trial, `FireflyEnv` draws the tutorial's numbers: the same target, states,
/// `reached_target`, observations and hidden target as `Env` + `ObsStep` for the same seed,
/// bit for bit, at 1× and 2× gain.
@Test func fireflyEnvMatchesTheTutorialsClasses() {
    let output = runFirefly("""
        arg = Config()
        actions = [[0.9, 0.4], [1.0, -0.3], [0.5, 0.05], [0.7, -0.8], [0.2, 0.1], [0.05, 0.02]]
        for gain_factor in [1, 2]:
            gain = arg.process_gain_default * gain_factor
            torch.manual_seed(11)
            env = Env(arg)
            obs_step = ObsStep(arg)
            env.reset()
            target = env.target_position.clone()
            x = env.reset(target_position=target, gain=gain)
            obs_step.reset(env.gain)
            xs, rs, os, ts = [], [], [], []
            for t, a in enumerate(actions):
                x, reached = env(x, torch.tensor(a).view(1, 1, 2), t)
                xs.append(x.view(-1)); rs.append(bool(reached)); os.append(obs_step(x).view(-1))
                ts.append(env.target_position_obs.view(-1).clone())
            torch.manual_seed(11)
            fenv = FireflyEnv(arg, batch_size=1)
            fenv.reset()
            print(torch.equal(fenv.target_position.view(-1), target.view(-1)))
            x = fenv.reset(target_position=target.view(1, 2), gain=gain)
            same = True
            for t, a in enumerate(actions):
                x, reached = fenv(x, torch.tensor(a).view(1, 1, 2), t)
                o = fenv.observe(x)
                same = same and torch.equal(x.view(-1), xs[t]) and bool(reached[0]) == rs[t]
                same = same and torch.equal(o.view(-1), os[t]) and torch.equal(fenv.target_position_obs.view(-1), ts[t])
            print(same, x.shape, reached.dtype, o.shape, fenv.obs_noise_std.tolist() == (0.1 * gain).tolist())
        """)
    #expect(output == """
        True
        True torch.Size([1, 5]) torch.bool torch.Size([1, 2]) True
        True
        True torch.Size([1, 5]) torch.bool torch.Size([1, 2]) True

        """)
}

/// Several trials step as the tutorial's single trials do (checked without noise, where
/// the draw order cannot differ), and `reset` draws targets from the spec's annulus.
@Test func fireflyEnvStepsTrialsIndependently() {
    let output = runFirefly("""
        arg = Config()
        arg.pro_noise_std_ = 0.0
        arg.obs_noise_std_ = 0.0
        targets = torch.tensor([[0.1, 0.5], [-0.3, 0.8], [0.2, 0.3]])
        actions = torch.tensor([[[0.9, 0.4], [1.0, -0.3], [0.3, 0.9]], [[0.5, 0.05], [0.7, -0.8], [-0.4, 0.2]],
                                [[0.2, 0.1], [0.05, 0.02], [1.0, 1.0]], [[0.6, -0.6], [0.3, 0.3], [0.01, 0.0]]])
        fenv = FireflyEnv(arg, batch_size=3)
        bx = fenv.reset(target_position=targets)
        for t in range(4):
            bx, breached = fenv(bx, actions[t], t)
        same = True
        for i in range(3):
            env = Env(arg)
            x = env.reset(target_position=targets[i])
            for t in range(4):
                x, reached = env(x, actions[t, i], t)
            same = same and torch.allclose(x.view(-1), bx[i], atol=1e-7) and bool(reached) == bool(breached[i])
        print(same)
        torch.manual_seed(3)
        fenv = FireflyEnv(batch_size=4000)
        x = fenv.reset()
        r = fenv.target_position.norm(dim=1)
        ang = torch.atan2(fenv.target_position[:, 0], fenv.target_position[:, 1])
        print(x.shape, x[0].tolist() == torch.tensor([0, 0, np.pi / 2, 0, 0]).tolist())
        print(bool(r.min() >= 0.25), bool(r.max() <= 1.0), abs(float((r < 0.625).float().mean()) - 0.35) < 0.03)
        print(bool(ang.abs().max() <= np.deg2rad(35) + 1e-6), fenv.gain.tolist() == arg.process_gain_default.tolist())
        """)
    // P(r < 0.625) = (0.625² − 0.25²) / (1 − 0.25²) = 0.35: uniform over the annulus's area.
    #expect(output == """
        True
        torch.Size([4000, 5]) True
        True True True
        True True

        """)
}

/// The stop rule (both components strictly below 0.1), the reward zone (strict, on the
/// state before the step), the target hidden from step 3 on, and the reward
/// `reached & is_stop`.
@Test func fireflyEnvStopRuleAndReward() {
    let output = runFirefly("""
        fenv = FireflyEnv(batch_size=4)
        print(fenv.is_stop(torch.tensor([[0.05, -0.09], [0.1, 0.0], [0.0, -0.2], [-0.0999, 0.0999]])).tolist())
        fenv.reset(target_position=torch.tensor([0.0, 0.5]))
        x = torch.tensor([[0.0, 0.34, 1.5708, 0.0, 0.0], [0.0, 0.33, 1.5708, 0.0, 0.0],
                          [0.16, 0.5, 1.5708, 0.0, 0.0], [0.0, 0.5, 1.5708, 0.4, 0.0]])
        a = torch.tensor([[0.0, 0.0], [0.0, 0.0], [0.05, 0.0], [0.0, 0.0]])
        for t in range(4):
            nx, reached = fenv(x, a, t)
            print(t, fenv.target_position_obs[0].tolist())
        print(reached.tolist(), (reached & fenv.is_stop(a)).tolist())
        """)
    #expect(output == """
        [True, False, False, True]
        0 [0.0, 0.5]
        1 [0.0, 0.5]
        2 [0.0, 0.5]
        3 [0.0, 0.0]
        [True, False, True, True] [True, False, True, True]

        """)
}

/// A step is differentiable: the next velocities move with gain ⊙ action, the position
/// and the heading, and through the heading the position a step later.
@Test func fireflyEnvIsDifferentiable() {
    let output = runFirefly("""
        arg = Config()
        arg.pro_noise_std_ = 0.0
        fenv = FireflyEnv(arg, batch_size=2)
        x = fenv.reset(target_position=torch.tensor([0.0, 0.5]))
        a = torch.tensor([[0.5, 0.2], [0.3, -0.4]], requires_grad=True)
        x1, _ = fenv(x, a, 0)
        b = torch.tensor([[0.4, 0.0], [0.6, 0.0]])
        x2, _ = fenv(x1, b, 1)
        x2[:, 1].sum().backward(retain_graph=True)
        print(torch.allclose(a.grad[:, 0], 0.5 * 0.1 * torch.ones(2)), bool((a.grad[:, 1] == 0).all()))
        a.grad = None
        x3, _ = fenv(x2, torch.zeros(2, 2), 2)
        x3[:, 0].sum().backward()
        expected = -0.5 * b[:, 0] * torch.sin(x2[:, 2].detach()) * (np.pi / 2) * 0.1 * 0.1
        print(torch.allclose(a.grad[:, 1], expected, atol=1e-6))
        """)
    #expect(output == """
        True True
        True

        """)
}

/// Wrong shapes and configs are refused with what was expected.
@Test func fireflyEnvRefusesWrongInput() {
    let output = runFirefly("""
        fenv = FireflyEnv(batch_size=2)
        x = fenv.reset()
        for bad in [lambda: fenv(x, torch.zeros(3, 2), 0), lambda: fenv(torch.zeros(5), torch.zeros(2, 2), 0),
                    lambda: fenv.reset(target_position=torch.zeros(3, 2)), lambda: fenv.reset(gain=torch.ones(3)),
                    lambda: FireflyEnv(batch_size=0), lambda: FireflyEnv(object())]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        """)
    #expect(output == """
        ValueError FireflyEnv: the action must have shape (2, 2) or (1, 2, 2), got [3, 2]
        ValueError FireflyEnv: the state must have shape (2, 5), got [5]
        ValueError FireflyEnv.reset: target_position must have shape (2, 2) or (2,), got [3, 2]
        ValueError FireflyEnv.reset: gain must have 2 elements (v, ω), got shape [3]
        ValueError FireflyEnv: batch_size must be at least 1, got 0
        ValueError FireflyEnv(): the config has no attribute 'DT' (FireflyEnv reads DT, EPISODE_LEN, TERMINAL_ACTION, goal_radius, initial_radius_range, relative_angle_range, process_gain_default, target_offT, pro_noise_std_ and obs_noise_std_)

        """)
}

/// A session snapshot copies the environment with its generator: the same targets, the
/// hidden target and the same noise after a rewind.
@Test func fireflyEnvSurvivesASnapshot() throws {
    let runner = SnapshotRunner()
    let (first, second, _) = try runner.twice("""
        fenv = FireflyEnv(batch_size=3)
        x = fenv.reset()
        """, """
        for t in range(4):
            x, reached = fenv(x, ones(3, 2) * 0.5, t)
        print(fenv.target_position.tolist(), x.tolist(), fenv.observe(x).tolist())
        print(bool((fenv.target_position_obs == 0).all()))
        """)
    #expect(first == second)
    #expect(first.hasSuffix("\nTrue\n"))
}
