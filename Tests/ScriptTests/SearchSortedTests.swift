import Testing
@testable import ScriptRuntime

/// `np.searchsorted` and `torch.searchsorted` with their documented examples, `side`/`right`,
/// `sorter`, NaN, and their errors.
let searchSortedCases: [ProgramCase] = [
    .init(imported: """
          import numpy as np
          a = np.array([1, 2, 3, 4, 5])
          print(np.searchsorted(a, 3), np.searchsorted(a, 3, side='right'), type(np.searchsorted(a, 3)).__name__)
          print(np.searchsorted(a, [-10, 10, 2, 3]), np.searchsorted([1, 3, 5], [[0, 4], [6, 2]]).tolist())
          print(np.searchsorted([1.0, 2.0, 2.0, 3.0], 2.0), np.searchsorted([1.0, 2.0, 2.0, 3.0], 2.0, side="right"))
          print(np.searchsorted([1.0, 2.0, np.nan], np.nan), np.searchsorted([1.0, 2.0, np.nan], np.nan, side='right'),
                np.searchsorted([1.0, 2.0, np.nan], 5.0))
          u = np.array([3, 1, 2])
          print(np.searchsorted(u, 2, sorter=np.argsort(u)), np.searchsorted(u, [0, 3], side='right', sorter=[1, 2, 0]))
          print(np.searchsorted([], 1), np.searchsorted([1, 2], 1.5), np.searchsorted(np.linspace(0, 1, 5), 0.6))
          """, """
          2 3 int
          [0 5 1 2] [[0, 2], [3, 1]]
          1 3
          2 3 2
          1 [0 3]
          0 1 3

          """),
    .init(imported: "np.searchsorted([1, 2], 1, side='middle')", "error: 1:1: search side must be 'left' or 'right' (got 'middle')\n"),
    .init(imported: "np.searchsorted([1, 2], 1, side=1)", "error: 1:1: search side must be str, not int\n"),
    .init(imported: "np.searchsorted([[1, 2]], 1)", "error: 1:1: object too deep for desired array\n"),
    .init(imported: "np.searchsorted(3, 1)", "error: 1:1: object of too small depth for desired array\n"),
    .init(imported: "np.searchsorted([1, 2], 1, sorter=[0.0, 1.0])", "error: 1:1: sorter must only contain integers\n"),
    .init(imported: "np.searchsorted([1, 2], 1, sorter=[[0, 1]])", "error: 1:1: could not parse sorter argument\n"),
    .init(imported: "np.searchsorted([1, 2], 1, sorter=[0])", "error: 1:1: sorter.size must equal a.size\n"),
    .init(imported: "np.searchsorted([1, 2, 3], 3, sorter=[0, 1, 5])", "error: 1:1: Sorter index out of range.\n"),
    // torch: the documented examples, row by row for N-D sequences, a 0-d result for a number.
    .init(imported: """
          s = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
          v = torch.tensor([[3, 6, 9], [3, 6, 9]])
          print(torch.searchsorted(s, v))
          print(torch.searchsorted(s, v, right=True))
          print(torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), v))
          print(torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), v, side='right'))
          print(torch.searchsorted(torch.tensor([1.0, 2.0, 3.0]), 2.5), torch.searchsorted(torch.tensor([1.0, 2.0]), 2, right=True).dtype)
          print(torch.searchsorted(torch.tensor([5, 1, 3]), torch.tensor([2, 4]), sorter=torch.tensor([1, 2, 0])))
          print(torch.searchsorted(torch.tensor([1.0, float('nan')]), torch.tensor([float('nan'), 0.5])))
          """, """
          tensor([[1, 3, 4],
                  [1, 2, 4]])
          tensor([[2, 3, 5],
                  [1, 3, 4]])
          tensor([[1, 3, 4],
                  [1, 3, 4]])
          tensor([[2, 3, 5],
                  [2, 3, 5]])
          tensor(2) torch.int64
          tensor([1, 2])
          tensor([2, 2])

          """),
    .init(imported: "torch.searchsorted(torch.tensor([1, 2]), torch.tensor([1]), side='left', right=True)",
          "error: 1:1: torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True\n"),
    .init(imported: "torch.searchsorted(torch.tensor([1, 2]), torch.tensor([1]), side='up')",
          "error: 1:1: torch.searchsorted(): side can only be 'left' or 'right' but got up\n"),
    .init(imported: "torch.searchsorted(torch.ones(2, 2), 1.0)",
          "error: 1:1: torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is 1, but we got "
              + "boundaries tensor dim(2) and input value's dim(0) numel(1)\n"),
    .init(imported: "torch.searchsorted(torch.ones(2, 3), torch.ones(3, 1))",
          "error: 1:1: torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries "
              + "tensor and input value tensor must match, but we got boundaries tensor [2, 3] and input value tensor [3, 1]\n"),
    .init(imported: "torch.searchsorted(torch.tensor(1.0), torch.ones(1))",
          "error: 1:1: torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension\n"),
    .init(imported: "torch.searchsorted(torch.tensor([1, 2, 3]), 2.5, sorter=torch.tensor([0, 1, 3]))",
          "error: 1:1: torch.searchsorted(): sorter index out of range\n"),
    .init(imported: "torch.searchsorted(torch.tensor([1, 2, 3]), 2.5, sorter=torch.tensor([0.0, 1.0, 2.0]))",
          "error: 1:1: torch.searchsorted(): sorter must be a tensor of long dtype but got Float\n"),
    .init(imported: "torch.searchsorted([1, 2], 1)",
          "error: 1:1: searchsorted(): argument 'sorted_sequence' (position 1) must be Tensor, not list\n"),
    .init(imported: "torch.searchsorted(torch.tensor([1, 2]), 1, out_int32=True)",
          "error: 1:1: torch.searchsorted(out_int32=True) is not available in rnnbook (indices are int64); leave out_int32 out\n"),
]

@Test(arguments: searchSortedCases) func searchSortedFollowsNumpyAndPyTorch(_ program: ProgramCase) {
    check(program)
}
