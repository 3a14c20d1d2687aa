import Testing
@testable import ScriptRuntime

/// `torch.utils.data`: TensorDataset, DataLoader (batching, default collate, shuffling from
/// the session's generator, PyTorch's argument rules), Subset and random_split.
let dataLoaderCases: [ProgramCase] = [
    .init("""
        import torch
        from torch.utils.data import TensorDataset, DataLoader
        ds = TensorDataset(torch.arange(10).float().reshape(5, 2), torch.arange(5))
        print(len(ds), ds[1], ds[-1][1], len(ds.tensors), ds[1:3][0].shape)
        loader = DataLoader(ds, batch_size=2)
        print(len(loader), loader.batch_size, loader.dataset is ds)
        for xb, yb in loader:
            print(xb.shape, yb)
        """, """
        5 (tensor([2., 3.]), tensor(1)) tensor(4) 2 torch.Size([2, 2])
        3 2 True
        torch.Size([2, 2]) tensor([0, 1])
        torch.Size([2, 2]) tensor([2, 3])
        torch.Size([1, 2]) tensor([4])

        """),
    // drop_last, batch_size=None (no batching), a collate_fn, and iterating twice.
    .init("""
        import torch
        import torch.utils.data as data
        ds = data.TensorDataset(torch.arange(5))
        print(len(data.DataLoader(ds, batch_size=2, drop_last=True)), [b for b in data.DataLoader(ds, batch_size=2, drop_last=True)])
        print([b for b in data.DataLoader(ds, batch_size=None)][:2], len(data.DataLoader(ds, batch_size=None)))
        loader = data.DataLoader(ds, batch_size=3, collate_fn=lambda batch: [len(batch), batch[0]])
        print(list(loader), list(loader) == list(loader))
        """, """
        2 [[tensor([0, 1])], [tensor([2, 3])]]
        [(tensor(0),), (tensor(1),)] 5
        [[3, (tensor(0),)], [2, (tensor(3),)]] True

        """),
    // default_collate: numbers, strings, dicts, lists and tuples (tuples give lists, as PyTorch).
    .init("""
        import torch
        from torch.utils.data import DataLoader, default_collate
        print(list(DataLoader([1, 2, 3], batch_size=2)), list(DataLoader([True, False], batch_size=2)))
        print(list(DataLoader([0.5, 1.5], batch_size=2))[0].dtype)
        print(list(DataLoader([{"x": torch.ones(2), "y": 1}, {"x": torch.zeros(2), "y": 2}], batch_size=2)))
        print(list(DataLoader([(1, "a"), (2, "b")], batch_size=2)), list(DataLoader([[1, 2], [3, 4]], batch_size=2)))
        print(default_collate([torch.ones(2), torch.zeros(2)]))
        """, """
        [tensor([1, 2]), tensor([3])] [tensor([ True, False])]
        torch.float32
        [{'x': tensor([[1., 1.],
                [0., 0.]]), 'y': tensor([1, 2])}]
        [[tensor([1, 2]), ['a', 'b']]] [[tensor([1, 3]), tensor([2, 4])]]
        tensor([[1., 1.],
                [0., 0.]])

        """),
    .init("import torch\ntorch.utils.data.default_collate([None, None])",
          "error: 2:1: default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found NoneType (write a collate_fn for it)\n"),
    .init("import torch\nlist(torch.utils.data.DataLoader([[1, 2], [3]], batch_size=2))",
          "error: 2:1: each element in list of batch should be of equal size\n"),
    .init("import torch\nlist(torch.utils.data.DataLoader([torch.ones(2), torch.ones(3)], batch_size=2))",
          "error: 2:1: stack: tensor 0 has shape (2,) but tensor 1 has shape (3,); stack expects each tensor to be equal size\n"),
    // Arguments: what PyTorch refuses without workers, and what is not supported here.
    .init("import torch\ntorch.utils.data.DataLoader([1], num_workers=2)",
          "error: 2:1: DataLoader(): num_workers=2 is not supported here: batches are loaded in the notebook's session; use num_workers=0\n"),
    .init("import torch\ntorch.utils.data.DataLoader([1], sampler=[0])",
          "error: 2:1: DataLoader(): sampler= is not supported here; use shuffle=True for a random order, or a Subset(dataset, indices) for a fixed one\n"),
    .init("import torch\ntorch.utils.data.DataLoader([1], batch_size=0)",
          "error: 2:1: batch_size should be a positive integer value, but got batch_size=0\n"),
    .init("import torch\ntorch.utils.data.DataLoader([1], batch_size=None, drop_last=True)",
          "error: 2:1: batch_size=None option disables auto-batching and is mutually exclusive with drop_last\n"),
    .init("import torch\ntorch.utils.data.DataLoader([1], persistent_workers=True)",
          "error: 2:1: persistent_workers option needs num_workers > 0\n"),
    .init("import torch\ntorch.utils.data.DataLoader([1], shufle=True)",
          "error: 2:1: DataLoader() got an unexpected keyword argument 'shufle' (did you mean 'shuffle'?)\n"),
    .init("import torch\nloader = torch.utils.data.DataLoader([1, 2], num_workers=0, pin_memory=True, timeout=0, worker_init_fn=None)\nprint(list(loader))",
          "[tensor([1]), tensor([2])]\n"),
    .init("import torch\ntorch.utils.data.TensorDataset(torch.ones(3), torch.ones(4))",
          "error: 2:1: Size mismatch between tensors: TensorDataset() needs one first size, got 3 and 4\n"),
    .init("import torch\ntorch.utils.data.TensorDataset(torch.ones(3), [1, 2, 3])",
          "error: 2:1: TensorDataset() argument 2 must be a Tensor, not list\n"),
    // Shuffling: a permutation per epoch, from the session's generator.
    .init("""
        import torch
        from torch.utils.data import DataLoader
        loader = DataLoader(list(range(8)), batch_size=8, shuffle=True)
        first, second = list(loader)[0], list(loader)[0]
        print(sorted(first.tolist()), first.tolist() != second.tolist())
        torch.manual_seed(5)
        a = list(loader)[0]
        torch.manual_seed(5)
        print(a.tolist() == list(loader)[0].tolist())
        """, "[0, 1, 2, 3, 4, 5, 6, 7] True\nTrue\n"),
    // random_split by counts and by fractions; Subset indexing.
    .init("""
        import torch
        from torch.utils.data import random_split, Subset, TensorDataset
        train, test = random_split(range(10), [0.7, 0.3])
        print(len(train), len(test), sorted(train.indices + test.indices) == list(range(10)))
        a, b, c = random_split(range(10), [0.5, 0.25, 0.25])
        print(len(a), len(b), len(c))
        s = Subset(TensorDataset(torch.arange(6) * 10), [4, 0, 5])
        print(len(s), s[0], s[-1], s[[0, 1]], [x for (x,) in s])
        """, "7 3 True\n6 2 2\n3 (tensor(40),) (tensor(50),) (tensor([40,  0]),) [tensor(40), tensor(0), tensor(50)]\n"),
    // Any dataset with __len__ and __getitem__ feeds a DataLoader; a collate_fn may be any callable.
    .init("""
        import torch
        from torch.utils.data import DataLoader, random_split
        class Squares:
            def __init__(self, n):
                self.n = n
            def __len__(self):
                return self.n
            def __getitem__(self, i):
                return {"x": torch.tensor([float(i)]), "y": i * i}
        class Count:
            def __call__(self, batch):
                return len(batch)
        loader = DataLoader(Squares(5), batch_size=2)
        print(len(loader), [batch["y"] for batch in loader], list(DataLoader(Squares(3), batch_size=2, collate_fn=Count())))
        train, test = random_split(Squares(4), [3, 1])
        print(len(train), sorted(b["y"].item() for b in DataLoader(train, batch_size=1)) == sorted(train[i]["y"] for i in range(3)))
        """, "3 [tensor([0, 1]), tensor([4, 9]), tensor([16])] [2, 1]\n3 True\n"),
    .init("import torch\ntorch.utils.data.random_split(range(10), [3, 3])",
          "error: 2:1: Sum of input lengths does not equal the length of the input dataset!\n"),
]

@Test(arguments: dataLoaderCases) func dataLoader(_ program: ProgramCase) { check(program) }

@Test func dataLoadersAndDatasetsAreSnapshotted() throws {
    let (first, second, _) = try SnapshotRunner().twice("""
        import torch
        from torch.utils.data import TensorDataset, DataLoader, random_split
        X = torch.arange(6).float()
        ds = TensorDataset(X)
        loader = DataLoader(ds, batch_size=4, shuffle=True)
        part, rest = random_split(ds, [2, 4])
        """, "with torch.no_grad():\n    X += 100\nprint(list(loader), part[0], rest.dataset is ds)")
    #expect(first == second)
    #expect(first.contains("10"))
    #expect(first.hasSuffix("True\n"))
}
