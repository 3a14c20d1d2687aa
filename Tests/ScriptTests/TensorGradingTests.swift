import Testing

/// `assert_close` on tensors and `check_gradients`.
let tensorGradingCases: [ProgramCase] = [
    .init("assert_close(tensor([1.0, 2.0]), tensor([1.0, 2.0]))\nassert_close(tensor(0.1) * 3, 0.3, msg='scaled')\nprint('ok')", "ok\n"),
    .init("assert_close(ones(2, 3), ones(3, 2))", "error: 1:1: shapes differ: actual (2, 3), expected (3, 2)\n"),
    .init("assert_close(tensor([1.0, 2.0, 3.0]), [1.0, 2.5, 3.1])",
          "error: 1:1: values are not close: 2 of 3 elements differ; the largest error is 0.5 at index [1] (actual 2.0, expected 2.5; rtol=1e-05, atol=1e-08)\n"),
    .init("assert_close(tensor([[0.1, 0.2]]), tensor([[0.1, 0.3]]), msg='hidden state')",
          "error: 1:1: hidden state: values are not close: 1 of 2 elements differs; the largest error is 0.1 at index [0, 1] (actual 0.2, expected 0.3; rtol=1e-05, atol=1e-08)\n"),
    .init("assert_close(tensor(1.0), 1.0001, rtol=1e-3)\nassert_close([tensor(1.0), 2], [1, 2])\nprint('ok')", "ok\n"),
    .init("def f(x):\n    return (x ** 3).sum()\ncheck_gradients(f, [randn(3)])", "True\n"),
    .init("def f(x, w):\n    return tanh(x @ w)\ncheck_gradients(f, (randn(2, 3), randn(3, 4)))", "True\n"),
    .init("check_gradients(lambda x: softmax(x, 1), randn(2, 3))", "True\n"),
    .init("def f(x):\n    return (x.detach() * x).sum()\ncheck_gradients(f, [tensor([1.0, 2.0])])",
          "error: 3:1: check_gradients: the gradient of input 0 differs from finite differences at index [1]: autograd 2.0, numerical 4.0 (2 of 2 elements differ)\n"),
    .init("check_gradients(lambda x: 3, [ones(2)])", "error: 1:1: check_gradients: f must return a tensor, not int\n"),
]

@Test(arguments: tensorGradingCases) func tensorGrading(_ program: ProgramCase) { check(program) }
