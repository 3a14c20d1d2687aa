import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Lab 4's actor–critic draft (`notebooks/drafts/04-actor-critic.md`): the paper's TD3 for
/// recurrent agents runs to the end with a tiny budget, its critics have the paper's sizes,
/// and its update does what TD3 does (delayed actor update, soft target update by τ, the
/// critic fitting the rewards of a fixed batch whose every step ends a trial, where the
/// target is the reward alone).
@Suite struct ActorCriticDraftTests {
    /// Checks appended to the draft: they use its `Agent`, `soft_update` and `fake_trials`.
    static let checks = """

    ```rnn
    torch.manual_seed(1)
    agent = Agent(HolisticActor, HolisticCritic, memory_size=8, batch_size=8, lr=1e-3)
    states, actions, rewards, dones, masks = fake_trials(8)
    rewards = torch.rand(35, 8)
    dones = torch.ones(35, 8)
    agent.push(states, actions, rewards, dones, masks)
    copy = lambda m: [p.detach().clone() for p in m.parameters()]
    actor_before, critic_before, target_before = copy(agent.actor), copy(agent.critic), copy(agent.target_critic)
    first_loss = agent.update_parameters(states, actions, rewards, dones, masks)
    actor_after, critic_after = copy(agent.actor), copy(agent.critic)
    print("actor moved at it 0:", any([(a - b).abs().max().item() > 0 for a, b in zip(actor_after, actor_before)]))
    for t, old, new in zip(agent.target_critic.parameters(), target_before, critic_after):
        assert_close(t, 0.995 * old + 0.005 * new, rtol=1e-5, atol=1e-7)
    agent.update_parameters(states, actions, rewards, dones, masks)
    print("actor moved at it 1:", any([(a - b).abs().max().item() > 0 for a, b in zip(copy(agent.actor), actor_after)]))
    for _ in range(22):
        last_loss = agent.update_parameters(states, actions, rewards, dones, masks)
    print("critic loss fell below half:", last_loss < 0.5 * first_loss, agent.it)
    s, a, r, d, m = agent.sample()
    print("sampled", tuple(s.shape), tuple(a.shape), tuple(m.shape))
    ```

    """

    @Test func theDraftRunsAndItsUpdateIsTD3s() throws {
        let printed = try DraftRun.printed("04-actor-critic.md", appending: Self.checks, parameters: [
            ("batch_size", .int(8)), ("n_envs", .int(8)), ("n_trials", .int(8)),
            ("updates_per_batch", .int(1)), ("n_timed", .int(1)), ("n_eval", .int(8)),
        ])
        try #require(printed.count == 5)
        #expect(printed[0] == """
            HolisticActor: 201082 parameters; HolisticCritic (twin): 405242
            ModularActor: 199234 parameters; ModularCritic (twin): 399066

            """)
        #expect(printed[2].contains("holistic: 10^5 updates (the paper's run) would take more than an hour of CPU"))
        #expect(printed[3].contains("holistic: 8 trials, 1 updates;"), "\(printed[3])")
        #expect(printed[3].contains("modular: 8 trials, 1 updates;"), "\(printed[3])")
        #expect(printed[4] == """
            actor moved at it 0: True
            actor moved at it 1: False
            critic loss fell below half: True 24
            sampled (36, 8, 6) (35, 8, 2) (35, 8)

            """)
    }
}
