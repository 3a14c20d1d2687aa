import Testing

/// numpy's display of arrays (`print(a)`, `repr(a)`), each expected output printed by numpy 2.4:
/// float formats, scientific notation, nan and inf, line wrapping at 75 columns, nested
/// dimensions, booleans, ints, and the summary of arrays of more than 1000 elements.
let numpyDisplayCases: [ProgramCase] = [
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(a.mean(axis=0), a.std(), np.percentile(a, [25, 50, 75]))", "[2.5 3.5 4.5] 1.707825127659933 [2.25 3.5  4.75]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(np.where(a > 2)[0], np.argmax(a), a.sum(axis=1, keepdims=True).shape)", "[0 1 1 1] 5 (2, 1)\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(np.vstack([a, a]).shape, np.hstack([a, a]).shape, np.concatenate([a, a], axis=1).shape)", "(4, 3) (2, 6) (2, 6)\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(np.cumsum([1, 2, 3]), np.diff([1, 4, 9]), np.deg2rad(180.0))", "[1 3 6] [3 5] 3.141592653589793\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(np.round(2.5), np.round(3.5), np.around(1.2345, 2))", "2.0 4.0 1.23\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(np.linspace(0, 1, 5), np.arange(0, 1, 0.25))", "[0.   0.25 0.5  0.75 1.  ] [0.   0.25 0.5  0.75]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nprint(a[:, 1], a[1], a.T.shape, a.reshape(-1).shape)", "[2. 5.] [4. 5. 6.] (3, 2) (6,)\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(b, (a > 2) & (a < 6))", "[[0. 5. 0.]\n [0. 0. 0.]] [[False False  True]\n [ True  True False]]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.sqrt(np.array([4., 9.])), np.arctan2(1.0, 1.0), np.pi)", "[2. 3.] 0.7853981633974483 3.141592653589793\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(len(a), a.shape, a.ndim, a.size)", "2 (2, 3) 2 6\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.mean([1, 2, 3, 4]), np.median([3, 1, 2]), np.std([1, 2, 3, 4], ddof=1))", "2.5 2.0 1.2909944487358056\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.array([1.5, 2.0, -3.25])))", "array([ 1.5 ,  2.  , -3.25])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.array([[1, 2], [3, 40]])))", "array([[ 1,  2],\n       [ 3, 40]])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([1e-5, 1.0, 2.5]))", "[1.0e-05 1.0e+00 2.5e+00]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.array([1e-5, 1.0, 2.5])))", "array([1.0e-05, 1.0e+00, 2.5e+00])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([1e9, 2.0]))", "[1.e+09 2.e+00]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([0.0, np.nan, np.inf, -1.5]))", "[ 0.   nan  inf -1.5]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.arange(30) * 1.5)", "[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n 42.  43.5]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.arange(30) * 1.5))", "array([ 0. ,  1.5,  3. ,  4.5,  6. ,  7.5,  9. , 10.5, 12. , 13.5, 15. ,\n       16.5, 18. , 19.5, 21. , 22.5, 24. , 25.5, 27. , 28.5, 30. , 31.5,\n       33. , 34.5, 36. , 37.5, 39. , 40.5, 42. , 43.5])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.arange(24).reshape(2, 3, 4))", "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([True, False, True]))", "[ True False  True]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.array([True, False])))", "array([ True, False])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.arange(2000))", "[   0    1    2 ... 1997 1998 1999]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.zeros((2, 2)))", "[[0. 0.]\n [0. 0.]]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([-0.5, 0.25]))", "[-0.5   0.25]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(repr(np.array([[0.5, -1.0], [2.0, 3.0]])))", "array([[ 0.5, -1. ],\n       [ 2. ,  3. ]])\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([100.0, 0.01]))", "[1.e+02 1.e-02]\n"),
    .init("import numpy as np\na = np.array([[1., 2., 3.], [4., 5., 6.]])\nb = np.zeros((2, 3)); b[0, 1] = 5\nprint(np.array([123456.0, 1.5]))", "[1.23456e+05 1.50000e+00]\n"),
]

@Test(arguments: numpyDisplayCases) func numpyDisplay(_ program: ProgramCase) { check(program) }
