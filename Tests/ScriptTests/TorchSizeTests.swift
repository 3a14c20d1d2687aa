import Foundation
import Diagnostics
import Testing
@testable import ScriptRuntime

/// `x.shape` and `x.size()` are `torch.Size`, a tuple in every way (torch/csrc/Size.cpp):
/// PyTorch's display, tuple equality and hashing, indexing, slicing to a `torch.Size`,
/// unpacking, `+` and `*`, `numel()`; numpy arrays keep a plain tuple.
extension ProgramCase {
    /// A program run after `import torch`, `import torch.nn as nn` and `import numpy as np`
    /// (the expected error lines count from the program's first line).
    init(imported source: String, _ expected: String) {
        let shifted = expected.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("error: "), let colon = line.dropFirst(7).firstIndex(of: ":"),
                  let number = Int(line[line.index(line.startIndex, offsetBy: 7)..<colon]) else { return String(line) }
            return "error: \(number + 3)" + line[colon...]
        }
        self.init("import torch\nimport torch.nn as nn\nimport numpy as np\n" + source, shifted.joined(separator: "\n"))
    }
}

let torchSizeCases: [ProgramCase] = [
    .init(imported: """
          x = torch.zeros(2, 3)
          print(x.shape)
          print(x.size(), x.size(1), x.size(-1))
          print(repr(x.shape), str(x.shape), f"{x.shape}", [x.shape])
          print(torch.zeros(()).shape, torch.tensor(5.0).size())
          x.shape
          """, """
          torch.Size([2, 3])
          torch.Size([2, 3]) 3 3
          torch.Size([2, 3]) torch.Size([2, 3]) torch.Size([2, 3]) [torch.Size([2, 3])]
          torch.Size([]) torch.Size([])
          torch.Size([2, 3])

          """),
    // A tuple in every way: ==, <, len, indexing, unpacking, iteration, `in`, hashing.
    .init(imported: """
          s = torch.ones(2, 3, 4).shape
          print(s == (2, 3, 4), (2, 3, 4) == s, s != (2, 3), s == [2, 3, 4], s == torch.Size([2, 3, 4]))
          print(s < (2, 4), s > (2, 3), len(s), s[0], s[-1], 3 in s, 5 in s)
          a, b, c = s
          n, *rest = s
          print(a, b, c, n, rest, list(s), tuple(s), [d * 2 for d in s], sum(s), max(s))
          d = {s: "x"}
          print(d[(2, 3, 4)], hash(s) == hash((2, 3, 4)), {(2, 3, 4): 1}[s], len({s, (2, 3, 4)}))
          print(bool(torch.Size([])), bool(s), s.count(3), s.index(4), s.numel(), torch.Size([]).numel())
          print("%d x %d x %d" % s, "{} {} {}".format(*s))
          """, """
          True True True False True
          True True 3 2 4 True False
          2 3 4 2 [3, 4] [2, 3, 4] (2, 3, 4) [4, 6, 8] 9 4
          x True 1 1
          False True 1 2 24 1
          2 x 3 x 4 2 3 4

          """),
    // Slices, `size + tuple` and `size * n` are torch.Size; `tuple + size` is a tuple.
    .init(imported: """
          s = torch.zeros(5, 6, 7).shape
          print(s[1:], s[::-1], s[:0], s[5:])
          print(s + (8,), (1,) + s, s * 2, 2 * s, s[:1] + s[2:])
          print(type(s), type(s) is torch.Size, isinstance(s, tuple), isinstance(s, torch.Size),
                isinstance((1, 2), torch.Size), type(s).__name__, torch.Size)
          """, """
          torch.Size([6, 7]) torch.Size([7, 6, 5]) torch.Size([]) torch.Size([])
          torch.Size([5, 6, 7, 8]) (1, 5, 6, 7) torch.Size([5, 6, 7, 5, 6, 7]) torch.Size([5, 6, 7, 5, 6, 7]) torch.Size([5, 7])
          <class 'torch.Size'> True True True False Size <class 'torch.Size'>

          """),
    // Constructed from any iterable of ints (one-element integer tensors count), as PyTorch.
    .init(imported: """
          print(torch.Size([2, 3]), torch.Size((4,)), torch.Size(), torch.Size(range(3)), torch.Size([torch.tensor(7)]))
          print(torch.Size([2, 3]) == (2, 3), torch.Size([-1]))
          """, "torch.Size([2, 3]) torch.Size([4]) torch.Size([]) torch.Size([0, 1, 2]) torch.Size([7])\n"
              + "True torch.Size([-1])\n"),
    // Shapes go wherever PyTorch and numpy take a shape or a sequence.
    .init(imported: """
          import numpy as np
          x = torch.ones(2, 3)
          print(torch.zeros(x.shape).shape, torch.zeros(*x.shape).shape, torch.ones(x.shape[1:]).shape)
          print(x.reshape(x.shape[::-1]).shape, x.view(-1, *x.shape[1:]).shape)
          print(torch.tensor(x.shape), np.array(x.shape), np.zeros(x.shape).shape, torch.randn(x.size()).shape)
          print(torch.testing.assert_close(x.shape, (2, 3)))
          """, """
          torch.Size([2, 3]) torch.Size([2, 3]) torch.Size([3])
          torch.Size([3, 2]) torch.Size([2, 3])
          tensor([2, 3]) [2 3] (2, 3) torch.Size([2, 3])
          None

          """),
    // `%` takes any tuple's items as its arguments: a torch.Size, a namedtuple (as Python).
    .init(imported: """
          from collections import namedtuple
          P = namedtuple("P", "x y")
          print("%d-%d" % P(1, 2), "%s" % (torch.zeros(3).shape,), "%d" % torch.zeros(3).shape)
          """, "1-2 torch.Size([3]) 3\n"),
    // numpy arrays keep numpy's plain tuple.
    .init(imported: """
          import numpy as np
          a = np.zeros((2, 3))
          print(a.shape, type(a.shape), np.shape(a), torch.zeros(2).numpy().shape, np.shape([[1, 2]]), np.shape(torch.zeros(2)))
          """, "(2, 3) <class 'tuple'> (2, 3) (2,) (1, 2) torch.Size([2])\n"),
    // Distributions' batch_shape and event_shape are torch.Size too.
    .init(imported: """
          from torch.distributions import Normal
          n = Normal(torch.zeros(3), torch.ones(3))
          print(n.batch_shape, n.event_shape, n.sample().shape)
          """, "torch.Size([3]) torch.Size([]) torch.Size([3])\n"),
    // Errors as PyTorch's and Python's.
    .init(imported: "torch.Size([1.5])", "error: 1:1: torch.Size() takes an iterable of 'int' (item 0 is 'float')\n"),
    .init(imported: "torch.Size(['a', 1])", "error: 1:1: torch.Size() takes an iterable of 'int' (item 0 is 'str')\n"),
    .init(imported: "torch.Size(3)", "error: 1:1: 'int' object is not iterable\n"),
    .init(imported: "torch.zeros(2).shape + ('a',)", "error: 1:1: torch.Size() takes an iterable of 'int' (item 1 is 'str')\n"),
    .init(imported: "torch.zeros(2).shape[3]", "error: 1:1: tuple index out of range\n"),
    .init(imported: "s = torch.zeros(2).shape\ns[0] = 1", "error: 2:1: 'torch.Size' object does not support item assignment\n"),
    .init(imported: "torch.zeros(2).shape + [1]", "error: 1:1: unsupported operand types for +: 'torch.Size' and 'list'\n"),
]

