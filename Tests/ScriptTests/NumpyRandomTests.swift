import Diagnostics
import Testing
@testable import ScriptRuntime

/// np.random and default_rng (seeded, deterministic; checked by their laws, since the numbers
/// are rnnbook's own), train_test_split, Ridge from the language, and the tensor side.
let numpyRandomCases: [ProgramCase] = [
    .init("""
          import numpy as np
          np.random.seed(3)
          a = np.random.rand(3)
          np.random.seed(3)
          print(np.array_equal(a, np.random.rand(3)), a.shape, a.dtype, type(np.random.random()), type(np.random.randint(5)))
          print(np.random.randn(2, 3).shape, np.random.random((2, 2)).shape, type(np.random.rand()))
          r = np.random.randint(0, 10, size=(4, 5))
          print(r.dtype, np.min(r) >= 0, np.max(r) <= 9, np.max(np.random.randint(3, size=4)) < 3)
          u = np.random.uniform(2, 3, size=1000)
          print(np.min(u) >= 2, np.max(u) < 3, abs(np.mean(np.random.normal(5, 0.1, size=1000)) - 5) < 0.02)
          print(np.sort(np.random.choice(np.arange(10), size=10, replace=False)).tolist(), np.sort(np.random.permutation(5)).tolist())
          g = np.random.geometric(0.5, size=2000)
          print(g.dtype, np.min(g), abs(np.mean(g) - 2) < 0.1, np.random.choice(3, size=5, p=[0.0, 1.0, 0.0]).tolist())
          print(np.random.choice(["a", "b"]) in ["a", "b"], type(np.random.choice(2 ** 32)), np.random.exponential(2.0, size=(2,)).shape)
          """, """
          True (3,) torch.float32 <class 'float'> <class 'int'>
          (2, 3) (2, 2) <class 'float'>
          torch.int64 True True True
          True True True
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [0, 1, 2, 3, 4]
          torch.int64 1 True [1, 1, 1, 1, 1]
          True <class 'int'> (2,)

          """),
    .init("""
          import numpy as np
          items = [1, 2, 3, 4, 5]
          np.random.shuffle(items)
          rows = np.arange(6).reshape(3, 2)
          np.random.shuffle(rows)
          print(sorted(items), sorted(rows[:, 0].tolist()), (rows[:, 1] - rows[:, 0]).tolist(), np.random.shuffle(items))
          rng1, rng2 = np.random.default_rng(0), np.random.default_rng(0)
          print(rng1.random() == rng2.random(), rng1.normal(size=3).shape, np.max(rng1.integers(0, 3, size=100)), np.max(rng1.integers(1, 3, endpoint=True, size=200)))
          print(rng1.uniform(1, 2) >= 1, np.sort(rng1.permutation(np.array([3, 1, 2]))).tolist(), rng1.choice(4, size=2, replace=False).shape, rng1)
          rs = np.random.RandomState(4)
          first = rs.rand(2)
          rs.seed(4)
          np.random.seed(4)
          print(rs, np.array_equal(first, rs.rand(2)), np.array_equal(first, np.random.rand(2)), rs.randint(0, 3, size=3).shape)
          """, """
          [1, 2, 3, 4, 5] [0, 2, 4] [1, 1, 1] None
          True (3,) 2 3
          True [1, 2, 3] (2,) Generator(xoshiro256**)
          RandomState(xoshiro256**) True True (3,)

          """),
    .init("""
          from sklearn.model_selection import train_test_split
          import numpy as np
          X = np.arange(20).reshape(10, 2)
          y = np.arange(10)
          Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=42)
          print(Xtr.shape, Xte.shape, ytr.shape, yte.shape, sorted(ytr.tolist() + yte.tolist()) == list(range(10)), np.all(Xtr[:, 0] // 2 == ytr))
          A, B = train_test_split(X, random_state=42)
          print(np.array_equal(A, Xtr), np.array_equal(B, Xte))
          print([t.tolist() for t in train_test_split([1, 2, 3, 4, 5], shuffle=False, test_size=2)], len(train_test_split(y, train_size=0.5)[0]))
          """, """
          (7, 2) (3, 2) (7,) (3,) True True
          True True
          [[1, 2, 3], [4, 5]] 5

          """),
    .init("""
          from sklearn.linear_model import Ridge
          import numpy as np
          X = np.array([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0], [4.0, 2.0], [5.0, 3.0]])
          y = X[:, 0] * 2.0 - X[:, 1] + 0.5
          r = Ridge(alpha=0.1).fit(X, y)
          print(r, [round(v, 6) for v in r.coef_.tolist()], round(r.intercept_, 9), round(r.score(X, y), 9), r.predict(X[:2]).shape)
          Y = np.stack([y, 3 * X[:, 1] + 1], axis=1)
          r2 = Ridge(2.0, fit_intercept=False).fit(X, Y)
          print(Ridge(), r2, r2.alpha, r2.coef_.shape, r2.intercept_.tolist(), [round(v, 5) for v in r2.coef_[1].tolist()])
          """, """
          Ridge(alpha=0.1) [1.96374, -0.976254] 0.55653759 0.99964781 (2,)
          Ridge() Ridge(alpha=2.0, fit_intercept=False) 2.0 (2, 2) [0.0, 0.0] [0.56309, 2.57259]

          """),
    .init("""
          import numpy as np
          import torch
          a = np.zeros(2)
          t = torch.from_numpy(a)
          t[0] = 5.0
          w = tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
          w.sum(axis=0, keepdims=True).sum().backward()
          print(a, np.arange(6).reshape(2, 3).size, torch.ones(2, 3).size(), torch.ones(2).size(0), t.type(), np.newaxis)
          print(w.grad.tolist(), torch.from_numpy(np.array([1, 2])).type(torch.float), np.ones((3, 2))[:, np.newaxis, :].shape)
          print(np.float64, np.float64(2), np.int32(7.9), np.array([1.7]).astype("int64"), np.array([1, 0]).astype(np.bool_))
          b = np.array([1.0, 2.0, 3.0, 4.0])
          print(b.std(), torch.from_numpy(b).std(), torch.from_numpy(b).numpy().std(), tensor([1.0, 3.0]).mean(axis=0), np.asarray(tensor([1.0, 3.0])).std())
          """, """
          [5. 0.] 6 torch.Size([2, 3]) 2 torch.FloatTensor None
          [[1.0, 1.0], [1.0, 1.0]] tensor([1., 2.]) (3, 1, 2)
          <class 'numpy.float64'> 2.0 7 [1] [ True False]
          1.118033988749895 tensor(1.2910) 1.118033988749895 tensor(2.) 1.0

          """),
]

