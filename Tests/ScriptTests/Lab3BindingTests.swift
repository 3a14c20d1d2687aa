import Diagnostics
import Testing
@testable import ScriptRuntime

/// Lab 3's bindings: matplotlib's 3-D axes (`projection='3d'`, `ax.plot`/`ax.scatter` with
/// x, y, z and per-point `c=`), the flip-flop's `render`/`render_3d`, `FixedPoints`'
/// `get_unique`, `tol_unique` and indexing, `adaptive_lr=False`, and PyTorch's
/// `randint(high, size=…)` and `ones_like(x, dtype=…)`.
let lab3Cases: [ProgramCase] = [
    .init("""
          fig = plt.figure(figsize=(5, 5))
          ax = fig.add_subplot(projection='3d')
          ax.plot([0, 1, 1], [0, 0, 1], [0, 1, 1], 'o-', color='gray')
          ax.scatter([0, 1], [0, 1], [0, 1], c=['red', 'tab:blue'], s=40)
          ax.scatter([0, 1], [1, 0], [1, 0], c=[[1, 0, 0], [0, 0.5, 1]])
          ax.scatter([0, 1, 2], [1, 0, 2], [1, 0, 3], c=[0.1, 0.5, 0.9], cmap='magma')
          ax.scatter([2], [2], 1.5, c='k')
          ax.set_zlabel('z')
          ax.set_zlim(0, 2)
          ax.view_init(elev=20, azim=30)
          ax.set_title('cube')
          """, "<figure cube>\n"),
    .init("ax = plt.subplot(1, 2, 1, projection='3d')\nax.plot([1], [2], [3])\nplt.subplot(1, 2, 2)\nplt.plot([1, 2])\nplt.title('mixed')",
          "<figure mixed>\n"),
    .init("fig = plt.figure()\nax = fig.add_subplot(111, projection='3d')\nax.plot([1, 2], [1, 2])",
          "<figure >\nerror: 3:1: plot() on 3-D axes takes xs, ys and zs (and an optional format string), got 2 arrays\n"),
    .init("ax = plt.subplot(111, projection='polar')",
          "error: 1:6: subplot(): projection 'polar' is not available in rnnbook; use None or '3d'\n"),
    .init("plt.plot([1, 2])\nplt.subplot(111, projection='3d')",
          "<figure >\nerror: 2:1: projection='3d': this subplot already holds 2-D plots\n"),
    .init("ax = plt.subplot(projection='3d')\nax.scatter([1, 2], [1, 2], [1, 2], c=['red'])",
          "<figure >\nerror: 2:1: scatter3d: x has 2 points but c has 1\n"),
    .init("ax = plt.subplot(projection='3d')\nax.scatter([1], [1], [1], c=[[2, 0, 0]])",
          "<figure >\nerror: 2:1: scatter(): RGB(A) values in c must lie in [0, 1]\n"),
    .init("ax = plt.subplot(projection='3d')\nax.scatter([1], [1], [1], zdir='x')",
          "<figure >\nerror: 2:1: scatter(): only zdir='z' is available in rnnbook; pass the coordinates in x, y, z order\n"),
    .init("ax = plt.subplot(projection='3d')\nax.scatter([1], [1], [1], c=['nocolour'])",
          "<figure >\nerror: 2:1: scatter3d: unknown colour 'nocolour' (use a name like 'red', 'C0'…'C9', or hex like '#1f77b4')\n"),
    // 2-D scatter is unchanged: its third argument is s.
    .init("plt.scatter([1, 2], [3, 4], 30, c=[0, 1])\nplt.title('flat')", "<figure flat>\n"),
    .init("env = NBitFlipFlop(n=3, n_timesteps=50, noise=0.1, switch_prob=0.05)\nenv.render()\nenv.render_3d(n_trials=2)\nprint(len(plt.gcf().axes))",
          "2\n<figure >\n<figure Trial 1>\n"),
    .init("env = NBitFlipFlop(n=2, n_timesteps=20, noise=0.1)\nenv.render_3d(n_trials=2)\nprint('nothing')", "nothing\n"),
    .init("""
          import torch
          def step(h, u):
              return torch.tanh(2.0 * h)
          fps = find_fixed_points(step, torch.zeros(1), torch.linspace(-1, 1, 9).reshape(9, 1), max_iters=300, lr=0.05,
                                  tol_q=0, tol_dq=0, tol_unique=0, outlier_distance_scale=None, adaptive_lr=False)
          print(len(fps), fps.n_iters, fps.tol_unique, fps.J_xstar.shape)
          fps.tol_unique = 0.05
          unique = fps.get_unique()
          print(len(unique), sorted([round(x, 2) for x in unique.xstar[:, 0].tolist()]), unique.is_stable)
          print(len(fps[fps.qstar < 1e-4]), len(fps[[0, -1]]), len(fps[2:5]), fps[0].xstar.shape, unique[1].tol_unique)
          """, "7 300 0.0 (7, 1, 1)\n3 [-0.96, 0.0, 0.96] [True, False, True]\n7 2 3 (1, 1) 0.05\n"),
    .init("import torch\nfps = find_fixed_points(lambda h, u: 0.5 * h, torch.zeros(1), torch.ones(3, 1), max_iters=5)\nfps[3]",
          "error: 3:1: index 3 is out of bounds for FixedPoints with 1 points\n"),
    .init("import torch\nfps = find_fixed_points(lambda h, u: 0.5 * h, torch.zeros(1), torch.ones(3, 1), max_iters=5)\nfps.tol_unique = -1",
          "error: 3:5: tol_unique must be a finite number ≥ 0, got -1.0\n"),
    .init("import torch\nfps = find_fixed_points(lambda h, u: 0.5 * h, torch.zeros(1), torch.ones(3, 1), max_iters=5)\nfps[[True, False]]",
          "error: 3:1: boolean index has 2 entries but there are 1 fixed points\n"),
    .init("import torch\nmanual_seed(0)\nx = torch.randint(10, size=(4,))\ny = torch.randint(3, (2, 2))\nz = torch.randint(5, 7, (3,))\n"
          + "print(x.shape, y.shape, bool(((z >= 5) & (z < 7)).all()), bool((x < 10).all()))",
          "torch.Size([4]) torch.Size([2, 2]) True True\n"),
    .init("import torch\ntorch.randint(10)", "error: 2:1: randint() missing required argument 'size'\n"),
    .init("import torch\nm = torch.ones_like(torch.tensor([True, False]), dtype=torch.float)\nprint(m, m.dtype, torch.zeros_like(torch.tensor([1, 2])).dtype)",
          "tensor([1., 1.]) torch.float32 torch.int64\n"),
]

@Suite struct Lab3BindingTests {
    @Test(arguments: lab3Cases)
    func programs(_ program: ProgramCase) {
        check(program)
    }

    /// The cube's corners come out one colour each: one marker path per colour.
    @Test func pointColoursGroupMarkersByColour() throws {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: "a\n")
        let code = "ax = plt.subplot(projection='3d')\nax.scatter([0, 1, 0, 1], [0, 0, 1, 1], [0, 1, 1, 0], c=['red', 'blue', 'red', '#00ff00'])"
        let result = session.run(code, origin: BlockOrigin(file: file, line: 1))
        guard case .figure(let svg, _)? = result.outputs.last else {
            Issue.record("expected a figure")
            return
        }
        for colour in ["#ff0000", "#0000ff", "#00ff00"] {
            #expect(svg.components(separatedBy: "fill=\"\(colour)\"").count - 1 == 1, "\(colour)")
        }
    }
}
