import Testing

/// Tensor errors: the engine's message (operation and both shapes) at the exact sub-expression.
let tensorErrorCases: [ProgramCase] = [
    .init("a = ones(16, 3)\nb = ones(128, 3)\nc = a @ b", "error: 3:5: matmul: (16, 3) @ (128, 3): inner dimensions 3 and 128 differ\n"),
    .init("x = 1 + (ones(2, 3) + ones(4))", "error: 1:9: add: (2, 3) + (4,): shapes cannot be broadcast (dimension 1 is 3 and 4)\n"),
    .init("def layer(x, w):\n    return relu(x @ w)\nlayer(ones(16, 3), ones(128, 3))", "error: 2:17: matmul: (16, 3) @ (128, 3): inner dimensions 3 and 128 differ\n"),
    .init("y = matmul(ones(2), ones(3))", "error: 1:5: matmul: (2,) @ (3,): inner dimensions 2 and 3 differ\n"),
    .init("zeros(100000, 100000)", "error: 1:1: zeros: a tensor of shape (100000, 100000) has 10000000000 elements, more than the limit of 67108864 per tensor\n"),
    .init("x = randn(100000, 100000)", "error: 1:5: randn: a tensor of shape (100000, 100000) has 10000000000 elements, more than the limit of 67108864 per tensor\n"),
    .init("zeros(-1)", "error: 1:1: zeros: negative dimension -1 in shape (-1,)\n"),
    .init("ones(3).reshape(2, 2)", "error: 1:1: reshape: shape (2, 2) is invalid for input of size 3\n"),
    .init("len(tensor(1.0))", "error: 1:1: len() of a 0-d tensor\n"),
    .init("if ones(2) > 0:\n    pass", "error: 1:4: Boolean value of Tensor with more than one value is ambiguous\n"),
    .init("ones(3).item()", "error: 1:1: a Tensor with 3 elements cannot be converted to Scalar\n"),
    .init("tensor([[1, 2], [3]])", "error: 1:1: tensor: expected sequence of length 2 at dim 1 (got 1)\n"),
    .init("tensor('a')", "error: 1:1: tensor(): invalid data type 'str'\n"),
    .init("ones(2).shap", "error: 1:9: 'Tensor' object has no attribute 'shap' (did you mean 'shape'?)\n"),
    .init("ones(2).sum(dimm=0)", "error: 1:1: sum() got an unexpected keyword argument 'dimm' (did you mean 'dim'?)\n"),
    .init("ones(2).sum(dim=3)", "error: 1:1: sum: dimension out of range (expected to be in range of [-1, 0], but got 3)\n"),
    .init("print(f'{ones(2):.2f}')", "error: 1:10: unsupported format string passed to Tensor.__format__\n"),
    .init("ones(2).backward()", "error: 1:1: backward: element 0 of tensors does not require grad and does not have a grad_fn\n"),
    .init("w = tensor([1.0], requires_grad=True)\nw += 1", "error: 2:1: a leaf Variable that requires grad is being used in an in-place operation\n"),
    .init("x = zeros(3)\nx += ones(2, 3)", "error: 2:1: output with shape (3,) doesn't match the broadcast shape (2, 3)\n"),
    .init("x = ones(3) @ 2", "error: 1:5: unsupported operand types for @: 'Tensor' and 'int'\n"),
    .init("cat([ones(2, 3), ones(2, 4)])", "error: 1:1: cat: tensor 0 has shape (2, 3) but tensor 1 has shape (2, 4); they must agree except in dimension 0\n"),
    .init("softmax(ones(2))", "error: 1:1: softmax() missing required argument 'dim'\n"),
    .init("one_hot(tensor([0.5]), 2)", "error: 1:1: one_hot: expected an int64 tensor of class indices, got torch.float32\n"),
    .init("randint(5, 2, (3,))", "error: 1:1: randint: random_ expects 'from' to be less than 'to', but got from=5 >= to=2\n"),
]

@Test(arguments: tensorErrorCases) func tensorErrors(_ program: ProgramCase) { check(program) }