@Test(arguments: numpyRandomCases) func numpyRandomAndScience(_ program: ProgramCase) { check(program) }

/// The np.random stream is the session's: two sessions with one seed draw the same numbers,
/// and a snapshot restores the stream and the default_rng Generators it holds.
@Test func numpyRandomIsSeededBySessionAndSnapshotted() throws {
    let draw = "import numpy as np\nprint(np.random.rand(2).tolist(), np.random.randint(0, 1000))"
    #expect(run(draw) == run(draw))
    let session = ScriptSession(seed: 5)
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 10))
    func block(_ code: String) -> String { render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs) }
    _ = block("""
        import numpy as np
        from sklearn.linear_model import Ridge
        from sklearn.decomposition import PCA
        rng = np.random.default_rng(7)
        model = Ridge().fit([[1.0], [2.0]], [1.0, 3.0])
        pca = PCA(1).fit([[1.0, 2.0], [2.0, 1.0], [0.0, 0.5]])
        arr = np.arange(3.0)
        """)
    let snapshot = try session.snapshot()
    let use = "print(np.random.rand(), rng.random(), model.coef_.tolist(), pca.n_components_, arr.std())"
    let first = block(use)
    try session.restore(snapshot)
    #expect(block(use) == first)
    #expect(first.hasSuffix(" [0.6666666865348816] 1 0.816496580927726\n"))  // Ridge: 1 / (0.5 + α)
}
