import Testing

/// `& | ^ ~ << >>` on ints and bools, with Python's precedence and errors.
let bitwiseCases: [ProgramCase] = [
    .init("5 & 3, 5 | 3, 5 ^ 3, ~5, ~-5, -~5", "(1, 7, 6, -6, 4, 6)\n"),
    .init("-6 & 0xff, -1 ^ 7, ~0, ~(-9223372036854775807 - 1)", "(250, -8, -1, 9223372036854775807)\n"),
    .init("1 << 62, -1 << 63, 3 << 0, 0 << 1000, -8 >> 1, 7 >> 1, -1 >> 100, 5 >> 64",
          "(4611686018427387904, -9223372036854775808, 3, 0, -4, 3, -1, 0)\n"),
    .init("True & False, True | False, True ^ True, False ^ True", "(False, True, False, True)\n"),
    .init("True | 1, True & 3, False ^ 2, True << 1, ~True, ~False", "(1, 1, 2, 2, -2, -1)\n"),
    // Python's precedence: `|` < `^` < `&` < shifts < `+ -` < `* /` < unary `~` < `**`.
    .init("1 | 2 ^ 3 & 4 << 1 + 1", "3\n"),
    .init("1 + 2 << 3, 1 << 2 * 2, 6 & 3 == 2, 1 < 2 | 4, 2 ** ~1, ~2 ** 2", "(24, 16, True, True, 0.25, -5)\n"),
    .init("(6 & 3) == 2, 1 | 2 | 4, 8 >> 1 >> 1, 1 ^ 1 ^ 1", "(True, 7, 2, 1)\n"),
    .init("x = 5\nx &= 6\ny = x\ny |= 8\ny ^= 1\ny <<= 2\ny >>= 1\nx, y", "(4, 26)\n"),
    .init("a = [1, 2]\na[0] |= 4\na[1] <<= 3\na", "[5, 16]\n"),
    .init("f'{6 & 3} {1 << 4:>4}'", "'2   16'\n"),
    .init("[n for n in range(8) if n & 1]", "[1, 3, 5, 7]\n"),
    .init("d = {'a': 1, 'b': 2}\ne = d\nd |= {'b': 3, 'c': 4}\ne, {'a': 1} | {'a': 2, 'z': 0}",
          "({'a': 1, 'b': 3, 'c': 4}, {'a': 2, 'z': 0})\n"),
    // Errors, at the operator expression.
    .init("x = 1\ny = 2 + (x << -1)", "error: 2:9: negative shift count\n"),
    .init("1 >> -1", "error: 1:1: negative shift count\n"),
    .init("n = 64\nm = 1 << n", "error: 2:5: integer overflow in '<<': the result does not fit in a 64-bit int\n"),
    .init("1 << 63", "error: 1:1: integer overflow in '<<': the result does not fit in a 64-bit int\n"),
    .init("x = 3\nx <<= 62", "error: 2:1: integer overflow in '<<': the result does not fit in a 64-bit int\n"),
    .init("y = 1.5 & 1", "error: 1:5: unsupported operand types for &: 'float' and 'int'\n"),
    .init("y = 1 | 2.0", "error: 1:5: unsupported operand types for |: 'int' and 'float'\n"),
    .init("'a' ^ 1", "error: 1:1: unsupported operand types for ^: 'str' and 'int'\n"),
    .init("[1] << 1", "error: 1:1: unsupported operand types for <<: 'list' and 'int'\n"),
    .init("{'a': 1} | [1]", "error: 1:1: unsupported operand types for |: 'dict' and 'list'\n"),
    .init("z = 1 + ~1.5", "error: 1:9: bad operand type for unary ~: 'float'\n"),
    .init("~None", "error: 1:1: bad operand type for unary ~: 'NoneType'\n"),
    .init("x = 1 |", "error: 1:8: expected an expression, found end of line\n"),
    .init("x = 1 & & 2", "error: 1:9: expected an expression, found '&'\n"),
    .init("(1, 2) |= 3", "error: 1:8: cannot use '|=' on this target\n"),
]

