import Testing

/// What goes wrong with classes and exceptions is said with its position and what to write.
let classErrorCases: [ProgramCase] = [
    .init("class A: pass\nclass B: pass\nclass C(A, B): pass",
          "error: 3:1: class 'C' has 2 base classes; rnn code supports single inheritance only (one base class)\n"),
    .init("class K:\n    def m(self):\n        return super().m()\nK().m()", "error: 3:16: 'super' object has no attribute 'm'\n"),
    .init("def f():\n    return super().x\nf()",
          "error: 2:12: super() without arguments works only directly inside a method that takes 'self'; write super(ClassName, self) elsewhere\n"),
    .init("raise 5", "error: 1:1: exceptions must derive from BaseException, not int\n"),
    .init("try:\n    1/0\nexcept 3:\n    pass", "error: 3:8: catching classes that do not inherit from BaseException is not allowed\n"),
    .init("class K:\n    def __init__(self):\n        self.a = 1\nK().b", "error: 4:5: 'K' object has no attribute 'b' (did you mean 'a'?)\n"),
    .init("class Config:\n    pass\nConfig(3)", "error: 3:1: Config() takes no arguments\n"),
    .init("raise ValueError('bad input')", "error: 1:1: ValueError: bad input\n"),
    .init("class Oops(Exception):\n    pass\nraise Oops", "error: 3:1: Oops\n"),
    .init("raise NotImplementedError('Student exercise: compute the reward.')",
          "error: 1:1: NotImplementedError: Student exercise: compute the reward.\n"),
    .init("raise", "error: 1:1: no active exception to re-raise\n"),
    .init("try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')",
          "error: 3:9: block exceeded its budget of 2000 operations\n", operations: 2000),
    .init("class A:\n    x = 1\n    return x", "error: 3:5: 'return' outside function\n"),
    .init("yield 1", "error: 1:1: 'yield' (generators) is not supported in rnn code; build and return a list instead\n"),
    .init("except ValueError:\n    pass", "error: 1:1: 'except' without a matching 'try'\n"),
    .init("class C(metaclass=M):\n    pass",
          "error: 1:19: class keyword arguments and unpacked bases (metaclass=…, *bases) are not supported in rnn code\n"),
    .init("@dataclass\nclass P:\n    xs: list = []", "error: 1:2: mutable default <class 'list'> for field xs is not allowed: use default_factory\n"),
    .init("f = lambda **k: k\nf(**[1])", "error: 2:1: argument after ** must be a mapping, not list\n"),
]

@Test(arguments: classErrorCases)
func classErrorProgram(_ program: ProgramCase) {
    check(program)
}
