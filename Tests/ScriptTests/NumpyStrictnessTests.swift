import Testing
@testable import ScriptRuntime

/// Where PyTorch 2.15 and numpy 2.4 refuse a numpy array (or a list) beside tensors, rnnbook
/// refuses it with their exception and message, then what to write; where they accept it,
/// rnnbook gives what they give. Each case was run in both first (scripts/conformance).
private let prelude = """
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    t = torch.tensor([[1., 2.], [3., 4.]])
    a = np.array([[1., 2.], [3., 4.]], dtype=np.float32)
    ai = np.array([[1, 2], [3, 4]])
    tg = torch.ones(2, requires_grad=True)
    b1 = np.ones(2, dtype=np.float32)
    """

/// Runs `code` after the prelude and prints the exception it raises as Python shows it
/// (`TypeError: …`), up to the hint after the first `; `; `accepted` when there is none.
private func outcome(_ code: String) -> String {
    run(prelude + """

        try:
            \(code)
            print("accepted")
        except (TypeError, AttributeError, RuntimeError, ValueError) as e:
            print(f"{type(e).__name__}: {str(e).split('; ')[0]}")
        """)
}

/// The torch functions and tensor methods: PyTorch's argument parser's TypeError.
let torchFunctionRefusals: [(code: String, error: String)] = [
    ("torch.tanh(a)", "TypeError: tanh(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("tanh(a)", "TypeError: tanh(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.exp(a)", "TypeError: exp(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("F.relu(a)", "TypeError: relu(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.sin(a)", "TypeError: sin(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.softmax(a, 0)", "TypeError: softmax(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.mean(a)", "TypeError: mean(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.sum(a)", "TypeError: sum(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.max(a)", "TypeError: max(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.abs(a)", "TypeError: abs(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.round(a)", "TypeError: round(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.argmax(a)", "TypeError: argmax(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.sort(a)", "TypeError: sort(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.zeros_like(a)", "TypeError: zeros_like(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.det(a)", "TypeError: det(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.matmul(t, a)", "TypeError: matmul(): argument 'other' (position 2) must be Tensor, not numpy.ndarray"),
    ("torch.matmul(a, t)", "TypeError: matmul(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.maximum(t, a)", "TypeError: maximum(): argument 'other' (position 2) must be Tensor, not numpy.ndarray"),
    ("torch.allclose(t, a)", "TypeError: allclose(): argument 'other' (position 2) must be Tensor, not numpy.ndarray"),
    ("torch.atan2(t, a)", "TypeError: atan2(): argument 'other' (position 2) must be Tensor, not numpy.ndarray"),
    ("torch.where(a > 1)", "TypeError: where(): argument 'condition' (position 1) must be Tensor, not numpy.ndarray"),
    ("torch.cat([t, a])", "TypeError: expected Tensor as element 1 in argument 0, but got numpy.ndarray"),
    ("torch.stack((a, t))", "TypeError: expected Tensor as element 0 in argument 0, but got numpy.ndarray"),
    ("torch.vstack([t, a])", "TypeError: expected Tensor as element 1 in argument 0, but got numpy.ndarray"),
    ("torch.cat(a)", "TypeError: cat(): argument 'tensors' (position 1) must be tuple of Tensors, not numpy.ndarray"),
    ("torch.stack(t)", "TypeError: stack(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"),
    ("t.add(a)", "TypeError: add(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    ("t.matmul(a)", "TypeError: matmul(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    ("t.maximum(a)", "TypeError: maximum(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    ("t.expand_as(a)", "TypeError: expand_as(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    ("t.copy_(a)", "TypeError: copy_(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    ("t.gather(0, ai)", "TypeError: gather(): argument 'index' (position 2) must be Tensor, not numpy.ndarray"),
    ("t.dist(a)", "TypeError: dist(): argument 'other' (position 1) must be Tensor, not numpy.ndarray"),
    // (PyTorch: `pow() received an invalid combination of arguments - got (numpy.ndarray)`.)
    ("t.pow(a)", "TypeError: pow(): argument 'exponent' (position 1) must be Tensor, not numpy.ndarray"),
    ("t[:] = a", "TypeError: can't assign a numpy.ndarray to a torch.FloatTensor"),
    ("nn.Parameter(a)", "AttributeError: 'numpy.ndarray' object has no attribute 'detach'"),
    // Lists and tuples, as PyTorch's parser refuses them (Python numbers still convert).
    ("torch.tanh([1., 2.])", "TypeError: tanh(): argument 'input' (position 1) must be Tensor, not list"),
    ("torch.matmul(t, (1., 2.))", "TypeError: matmul(): argument 'other' (position 2) must be Tensor, not tuple"),
    ("t.add([1., 2.])", "TypeError: add(): argument 'other' (position 1) must be Tensor, not list"),
    ("torch.argmax([1, 2])", "TypeError: argmax(): argument 'input' (position 1) must be Tensor, not list"),
    ("torch.cat([t, [[1., 2.]]])", "TypeError: expected Tensor as element 1 in argument 0, but got list"),
    ("torch.stack([t, 3])", "TypeError: expected Tensor as element 1 in argument 0, but got int"),
    // Python numbers where no overload takes one.
    ("torch.exp(2.0)", "TypeError: exp(): argument 'input' (position 1) must be Tensor, not float"),
    ("tanh(1)", "TypeError: tanh(): argument 'input' (position 1) must be Tensor, not int"),
    ("torch.mean(1.5)", "TypeError: mean(): argument 'input' (position 1) must be Tensor, not float"),
    ("torch.min(True)", "TypeError: min(): argument 'input' (position 1) must be Tensor, not bool"),
    ("torch.sum([1, 2])", "TypeError: sum(): argument 'input' (position 1) must be Tensor, not list"),
    ("torch.abs(-2)", "TypeError: abs(): argument 'input' (position 1) must be Tensor, not int"),
    // Python's `round` of an array (numpy's scalars have `__round__`, arrays not).
    ("round(a)", "TypeError: type numpy.ndarray doesn't define __round__ method"),
]

/// Operators between a tensor and an array: the tensor on the left computes (through numpy,
/// outside autograd); the array on the left raises, except `/` and `==`.
let mixedOperatorRefusals: [(code: String, error: String)] = [
    // (The message goes on "; it may not be given on all Python implementations".)
    ("a + t", "TypeError: Concatenation operation is not implemented for NumPy arrays, use np.concatenate() instead. "
        + "Please do not rely on this error"),
    ("a - t", "TypeError: unsupported operand type(s) for -: 'numpy.ndarray' and 'Tensor'"),
    ("a * t", "TypeError: unsupported operand type(s) for *: 'numpy.ndarray' and 'Tensor'"),
    ("a @ t", "TypeError: unsupported operand type(s) for @: 'numpy.ndarray' and 'Tensor'"),
    ("ai ** t", "TypeError: unsupported operand type(s) for **: 'numpy.ndarray' and 'Tensor'"),
    ("t < a", "TypeError: '<' not supported between instances of 'Tensor' and 'numpy.ndarray'"),
    ("a >= t", "TypeError: '>=' not supported between instances of 'numpy.ndarray' and 'Tensor'"),
    ("tg + b1", "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."),
    ("b1 / tg", "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."),
    ("x = a.copy()\n    x += t", "TypeError: Concatenation operation is not implemented for NumPy arrays, use np.concatenate() "
        + "instead. Please do not rely on this error"),
    // Not errors in PyTorch, but not what the code means: `!=` is True by identity, `&` of
    // bools a uint8 tensor.
    ("t != a", "TypeError: a tensor and a numpy array are compared by identity with != in PyTorch (always True), "
        + "not element by element"),
    ("(t > 2) & (a > 2)", "TypeError: & between a bool tensor and a bool numpy array gives a torch.uint8 tensor in "
        + "PyTorch, which rnnbook does not have"),
]

/// A numpy array has numpy's members only.
let arrayMemberRefusals: [(code: String, error: String)] = [
    ("a.float()", "AttributeError: 'numpy.ndarray' object has no attribute 'float'"),
    ("a.long()", "AttributeError: 'numpy.ndarray' object has no attribute 'long'"),
    ("a.type(torch.float)", "AttributeError: 'numpy.ndarray' object has no attribute 'type'"),
    ("a.detach()", "AttributeError: 'numpy.ndarray' object has no attribute 'detach'"),
    ("a.numpy()", "AttributeError: 'numpy.ndarray' object has no attribute 'numpy'"),
    ("a.unsqueeze(0)", "AttributeError: 'numpy.ndarray' object has no attribute 'unsqueeze'"),
    ("a.exp()", "AttributeError: 'numpy.ndarray' object has no attribute 'exp'"),
    ("a.requires_grad", "AttributeError: 'numpy.ndarray' object has no attribute 'requires_grad'"),
    ("a.requires_grad = True", "AttributeError: 'numpy.ndarray' object has no attribute 'requires_grad'"),
    ("f = a.clone", "AttributeError: 'numpy.ndarray' object has no attribute 'clone'"),
    ("a.size()", "TypeError: 'int' object is not callable"),
    ("a.view(4)", "TypeError: numpy's a.view(dtype) reinterprets the array's bytes, which rnnbook does not do"),
    ("a.flatten(1)", "TypeError: numpy's a.flatten() takes only order='C' here"),
]

/// Built-in modules and losses take tensors, not lists or numbers.
let moduleListRefusals: [(code: String, error: String)] = [
    ("nn.Linear(2, 2)([[1., 2.]])", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not list"),
    ("nn.Linear(2, 2)(2.0)", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not float"),
    ("nn.Sequential(nn.Linear(2, 2))([[1., 2.]])", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not list"),
    ("nn.RNN(2, 3)([[[1., 2.]]])", "AttributeError: 'list' object has no attribute 'dim'"),
    ("nn.GRU(2, 3)([[[1., 2.]]])", "AttributeError: 'list' object has no attribute 'dim'"),
    ("nn.LSTM(2, 3)([[[1., 2.]]])", "AttributeError: 'list' object has no attribute 'dim'"),
    ("nn.GRUCell(2, 3)([[1., 2.]])", "AttributeError: 'list' object has no attribute 'dim'"),
    ("nn.LSTM(2, 3)(torch.zeros(1, 1, 2), ([[[0., 0., 0.]]], torch.zeros(1, 1, 3)))",
     "AttributeError: 'list' object has no attribute 'dim'"),
    ("nn.RNN(2, 3)(torch.zeros(1, 1, 2), [[[0., 0., 0.]]])", "AttributeError: 'list' object has no attribute 'dim'"),
    ("LeakyRNN(2, 4)([[[1., 2.]]])", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not list"),
    ("nn.ReLU()([1., 2.])", "TypeError: relu(): argument 'input' (position 1) must be Tensor, not list"),
    ("nn.Softmax(dim=0)([1.])", "AttributeError: 'list' object has no attribute 'softmax'"),
    ("nn.Flatten()([[1.]])", "AttributeError: 'list' object has no attribute 'flatten'"),
    ("nn.Embedding(3, 2)([1])", "TypeError: embedding(): argument 'indices' (position 2) must be Tensor, not list"),
    ("nn.CrossEntropyLoss()(torch.zeros(2, 3), [0, 1])",
     "TypeError: cross_entropy_loss(): argument 'target' (position 2) must be Tensor, not list"),
    ("F.nll_loss([[1.]], torch.tensor([0]))", "TypeError: nll_loss_nd(): argument 'input' (position 1) must be Tensor, not list"),
    ("nn.MSELoss()(torch.zeros(2), [1., 2.])", "AttributeError: 'list' object has no attribute 'size'"),
    ("F.l1_loss([1.], torch.zeros(1))", "AttributeError: 'list' object has no attribute 'size'"),
]

@Suite struct NumpyStrictnessTests {
    @Test(arguments: torchFunctionRefusals.map(\.code))
    func torchFunctionsRefuseArrays(_ code: String) throws {
        let expected = try #require(torchFunctionRefusals.first { $0.code == code }?.error)
        #expect(outcome(code) == expected + "\n", "\(code)")
    }

    @Test(arguments: mixedOperatorRefusals.map(\.code))
    func mixedOperatorsRaiseAsPyTorch(_ code: String) throws {
        let expected = try #require(mixedOperatorRefusals.first { $0.code == code }?.error)
        #expect(outcome(code) == expected + "\n", "\(code)")
    }

    @Test(arguments: arrayMemberRefusals.map(\.code))
    func arraysHaveNumpysMembersOnly(_ code: String) throws {
        let expected = try #require(arrayMemberRefusals.first { $0.code == code }?.error)
        #expect(outcome(code) == expected + "\n", "\(code)")
    }

    @Test(arguments: moduleListRefusals.map(\.code))
    func modulesAndLossesRefuseLists(_ code: String) throws {
        let expected = try #require(moduleListRefusals.first { $0.code == code }?.error)
        #expect(outcome(code) == expected + "\n", "\(code)")
    }

    /// Each refusal ends with the conversion to write.
    @Test func refusalsSayWhatToWrite() {
        #expect(run(prelude + "\ntorch.tanh(a)").hasSuffix(
            "must be Tensor, not numpy.ndarray; convert the array to a tensor first with torch.from_numpy(a) "
                + "(which shares its memory) or torch.tensor(a) (a copy)\n"))
        #expect(run(prelude + "\na * t").hasSuffix("; convert the array to a tensor first with torch.from_numpy(a) or torch.tensor(a)\n"))
        #expect(run(prelude + "\na.float()").hasSuffix(
            "; this is a numpy array, as in Python: use numpy's methods (a.astype(np.float32), np.exp(a), …) "
                + "or make it a tensor first with torch.from_numpy(a) (e.g. torch.from_numpy(a).float())\n"))
        #expect(run(prelude + "\nnn.Linear(2, 2)([[1., 2.]])").hasSuffix(
            "must be Tensor, not list; make it a tensor first with torch.tensor(…)\n"))
    }

    /// numpy's elementwise functions give a tensor when an operand is one (PyTorch's
    /// `Tensor.__array_wrap__`), which torch functions then take; not while it requires grad.
    @Test func ufuncsOfTensorsAreTensors() {
        let output = run(prelude + """

            print(np.sqrt(t), np.hypot(t, t)[0], np.clip(t, 0, 2), np.round(t / 3, 1), np.sqrt(t[0, 0]),
                  torch.cat([np.sqrt(t), t]).shape, np.add(a, t), np.maximum(t, 2.5))
            np.sqrt(tg)
            """)
        #expect(output == """
            tensor([[1.0000, 1.4142],
                    [1.7321, 2.0000]]) tensor([1.4142, 2.8284]) tensor([[1., 2.],
                    [2., 2.]]) tensor([[0.3000, 0.7000],
                    [1.0000, 1.3000]]) tensor(1.) torch.Size([4, 2]) tensor([[2., 4.],
                    [6., 8.]]) tensor([[2.5000, 2.5000],
                    [3.0000, 4.0000]])
            error: 12:1: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.

            """, "\(output)")
    }

    /// What PyTorch and numpy accept, with their results' types: a tensor on the left of an
    /// operator gives a tensor; Python's built-ins take arrays; arrays index tensors.
    @Test func acceptedMixtures() {
        let output = run(prelude + """

            print(t + a, t - a, t * a, t @ a, t / a, a / t, t ** a, t // a)
            print(t == a, a == t, t.long() | ai, (t + a).requires_grad)
            x = t.clone()
            y = x
            x += a
            print(x is y, y, x)
            print(sum(a), max(a[0]), abs(-a), t[a > 2], t[ai[0] - 1])
            print(torch.tensor(a), torch.from_numpy(a).float().unsqueeze(0).shape)
            print(a.astype(np.int64), a.reshape(4), a.flatten(), a.T, a.device, a.size, a.sum(0), a.tolist(), a.squeeze().shape)
            z = np.zeros(2)
            z[0] = torch.tensor(5.)
            z[1] = t[1, 1]
            print(z, a.copy().argsort())
            """)
        #expect(output == """
            tensor([[2., 4.],
                    [6., 8.]]) tensor([[0., 0.],
                    [0., 0.]]) tensor([[ 1.,  4.],
                    [ 9., 16.]]) tensor([[ 7., 10.],
                    [15., 22.]]) tensor([[1., 1.],
                    [1., 1.]]) tensor([[1., 1.],
                    [1., 1.]]) tensor([[  1.,   4.],
                    [ 27., 256.]]) tensor([[1., 1.],
                    [1., 1.]])
            tensor([[True, True],
                    [True, True]]) tensor([[True, True],
                    [True, True]]) tensor([[1, 2],
                    [3, 4]]) False
            False tensor([[1., 2.],
                    [3., 4.]]) tensor([[2., 4.],
                    [6., 8.]])
            [4. 6.] 2.0 [[1. 2.]
             [3. 4.]] tensor([3., 4.]) tensor([[1., 2.],
                    [3., 4.]])
            tensor([[1., 2.],
                    [3., 4.]]) torch.Size([1, 2, 2])
            [[1 2]
             [3 4]] [1. 2. 3. 4.] [1. 2. 3. 4.] [[1. 3.]
             [2. 4.]] cpu 4 [4. 6.] [[1.0, 2.0], [3.0, 4.0]] (2, 2)
            [5. 4.] [[0 1]
             [0 1]]

            """, "\(output)")
    }
}
