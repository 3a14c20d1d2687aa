import Testing
@testable import ScriptRuntime

/// `y.grad_fn` is a node object as in PyTorch: its type is named after the node, `name()`
/// and `next_functions` walk the graph (`AccumulateGrad` for a leaf that requires grad,
/// `None` for an input that needs none), one object per node while it is held. The display
/// is PyTorch's without the address (`<PowBackward0 object>`), so that runs stay identical.
/// Expected output printed by PyTorch 2.15 for the same code (addresses left out).
let gradFnObjectCases: [ProgramCase] = [
    .init("""
        import torch
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        c = torch.tensor([3.0, 4.0])
        y = x ** 2
        print(type(y.grad_fn).__name__, y.grad_fn.name(), type(y.grad_fn))
        print(y.grad_fn.next_functions[0][1], len(y.grad_fn.next_functions))
        acc = y.grad_fn.next_functions[0][0]
        print(type(acc).__name__, acc.name(), acc.next_functions, bool((acc.variable == x).all()))
        z = (y * c + 1).sum()
        g = z.grad_fn
        def edges(node):
            return [(type(n).__name__ if n is not None else None, i) for n, i in node.next_functions]
        print(g.name(), edges(g))
        add = g.next_functions[0][0]
        print(edges(add))
        mul = add.next_functions[0][0]
        print(edges(mul))
        print(y.grad_fn is y.grad_fn, mul.next_functions[0][0] is y.grad_fn, y.grad_fn == y.grad_fn, x.grad_fn, c.grad_fn)
        print(edges((2 / x).grad_fn), edges((1 - x).grad_fn), edges((2 ** x).grad_fn), edges((x ** x).grad_fn))
        s = x.squeeze(0)
        print(s is x, s.is_leaf, s.grad_fn.name(), x.reshape(2) is x, x.reshape(2).grad_fn.name(), x[...].grad_fn.name())
        for row in torch.stack([x, x]):
            print(row.grad_fn.name())
        z.backward()
        print(g.name(), x.grad)
        print(isinstance(g.name(), str), str(type(g)) == "<class 'SumBackward0'>", bool(g))
        """, """
        PowBackward0 PowBackward0 <class 'PowBackward0'>
        0 1
        AccumulateGrad torch::autograd::AccumulateGrad () True
        SumBackward0 [('AddBackward0', 0)]
        [('MulBackward0', 0), (None, 0)]
        [('PowBackward0', 0), (None, 0)]
        True True True None None
        [('ReciprocalBackward0', 0), (None, 0)] [('AccumulateGrad', 0)] [('AccumulateGrad', 0)] [('AccumulateGrad', 0), ('AccumulateGrad', 0)]
        False False SqueezeBackward1 False ViewBackward0 AliasBackward0
        UnbindBackward0
        UnbindBackward0
        SumBackward0 tensor([ 6., 16.])
        True True True

        """),
    // PyTorch prints `<PowBackward0 object at 0x7f…>`; the address is left out.
    .init("""
        import torch
        x = torch.tensor([1.0], requires_grad=True)
        y = x ** 2
        print(y.grad_fn)
        print(repr(y.grad_fn), str(y.grad_fn), [y.grad_fn], y.grad_fn.next_functions)
        print(y)
        y.grad_fn
        """, """
        <PowBackward0 object>
        <PowBackward0 object> <PowBackward0 object> [<PowBackward0 object>] ((<AccumulateGrad object>, 0),)
        tensor([1.], grad_fn=<PowBackward0>)
        <PowBackward0 object>

        """),
    // Step functions are recorded with a zero gradient, `%` with PyTorch's, and `//` is
    // recorded but refuses `backward`, as in PyTorch (whose output this is).
    .init("""
        import torch
        x = torch.tensor([1.5, -2.5], requires_grad=True)
        e = lambda g: [type(n).__name__ if n is not None else None for n, i in g.next_functions]
        print(e((x % 2).grad_fn), e((x // 2).grad_fn), e((x.floor()).grad_fn))
        try:
            (x // 2).sum().backward()
        except RuntimeError as err:
            print("RuntimeError")
        (x.floor() + x.round() + x.sign() + x.ceil() + x % 2).sum().backward()
        print(x.grad)
        y = torch.tensor([3.0, 4.0], requires_grad=True)
        x.grad = None
        (x % y).sum().backward()
        print(x.grad, y.grad)
        print(x.floor().requires_grad, x.floor())
        print(x.round(decimals=1).grad_fn.name(), (x // 2).grad_fn.name(), (x % 2).grad_fn.name())
        print(torch.tensor([3, 4]) // 2, torch.tensor([3, 4]) % 2)
        """, """
        ['AccumulateGrad'] ['AccumulateGrad'] ['AccumulateGrad']
        RuntimeError
        tensor([1., 1.])
        tensor([1., 1.]) tensor([-0., 1.])
        True tensor([ 1., -3.], grad_fn=<FloorBackward0>)
        RoundBackward1 torch::autograd::NotImplemented RemainderBackward0
        tensor([1, 2]) tensor([1, 0])

        """),
    .init("import torch\nx = torch.ones(1, requires_grad=True)\n(x * 2).grad_fn.name(1)",
          "error: 3:1: name() takes 0 positional arguments but 1 was given\n"),
    // A node held after its tensor is gone keeps the graph below it; dropping it frees a long
    // chain without recursion.
    .init("""
        import torch
        x = torch.zeros(1, requires_grad=True)
        y = x
        for i in range(20000):
            y = y + 1
        g = y.grad_fn
        for i in range(100):
            g = g.next_functions[0][0]
        y = None
        print(g.name(), len(g.next_functions))
        g = None
        print("freed")
        """, "AddBackward0 2\nfreed\n", operations: 5_000_000),
]

@Test(arguments: gradFnObjectCases) func gradFnObject(_ program: ProgramCase) { check(program) }

/// A node holds the session's graph, which a snapshot copies apart from it, so a session
/// holding one is not snapshotted (grading replays it instead).
@Test func sessionHoldingANodeIsNotSnapshotted() throws {
    let session = ScriptSession(seed: 1)
    _ = session.runHere("import torch\ng = (torch.ones(1, requires_grad=True) * 2).grad_fn")
    #expect(throws: SnapshotError.self) { try session.snapshot() }
}
