import Testing
@testable import ScriptRuntime

/// numpy programs whose expected output is what numpy 2.4.6 printed for the same program
/// (`a(x)` prints an array's shape and its values rounded to 4 places, so float32 storage
/// does not show; scalars print as numpy's do). Each program starts with `numpyPrelude`.
let numpyPrelude = """
    import numpy as np
    def a(x):
        return (np.shape(x), [round(v, 4) for v in np.ravel(x).tolist()])

    """

let numpyReferenceCases: [ProgramCase] = [
    .init("""
          x = np.array([[1, 2, 3], [4, 5, 6]])
          print(a(x), x.size, x.ndim, x.shape)
          print(a(np.array([[1.5, 2], [3, 4]])), a(np.array([True, False])), a(np.array([[1, 2]], dtype=np.float64)))
          print(a(np.asarray([1, 2])), a(np.array(np.array([1, 2]))), a(np.array([np.array([1, 2]), np.array([3, 4])])))
          """,
          """
          ((2, 3), [1, 2, 3, 4, 5, 6]) 6 2 (2, 3)
          ((2, 2), [1.5, 2.0, 3.0, 4.0]) ((2,), [1, 0]) ((1, 2), [1.0, 2.0])
          ((2,), [1, 2]) ((2,), [1, 2]) ((2, 2), [1, 2, 3, 4])

          """),
    .init("""
          print(a(np.zeros(3)), a(np.ones((2, 2))), a(np.full((2,), 7)), a(np.full(3, 0.5)), np.empty((1, 2)).shape)
          print(a(np.zeros((2, 1), dtype=np.int64)), a(np.ones(2, dtype=int)), a(np.zeros_like(np.array([[1, 2]]))), a(np.ones_like([1.0, 2.0])))
          print(a(np.arange(5)), a(np.arange(2, 8, 2)), a(np.arange(0.0, 1.0, 0.25)), a(np.arange(1, 2, 0.3)), a(np.arange(5, 0, -2)))
          print(a(np.linspace(0, 1, 5)), a(np.linspace(-235, 235)[:3]), a(np.linspace(0, 1, 4, endpoint=False)), a(np.eye(2)), a(np.eye(2, 3, k=1)))
          """,
          """
          ((3,), [0.0, 0.0, 0.0]) ((2, 2), [1.0, 1.0, 1.0, 1.0]) ((2,), [7, 7]) ((3,), [0.5, 0.5, 0.5]) (1, 2)
          ((2, 1), [0, 0]) ((2,), [1, 1]) ((1, 2), [0, 0]) ((2,), [1.0, 1.0])
          ((5,), [0, 1, 2, 3, 4]) ((3,), [2, 4, 6]) ((4,), [0.0, 0.25, 0.5, 0.75]) ((4,), [1.0, 1.3, 1.6, 1.9]) ((3,), [5, 3, 1])
          ((5,), [0.0, 0.25, 0.5, 0.75, 1.0]) ((3,), [-235.0, -225.4082, -215.8163]) ((4,), [0.0, 0.25, 0.5, 0.75]) ((2, 2), [1.0, 0.0, 0.0, 1.0]) ((2, 3), [0.0, 1.0, 0.0, 0.0, 0.0, 1.0])

          """),
    .init("""
          print(np.sqrt(2.0), np.exp(1), np.log(10.0), np.sin(0.5), np.cos(0.5), np.tan(np.deg2rad(55)), np.arctan2(1.0, -2.0))
          print(a(np.sqrt([1, 4, 9])), a(np.abs([-1, 2])), a(np.abs([-1.5, 2])), a(np.sign([-3, 0, 2])), a(np.square([2, 3])))
          print(a(np.rad2deg([np.pi, 1])), a(np.degrees([0.5])), a(np.radians([90])), a(np.arcsin([0.5])), a(np.arccos([0.5])), a(np.arctan([1.0])))
          print(a(np.floor([1.5, -1.5])), a(np.ceil([1.2, -1.2])), a(np.isnan([1.0, np.nan])), np.pi, np.e, np.inf, np.isnan(np.nan))
          """,
          """
          1.4142135623730951 2.718281828459045 2.302585092994046 0.479425538604203 0.8775825618903728 1.4281480067421144 2.677945044588987
          ((3,), [1.0, 2.0, 3.0]) ((2,), [1, 2]) ((2,), [1.5, 2.0]) ((3,), [-1, 0, 1]) ((2,), [4, 9])
          ((2,), [180.0, 57.2958]) ((1,), [28.6479]) ((1,), [1.5708]) ((1,), [0.5236]) ((1,), [1.0472]) ((1,), [0.7854])
          ((2,), [1.0, -2.0]) ((2,), [2.0, -1.0]) ((2,), [0, 1]) 3.141592653589793 2.718281828459045 inf True

          """),
    .init("""
          print(a(np.maximum([1, 5], 3)), a(np.minimum([1.0, 5.0], [2.0, 4.0])), a(np.maximum(np.array([[1], [4]]), np.array([2, 3]))))
          print(a(np.power([2, 3], 2)), a(np.power(2.0, [0.5, -1])), a(np.arctan2([1.0, -1.0], [1.0, 1.0])))
          print(a(np.clip([1, 5, 9], 2, 6)), a(np.clip([1, 5, 9], 2.5, None)), a(np.clip(np.array([0.5, 1.5]), 0, 1)))
          print(np.round(2.5), np.round(3.5), np.round(-0.5), np.around(3.14159, 2), np.round(1234.5, -1), a(np.around([0.125, 2.675], 2)), a(np.round([15, 25], -1)))
          """,
          """
          ((2,), [3, 5]) ((2,), [1.0, 4.0]) ((2, 2), [2, 3, 4, 4])
          ((2,), [4, 9]) ((2,), [1.4142, 0.5]) ((2,), [0.7854, -0.7854])
          ((3,), [2, 5, 6]) ((3,), [2.5, 5.0, 9.0]) ((2,), [0.5, 1.0])
          2.0 4.0 -0.0 3.14 1230.0 ((2,), [0.12, 2.68]) ((2,), [20, 20])

          """),
    .init("""
          c = np.array([1, 0, 3, 0])
          print(np.where(c > 0)[0].tolist(), a(np.where(c > 0, c, -1)), a(np.where([True, False], 1.5, 2)))
          r, k = np.where(np.array([[0, 1], [1, 0]]))
          print(r.tolist(), k.tolist(), len(np.nonzero(c)), np.nonzero(c)[0].tolist())
          print(np.allclose([1.0, 2.0], [1.0, 2.0000001]), np.allclose([1.0], [1.1]), a(np.isclose([1.0, 2.0], [1.0, 2.1])), np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 3]))
          """,
          """
          [0, 2] ((4,), [1, -1, 3, -1]) ((2,), [1.5, 2.0])
          [0, 1] [1, 0] 1 [0, 2]
          True False ((2,), [1, 0]) True False

          """),
    .init("""
          x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
          print(np.sum(x), a(np.sum(x, axis=0)), a(np.sum(x, axis=1, keepdims=True)), np.sum([1, 2, 3]), np.sum([True, True, False]))
          print(np.mean(x), a(np.mean(x, axis=1)), np.mean([0.1, 0.2, 0.4]), np.mean([True, False, True]), a(np.mean(x, axis=-1, keepdims=True)))
          print(np.std(x), a(np.std(x, axis=0)), a(np.std(x, axis=1, ddof=1)), np.var([1, 2, 3, 4]), np.var([1, 2, 3, 4], ddof=1))
          print(np.min(x), np.max(x), a(np.max(x, axis=0)), a(np.min(x, axis=1)), np.amax([3, 9, 2]), np.max([1, np.nan]))
          """,
          """
          22.0 ((3,), [5.0, 7.0, 10.0]) ((2, 1), [6.0, 16.0]) 6 2
          3.6666666666666665 ((2,), [2.0, 5.3333]) 0.23333333333333336 0.6666666666666666 ((2, 1), [2.0, 5.3333])
          1.9720265943665387 ((3,), [1.5, 1.5, 2.0]) ((2,), [1.0, 1.5275]) 1.25 1.6666666666666667
          1.0 7.0 ((3,), [4.0, 5.0, 7.0]) ((2,), [1.0, 4.0]) 9 nan

          """),
    .init("""
          x = np.array([[1, 9, 3], [7, 2, 8]])
          print(np.argmax(x), np.argmin(x), a(np.argmax(x, axis=0)), a(np.argmin(x, axis=1)), np.argmax([1, 5, 5]))
          print(np.median([3, 1, 2]), np.median([4, 1, 3, 2]), a(np.median(x, axis=0)), np.median(x))
          print(a(np.percentile([1, 2, 3, 4], [25, 50, 75])), np.percentile([1, 2, 3, 4], 40), a(np.percentile(x, 50, axis=1)), a(np.percentile(x, [10, 90], axis=0)), np.quantile([1, 2, 3, 4], 0.5))
          print(a(np.cumsum([1, 2, 3])), a(np.cumsum(x)), a(np.cumsum(x, axis=0)), a(np.cumprod([1.5, 2, 3])), a(np.diff([1, 4, 9, 16])), a(np.diff([1, 4, 9, 16], n=2)), a(np.diff(x, axis=0)))
          """,
          """
          1 0 ((3,), [1, 0, 1]) ((2,), [0, 1]) 1
          2.0 2.5 ((3,), [4.0, 5.5, 5.5]) 5.0
          ((3,), [1.75, 2.5, 3.25]) 2.2 ((2,), [3.0, 7.0]) ((2, 3), [1.6, 2.7, 3.5, 6.4, 8.3, 7.5]) 2.5
          ((3,), [1, 3, 6]) ((6,), [1, 10, 13, 20, 22, 30]) ((2, 3), [1, 9, 3, 8, 11, 11]) ((3,), [1.5, 3.0, 9.0]) ((3,), [3, 5, 7]) ((2,), [2, 2]) ((1, 3), [6, -7, 5])

          """),
    .init("""
          x = np.array([[1, 0, 3], [0, 0, 8]])
          print(np.prod([1, 2, 3, 4]), a(np.prod(x, axis=1)), np.any(x), a(np.any(x, axis=0)), np.all(x), a(np.all(x > -1, axis=1)))
          print(np.count_nonzero(x), a(np.count_nonzero(x, axis=0)), np.nanmean([1.0, np.nan, 3.0]), np.nansum([1.0, np.nan]), np.nanmax([1.0, np.nan, 3.0]))
          u, n = np.unique([3, 1, 2, 3, 1], return_counts=True)
          print(a(np.unique([3, 1, 3])), a(u), a(n))
          h, edges = np.histogram([1, 2, 2, 3, 7], bins=3)
          h2, e2 = np.histogram([0.5, 1.5, 1.5, 2.0], bins=[0, 1, 2])
          print(a(h), a(edges), a(h2), a(e2), a(np.histogram([1, 2, 3, 4], bins=2, range=(0, 4))[0]))
          """,
          """
          24 ((2,), [0, 0]) True ((3,), [1, 0, 1]) False ((2,), [1, 1])
          3 ((3,), [1, 0, 2]) 2.0 1.0 3.0
          ((2,), [1, 3]) ((3,), [1, 2, 3]) ((3,), [2, 1, 2])
          ((3,), [3, 1, 1]) ((4,), [1.0, 3.0, 5.0, 7.0]) ((2,), [1, 3]) ((3,), [0, 1, 2]) ((2,), [1, 3])

          """),
    .init("""
          p = np.array([1, 2])
          q = np.array([3, 4])
          print(a(np.concatenate([p, q])), a(np.concatenate([np.ones((1, 2)), np.zeros((2, 2))], axis=0)), a(np.concatenate([np.ones((2, 1)), np.zeros((2, 2))], axis=1)))
          print(a(np.stack([p, q])), a(np.stack([p, q], axis=1)), a(np.vstack([p, q])), a(np.hstack([p, q])), a(np.hstack([np.ones((2, 1)), np.zeros((2, 1))])))
          print(a(np.column_stack([p, q])), a(np.vstack([np.ones((1, 2)), p])), a(np.hstack([np.array(1.0), np.array(2.0)])), a(np.concatenate([[1.5], [2]], axis=None)))
          """,
          """
          ((4,), [1, 2, 3, 4]) ((3, 2), [1.0, 1.0, 0.0, 0.0, 0.0, 0.0]) ((2, 3), [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
          ((2, 2), [1, 2, 3, 4]) ((2, 2), [1, 3, 2, 4]) ((2, 2), [1, 2, 3, 4]) ((4,), [1, 2, 3, 4]) ((2, 2), [1.0, 0.0, 1.0, 0.0])
          ((2, 2), [1, 3, 2, 4]) ((2, 2), [1.0, 1.0, 1.0, 2.0]) ((2,), [1.0, 2.0]) ((2,), [1.5, 2.0])

          """),
    .init("""
          x = np.arange(6)
          print(a(np.reshape(x, (2, 3))), a(np.reshape(x, (3, -1))), a(np.transpose(np.reshape(x, (2, 3)))), a(np.ravel(np.ones((2, 2)))))
          print(a(np.sort([3, 1, 2])), a(np.sort(np.array([[3, 1], [0, 2]]))), a(np.sort(np.array([[3, 1], [0, 2]]), axis=0)), a(np.argsort([3, 1, 2])), a(np.sort([2.0, np.nan, 1.0])))
          print(a(np.flip([1, 2, 3])), a(np.flip(np.array([[1, 2], [3, 4]]), axis=1)), a(np.roll([1, 2, 3, 4], 1)), a(np.roll(np.array([[1, 2], [3, 4]]), -1, axis=1)))
          print(a(np.tile([1, 2], 2)), a(np.tile([1, 2], (2, 1))), a(np.repeat([1, 2], 2)), a(np.repeat(np.array([[1, 2], [3, 4]]), 2, axis=0)), a(np.squeeze(np.ones((1, 2, 1)))), a(np.expand_dims([1, 2], 0)))
          """,
          """
          ((2, 3), [0, 1, 2, 3, 4, 5]) ((3, 2), [0, 1, 2, 3, 4, 5]) ((3, 2), [0, 3, 1, 4, 2, 5]) ((4,), [1.0, 1.0, 1.0, 1.0])
          ((3,), [1, 2, 3]) ((2, 2), [1, 3, 0, 2]) ((2, 2), [0, 1, 3, 2]) ((3,), [1, 2, 0]) ((3,), [1.0, 2.0, nan])
          ((3,), [3, 2, 1]) ((2, 2), [2, 1, 4, 3]) ((4,), [4, 1, 2, 3]) ((2, 2), [2, 1, 4, 3])
          ((4,), [1, 2, 1, 2]) ((2, 2), [1, 2, 1, 2]) ((4,), [1, 1, 2, 2]) ((4, 2), [1, 2, 1, 2, 3, 4, 3, 4]) ((2,), [1.0, 1.0]) ((1, 2), [1, 2])

          """),
    .init("""
          m = np.array([[1.0, 2.0], [3.0, 4.0]])
          v = np.array([1.0, -1.0])
          print(np.dot([1, 2], [3, 4]), a(np.dot(m, v)), a(np.dot(v, m)), a(np.dot(m, m)), a(np.matmul(m, m)), a(np.dot(2, m)), a(np.outer([1, 2], [3, 4, 5])))
          print(np.linalg.norm([3.0, 4.0]), np.linalg.norm(m), a(np.linalg.norm(m, axis=1)), a(np.linalg.norm(m, axis=0)), np.linalg.norm([3.0, -4.0], ord=1), np.linalg.norm([3.0, -4.0], np.inf))
          print(np.float64(3), np.float64("2.5"), np.int64(2.7), np.int32(-2.7), a(np.array([1.7, -2.7]).astype(np.int64)), a(np.array([0, 2]).astype(bool)), a(np.array([1, 2]).astype(np.float32)))
          """,
          """
          11 ((2,), [-1.0, -1.0]) ((2,), [-2.0, -2.0]) ((2, 2), [7.0, 10.0, 15.0, 22.0]) ((2, 2), [7.0, 10.0, 15.0, 22.0]) ((2, 2), [2.0, 4.0, 6.0, 8.0]) ((2, 3), [3, 4, 5, 6, 8, 10])
          5.0 5.477225575051661 ((2,), [2.2361, 5.0]) ((2,), [3.1623, 4.4721]) 7.0 4.0
          3.0 2.5 2 -2 ((2,), [1, -2]) ((2,), [0, 1]) ((2,), [1.0, 2.0])

          """),
    .init("""
          x = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
          print(a(x.mean(axis=0)), a(x.mean(axis=1)), a(x.sum(axis=1, keepdims=True)), a(x.std(axis=0, ddof=0)), a(x.var(axis=1, ddof=1)))
          print(x.argmax(axis=1).tolist(), a(x.cumsum(axis=1)), a(x.astype(np.int64)), a(x.copy()), a(x.T), x.size, a(x.reshape(3, 2)), a(x.flatten()))
          print(a(np.array([1, 2, 3]).mean(axis=0, keepdims=True)), np.array([[True, False]]).any(axis=1).tolist(), a(np.array([1, 2, 3]).prod(axis=0, keepdims=True)))
          """,
          """
          ((3,), [2.0, 3.5, 6.5]) ((2,), [2.3333, 5.6667]) ((2, 1), [7.0, 17.0]) ((3,), [1.0, 1.5, 2.5]) ((2,), [2.3333, 9.3333])
          [2, 2] ((2, 3), [1.0, 3.0, 7.0, 3.0, 8.0, 17.0]) ((2, 3), [1, 2, 4, 3, 5, 9]) ((2, 3), [1.0, 2.0, 4.0, 3.0, 5.0, 9.0]) ((3, 2), [1.0, 3.0, 2.0, 5.0, 4.0, 9.0]) 6 ((3, 2), [1.0, 2.0, 4.0, 3.0, 5.0, 9.0]) ((6,), [1.0, 2.0, 4.0, 3.0, 5.0, 9.0])
          ((1,), [2.0]) [True] ((1,), [6])

          """),
    .init("""
          value = np.array([1.0, 5.0, 2.0, 8.0, 4.0, 7.0, 40.0])
          Q1, Q2, Q3 = np.percentile(value, [25, 50, 75])
          IQR = Q3 - Q1
          ids = np.where((value > Q1 - 1.5 * IQR) & (value < Q3 + 1.5 * IQR))[0]
          print(a(ids), round(float(Q1), 4), round(float(Q3), 4))
          y = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
          print(a(np.vstack([np.hstack([v for v in y[:, i]]) for i in range(y.shape[1])]).T))
          print(a(np.around(np.linspace(0, 1, 6), 1)), a(np.around(np.linspace(0, 1.5e5, 4), 1)), np.around(12.345, 1))
          x_temp = np.linspace(-235, 235)
          print(a(np.sqrt(420**2 - x_temp**2)[:3]), a(np.tan(np.deg2rad(55)) * np.linspace(0, 230 + 7)[:3] - 10))
          print(np.mean([v["correct"] for v in [{"correct": True}, {"correct": False}, {"correct": True}]]), np.mean([0.5, 0.25]))
          print(a(np.linalg.norm(np.array([[3.0, 4.0], [1.0, 1.0]]) - np.array([[0.0, 0.0], [1.0, 0.0]]), axis=1)))
          """,
          """
          ((6,), [0, 1, 2, 3, 4, 5]) 3.0 7.5
          ((3, 2), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
          ((6,), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]) ((4,), [0.0, 50000.0, 100000.0, 150000.0]) 12.3
          ((3,), [348.102, 354.3884, 360.31]) ((3,), [-10.0, -3.0924, 3.8151])
          0.6666666666666666 0.375
          ((2,), [5.0, 1.0])

          """),
    .init("""
          from scipy.stats import sem
          d = np.vstack([np.array([0.1, 0.5, 0.9]), np.array([0.2, 0.4, 1.0]), np.array([0.6, 0.4, 0.7])])
          print(a(d.mean(axis=0)), a(sem(d, axis=0)), a(sem(d, axis=1)), sem([1.0, 2.0, 4.0]), a(sem(d, axis=None)), a(sem(d, ddof=0)))
          """,
          """
          ((3,), [0.3, 0.4333, 0.8667]) ((3,), [0.1528, 0.0333, 0.0882]) ((3,), [0.2309, 0.2404, 0.0882]) 0.8819171036881969 ((), [0.1]) ((3,), [0.1247, 0.0272, 0.072])

          """),
    .init("""
          x = np.array([1.0, 2.0, 3.0, 4.0])
          m = x.reshape(2, 2)
          print(x.mean(), x.std(), x.var(ddof=1), x.max(), x.min(), x.argmax(), x.sum(), (x - 1).std(), x[1:].mean(), x.prod(), x.any(), x.all())
          print(a(m.max(0)), a(m.min(axis=1)), a(m.argmin(0)), a(x.cumsum()), a(m.sum(0)), a(m.T.mean(axis=0)), a(m.std(1)), a((m * 2).var(axis=0)))
          """,
          """
          2.5 1.118033988749895 1.6666666666666667 4.0 1.0 3 10.0 1.118033988749895 3.0 24.0 True True
          ((2,), [3.0, 4.0]) ((2,), [1.0, 3.0]) ((2,), [0, 0]) ((4,), [1.0, 3.0, 6.0, 10.0]) ((2,), [4.0, 6.0]) ((2,), [1.5, 3.5]) ((2,), [0.5, 0.5]) ((2,), [4.0, 4.0])

          """),
    .init("""
          z = np.array(4.0)
          print(np.sqrt(z), np.where(True, 1, 2).shape, np.clip(z, 0, 3), np.maximum(z, 5), z.shape, a(np.percentile(np.arange(10), [10, 90])), np.sum(5), np.dot(2, 3))
          """,
          """
          2.0 () 3.0 5.0 () ((2,), [0.9, 8.1]) 5 6

          """),
    .init("""
          x = np.array([[3, 1, 2], [9, 7, 8]])
          print(a(x.repeat(2)), a(x.repeat(2, axis=0)), x.nonzero()[1].tolist(), a(x.cumprod()), x.sort(), a(x))
          y = np.array([3.0, 1.0, 2.0])
          y.sort()
          print(a(y), a(np.array([[1, 2], [3, 4]]).repeat([1, 2], axis=1)))
          """,
          """
          ((12,), [3, 3, 1, 1, 2, 2, 9, 9, 7, 7, 8, 8]) ((4, 3), [3, 1, 2, 3, 1, 2, 9, 7, 8, 9, 7, 8]) [0, 1, 2, 0, 1, 2] ((6,), [3, 3, 6, 54, 378, 3024]) None ((2, 3), [1, 2, 3, 7, 8, 9])
          ((3,), [1.0, 2.0, 3.0]) ((2, 3), [1, 2, 2, 3, 4, 4])

          """),
    .init("""
          x = np.arange(24).reshape(2, 3, 4)
          m = np.array([[1.25, 2.5], [3.75, 4.0]])
          print(x.transpose().shape, x.transpose(1, 0, 2).shape, x.transpose((2, 0, 1)).shape, a(m.transpose()), a(m.round(1)), a(m.clip(2, 3)), a(m.dot(m)), a(m.ravel()))
          """,
          """
          (4, 3, 2) (3, 2, 4) (4, 2, 3) ((2, 2), [1.25, 3.75, 2.5, 4.0]) ((2, 2), [1.2, 2.5, 3.8, 4.0]) ((2, 2), [2.0, 2.5, 3.0, 3.0]) ((2, 2), [10.9375, 13.125, 19.6875, 25.375]) ((4,), [1.25, 2.5, 3.75, 4.0])

          """),
    .init("""
          v = np.array([0.25, 1.5, 3.0])
          q1, q3 = np.percentile(v, [25, 75])
          w = np.arange(6).reshape(2, 3)
          print(q1, q3, v[1], w[1, 2], sum([x for x in v]), sum([x * 2 for x in w[0]]), v[-1] + 1, isinstance(v[0], float), a(np.hstack([x for x in v])))
          """,
          """
          0.875 2.25 1.5 5 4.75 6 4.0 True ((3,), [0.25, 1.5, 3.0])

          """),
]

@Test(arguments: numpyReferenceCases) func numpyMatchesNumpy(_ program: ProgramCase) {
    check(ProgramCase(numpyPrelude + program.source, program.expected))
}
