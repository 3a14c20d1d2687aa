import Testing
@testable import ScriptRuntime

/// PCA, LinearRegression, r2_score, state_r2 and find_fixed_points from the language
/// (docs/analysis.md). The numbers are those of AnalysisTests (numpy references).
let analysisCases: [ProgramCase] = [
    .init("""
          X = tensor([[2.5, 2.4, 1.0], [0.5, 0.7, 2.0], [2.2, 2.9, 0.5], [1.9, 2.2, 1.5], [3.1, 3.0, 0.2], [2.3, 2.7, 1.1]])
          pca = PCA(n_components=2).fit(X)
          print(pca, pca.components_.shape, pca.n_components_)
          print([round(v, 4) for v in pca.explained_variance_.tolist()], [round(v, 4) for v in pca.explained_variance_ratio_.tolist()])
          print([round(v, 4) for v in pca.components_[0].tolist()], [round(v, 4) for v in pca.mean_.tolist()])
          Z = PCA().fit_transform(X)
          print(Z.shape, [round(v, 4) for v in Z[0].tolist()])
          assert_close(pca.transform(X), Z[:, :2], atol=1e-5)
          """, """
          PCA(n_components=2) (2, 3) 2
          [1.7973, 0.0629] [0.9428, 0.033]
          [0.6375, 0.6191, -0.4586] [2.0833, 2.3167, 1.05]
          (6, 3) [0.3401, 0.1683, -0.1975]

          """),
    .init("from sklearn.decomposition import PCA\nPCA(0.95).fit(randn(20, 4)).n_components_ <= 4", "True\n"),
    .init("PCA().fit(randn(2, 5, 3))",
          "error: 1:1: PCA.fit() X: expected a 2-D tensor (samples, features), got shape (2, 5, 3); flatten trials and time first: x.reshape(-1, 3)\n"),
    .init("PCA(n_components=4).fit(randn(6, 3))",
          "error: 1:1: PCA.fit(): n_components=4 must be between 1 and min(n_samples, n_features)=3\n"),
    .init("PCA().components_", "error: 1:7: PCA.components_: this PCA is not fitted yet; call fit(X) first\n"),
    .init("""
          from sklearn.linear_model import LinearRegression
          from sklearn.metrics import r2_score
          x = tensor([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0], [4.0, 2.0]])
          y = x[:, 0] * 2.0 - x[:, 1] + 0.5
          reg = LinearRegression().fit(x, y)
          print(reg, [round(v, 4) for v in reg.coef_.tolist()], round(reg.intercept_, 4), round(reg.score(x, y), 6))
          Y = stack([y, 3.0 * x[:, 1]], dim=1)
          reg2 = LinearRegression(fit_intercept=False).fit(x, Y)
          print(reg2.coef_.shape, reg2.intercept_.tolist(), reg2.predict(x).shape)
          """, """
          LinearRegression() [2.0, -1.0] 0.5 1.0
          (2, 2) [0.0, 0.0] (4, 2)

          """),
    .init("""
          print(round(r2_score(tensor([3.0, -0.5, 2.0, 7.0]), tensor([2.5, 0.0, 2.0, 8.0])), 6))
          t = [[0.5, 1.0], [-1.0, 1.0], [7.0, -6.0]]
          p = [[0.0, 2.0], [-1.0, 2.0], [8.0, -5.0]]
          print(round(r2_score(t, p), 6), round(r2_score(t, p, multioutput='variance_weighted'), 6))
          print([round(v, 4) for v in r2_score(t, p, multioutput='raw_values').tolist()], round(r2_score(t, p, multioutput=[1, 0]), 6))
          print(r2_score([-2.0, -2.0, -2.0], [-2.0, -2.0, -2.0]), r2_score([-2.0, -2.0, -2.0], [-2.0, -2.0, -1.0]))
          """, """
          0.948608
          0.936801 0.938257
          [0.9654, 0.9082] 0.965438
          1.0 0.0

          """),
    .init("r2_score([1.0, 2.0], [1.0, 2.0], multioutput='mean')",
          "error: 1:1: r2_score(): multioutput must be 'raw_values', 'uniform_average', 'variance_weighted' or a list of weights, not 'mean'\n"),
    .init("""
          z = randn(4, 25, 3)
          print(round(state_r2(z, z @ tensor([[0.0, 1.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, -1.0]])), 4))
          print(state_r2(z, z[:, :, :1]) < 1.0)
          """, "1.0\nTrue\n"),
    .init("""
          A = tensor([[0.5, 0.2], [-0.3, 0.8]])
          b = tensor([1.0, -0.5])
          def step(h, u):
              return h @ A.T + b
          fps = find_fixed_points(step, zeros(1, 1), randn(8, 2), lr=0.1)
          print(fps, len(fps), fps.n, fps.xstar.shape)
          print([round(v, 3) for v in fps.xstar[0].tolist()], fps.qstar.item() < 1e-8, fps.is_stable)
          print([(round(re, 4), round(im, 4)) for re, im in fps.eigenvalues[0]], fps.jacobians.shape)
          """, """
          FixedPoints(n=1, stable=1, candidates=8, iterations=271) 1 1 (1, 2)
          [0.625, -3.438] True [True]
          [(0.65, 0.1936), (0.65, -0.1936)] (1, 2, 2)

          """),
    .init("""
          manual_seed(3)
          net = RNNNet(2, 6, 2)
          fps = find_fixed_points(net, zeros(2), randn(16, 6) * 0.5, max_iters=500, lr=0.05)
          print(fps.xstar.shape[1], len(fps.is_stable) == fps.n, net.rnn.W_rec.grad is None)
          lstm = LSTM(2, 3)
          print(find_fixed_points(lstm, zeros(2), zeros(4, 6), max_iters=20).xstar.shape[1])
          """, "6 True True\n6\n"),
    .init("def step(h, u):\n    return h.sum()\nfind_fixed_points(step, zeros(1), zeros(3, 2))",
          "error: 3:1: find_fixed_points(): the step function returned shape () for states of shape (3, 2); it must return the next state, shaped like x\n"),
    .init("find_fixed_points(3, zeros(1), zeros(3, 2))",
          "error: 1:1: find_fixed_points(): step must be a recurrent model or a function step(h, u), not int\n"),
]

@Test(arguments: analysisCases) func analysisBindings(_ program: ProgramCase) { check(program) }