@Test(arguments: bitwiseCases) func bitwise(_ program: ProgramCase) { check(program) }

/// `& | ^ ~` on bool tensors are PyTorch's logical operations (the way to combine masks);
/// on int64 tensors they act on the bits; float tensors have no bitwise operations.
let tensorBitwiseCases: [ProgramCase] = [
    .init("x = tensor([-0.5, 0.2, 0.7, 1.5])\n(x > 0) & (x < 1)", "tensor([False,  True,  True, False])\n"),
    .init("x = tensor([-0.5, 0.2, 0.7, 1.5])\nx[(x < 0) | (x > 1)]", "tensor([-0.5000,  1.5000])\n"),
    .init("m = tensor([True, False, True])\n~m, m ^ tensor([True, True, False]), ~tensor(True)",
          "(tensor([False,  True, False]), tensor([False,  True,  True]), tensor(False))\n"),
    .init("m = tensor([[True], [False]])\nm & tensor([True, False, True])",
          "tensor([[ True, False,  True],\n        [False, False, False]])\n"),
    .init("m = tensor([True, False])\nm & True, True ^ m, m | False", "(tensor([ True, False]), tensor([False,  True]), tensor([ True, False]))\n"),
    .init("m = tensor([True, False])\nm & 1, 3 | m, m << 1", "(tensor([1, 0]), tensor([3, 3]), tensor([2, 0]))\n"),
    .init("t = tensor([5, -6, 12])\nt & 6, t | 1, t ^ tensor([1, 1, 1]), ~t", "(tensor([4, 2, 4]), tensor([ 5, -5, 13]), tensor([ 4, -5, 13]), tensor([ -6,   5, -13]))\n"),
    .init("t = tensor([5, -6, 12])\nt << 2, t >> 1, t & True, t << tensor([-1, 64, 1]), t >> 70",
          "(tensor([ 20, -24,  48]), tensor([ 2, -3,  6]), tensor([1, 0, 0]), tensor([ 0,  0, 24]), tensor([ 0, -1,  0]))\n"),
    .init("m = tensor([True, False])\nk = m\nm |= tensor([False, True])\nk &= tensor([True, False])\nm", "tensor([ True, False])\n"),
    .init("t = arange(4).long()\nt ^= 1\nt", "tensor([1, 0, 3, 2])\n"),
    .init("(tensor([1.0]) > 0) & (tensor([1]) > 0), ((tensor([1.0]) > 0) & (tensor([1]) > 0)).requires_grad", "(tensor([True]), False)\n"),
    // Errors name PyTorch's kernel and the dtype.
    .init("x = ones(3)\ny = x & x", "error: 2:5: \"bitwise_and_cpu\" not implemented for 'Float'\n"),
    .init("m = tensor([True])\nm | ones(1)", "error: 2:1: \"bitwise_or_cpu\" not implemented for 'Float'\n"),
    .init("tensor([1, 2]) ^ 1.5", "error: 1:1: \"bitwise_xor_cpu\" not implemented for 'Float'\n"),
    .init("w = tensor([1.0], requires_grad=True)\nz = 1 + ~w", "error: 2:9: \"bitwise_not_cpu\" not implemented for 'Float'\n"),
    .init("tensor([1.0]) << 1", "error: 1:1: \"lshift_cpu\" not implemented for 'Float'\n"),
    .init("tensor([True]) >> True", "error: 1:1: \"rshift_cpu\" not implemented for 'Bool'\n"),
    .init("tensor([True, False]) & tensor([True, False, True])",
          "error: 1:1: bitwise_and: (2,) & (3,): shapes cannot be broadcast (dimension 0 is 2 and 3)\n"),
    .init("m = tensor([True])\nm &= 2", "error: 2:1: result type torch.int64 can't be cast to the desired output type torch.bool\n"),
]

@Test(arguments: tensorBitwiseCases) func tensorBitwise(_ program: ProgramCase) { check(program) }