@Test(arguments: torchSizeCases) func torchSizeIsATupleAsInPyTorch(_ program: ProgramCase) {
    check(program)
}

/// A `torch.Size` survives `copy.deepcopy`, `copy.copy` and session snapshots.
@Test func torchSizeIsCopiedAndSnapshotted() throws {
    let output = runBlocks(["import copy\nimport torch\ns = torch.zeros(2, 3).shape\nt = copy.deepcopy(s)\nprint(t, t == s, copy.copy(s))"])
    #expect(output == "torch.Size([2, 3]) True torch.Size([2, 3])\n")
    let session = ScriptSession(seed: 1)
    let origin = BlockOrigin(file: SourceFile(name: "lab.md", text: "\n"), line: 1)
    _ = session.run("import torch\ns = torch.zeros(4, 1).shape", origin: origin)
    let snapshot = try session.snapshot()
    _ = session.run("s = 1", origin: origin)
    try session.restore(snapshot)
    #expect(render(session.run("print(s)", origin: origin).outputs) == "torch.Size([4, 1])\n")
}

/// `torch.save` keeps a `torch.Size` a `torch.Size`, as PyTorch's pickle does.
@Test func torchSizeSurvivesTorchSave() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("size-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("shape.pt").path
    let output = run("""
        import torch
        torch.save({"shape": torch.zeros(2, 5).shape, "plain": (2, 5)}, "\(path)")
        back = torch.load("\(path)")
        print(back["shape"], back["plain"], type(back["shape"]) is torch.Size)
        """, fileAccess: .notebook(in: directory.path))
    #expect(output == "torch.Size([2, 5]) (2, 5) True\n")
}
