import Testing

/// What Python shows for a caught error and for PyTorch's grad-mode classes: `str()` of a
/// `KeyError` is its key's repr (`'k'`) and of an `IndexError` Python's text (`list index out
/// of range`), while the error shown when it is not caught keeps its longer message; and
/// `torch.no_grad` and the other grad-mode switches are classes (expected values printed by
/// Python 3.11 and PyTorch 2.15).
let pythonErrorTextCases: [ProgramCase] = [
    .init("""
        d = {'k': 1}
        for f in [lambda: d['x'], lambda: d[3], lambda: [1][3], lambda: [1][-5], lambda: (1,)[2], lambda: 'ab'[5], lambda: [].pop(), lambda: [1].pop(4), lambda: {}.pop('z'), lambda: '{x}'.format()]:
            try:
                f()
            except (KeyError, IndexError) as e:
                print(type(e).__name__, str(e), repr(e), e.args)
        try:
            raise KeyError('k')
        except KeyError as e:
            print(e, repr(e), e.args)
        try:
            raise KeyError('a', 'b')
        except KeyError as e:
            print(e)
        class MyKey(KeyError):
            pass
        try:
            raise MyKey('m')
        except KeyError as e:
            print(e)
        xs = [1]
        try:
            xs[3] = 2
        except IndexError as e:
            print(e)
        try:
            del xs[3]
        except IndexError as e:
            print(e)
        """,
          """
        KeyError 'x' KeyError('x') ('x',)
        KeyError 3 KeyError(3) (3,)
        IndexError list index out of range IndexError('list index out of range') ('list index out of range',)
        IndexError list index out of range IndexError('list index out of range') ('list index out of range',)
        IndexError tuple index out of range IndexError('tuple index out of range') ('tuple index out of range',)
        IndexError string index out of range IndexError('string index out of range') ('string index out of range',)
        IndexError pop from empty list IndexError('pop from empty list') ('pop from empty list',)
        IndexError pop index out of range IndexError('pop index out of range') ('pop index out of range',)
        KeyError 'z' KeyError('z') ('z',)
        KeyError 'x' KeyError('x') ('x',)
        'k' KeyError('k') ('k',)
        ('a', 'b')
        'm'
        list assignment index out of range
        list assignment index out of range

        """),
    .init("""
        import torch
        print(torch.no_grad, torch.enable_grad, torch.inference_mode, torch.set_grad_enabled)
        print(type(torch.no_grad()) is torch.no_grad, isinstance(torch.enable_grad(), torch.enable_grad), isinstance(torch.no_grad(), torch.enable_grad))
        print(torch.no_grad.__name__, torch.no_grad.__module__, type(torch.set_grad_enabled(True)))
        x = torch.ones(2, requires_grad=True)
        with torch.no_grad():
            print((x * 2).requires_grad)
        @torch.no_grad()
        def f(v):
            return v * 2
        print(f(x).requires_grad)
        """,
          """
        <class 'torch.autograd.grad_mode.no_grad'> <class 'torch.autograd.grad_mode.enable_grad'> <class 'torch.autograd.grad_mode.inference_mode'> <class 'torch.autograd.grad_mode.set_grad_enabled'>
        True True False
        no_grad torch.autograd.grad_mode <class 'torch.autograd.grad_mode.set_grad_enabled'>
        False
        False

        """),
    .init("d = {'k': 1}\nd['x']", "error: 2:1: key 'x' not found in dict\n"),
    .init("xs = [1]\nxs[3]", "error: 2:1: list index 3 out of range (length 1)\n"),
    .init("try:\n    range(3)[5]\nexcept IndexError as e:\n    print(e)", "range object index out of range\n"),
]

@Test(arguments: pythonErrorTextCases) func pythonErrorText(_ program: ProgramCase) { check(program) }
