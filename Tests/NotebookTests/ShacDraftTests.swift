import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Lab 4's SHAC draft (`notebooks/drafts/04-shac.md`): the short-horizon actor–critic runs to
/// the end for both architectures with a tiny budget, its critics have the paper's sizes (one
/// branch of `Critic1` and `Critic5`), its TD(λ) targets are the recursion it states, and the
/// target critic follows the critic by SHAC's α.
@Suite struct ShacDraftTests {
    /// Checks appended to the draft: they use its `td_lambda`, `soft_update` and critics.
    static let checks = """

    ```rnn
    rewards = [torch.tensor([1.0, 0.0]), torch.tensor([0.5, 2.0])]
    conts = [torch.tensor([0.5, 1.0]), torch.tensor([0.0, 0.5])]
    values = [torch.tensor([9.0, 9.0]), torch.tensor([4.0, 3.0])]
    G = td_lambda(rewards, conts, values)
    # G1 = r1; G0 = r0 + 0.97 c0 (0.05 v1 + 0.95 G1): the first value is never used
    expected = torch.tensor([[1 + 0.97 * 0.5 * (0.05 * 4 + 0.95 * 0.5), 0.97 * (0.05 * 3 + 0.95 * 2)], [0.5, 2.0]])
    assert_close(G, expected, rtol=1e-5, atol=1e-6)
    torch.manual_seed(2)
    critic, target = ModularCritic(2, 2, 2), ModularCritic(2, 2, 2)
    old = [p.detach().clone() for p in target.parameters()]
    soft_update(target, critic, 0.2)
    for t, o, c in zip(target.parameters(), old, critic.parameters()):
        assert_close(t, 0.2 * o + 0.8 * c, rtol=1e-5, atol=1e-7)
    q, (h, c) = HolisticCritic(2, 2, 2)(torch.zeros(3, 5, 6), torch.zeros(3, 5, 2), (torch.zeros(1, 5, 220), torch.zeros(1, 5, 220)))
    print("holistic Q", tuple(q.shape), tuple(h.shape))
    q, (h, c) = critic(torch.zeros(3, 5, 6), torch.zeros(3, 5, 2), (torch.zeros(1, 5, 128), torch.zeros(1, 5, 128)))
    print("modular Q", tuple(q.shape), tuple(h.shape))
    ```

    """

    @Test func theDraftRunsAndItsPiecesAreSHACs() throws {
        let printed = try DraftRun.printed("04-shac.md", appending: Self.checks, parameters: [
            ("n_trials", .int(64)), ("batch_size", .int(32)), ("eval_every", .int(32)), ("n_eval", .int(16)),
        ])
        try #require(printed.count == 4)
        #expect(printed[0] == """
            HolisticActor 201,082 parameters
            ModularActor 199,234 parameters
            HolisticCritic 202,621 parameters
            ModularCritic 199,533 parameters

            """)
        #expect(printed[2].contains("holistic seed 0:"), "\(printed[2])")
        #expect(printed[2].contains("modular seed 0:"), "\(printed[2])")
        #expect(printed[2].components(separatedBy: " trials: reward fraction ").count == 5, "two curve points per agent")
        #expect(printed[3] == "holistic Q (3, 5, 1) (1, 5, 220)\nmodular Q (3, 5, 1) (1, 5, 128)\n")
    }
}
