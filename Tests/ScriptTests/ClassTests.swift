import Testing

/// Classes and exceptions, each case's expected output printed by CPython 3.11.
let classCases: [ProgramCase] = [
    .init("class C:\n    pass\nc = C()\nprint(type(c).__name__, isinstance(c, C), isinstance(c, object))", "C True True\n"),
    .init("class C:\n    x = 1\n    def get(self):\n        return self.x\nc = C()\nc.x = 5\nprint(c.get(), C.x, C().get())", "5 1 1\n"),
    .init("class P:\n    def __init__(self, a, b=2, *, c=3):\n        self.a, self.b, self.c = a, b, c\np = P(1, c=9)\nprint(p.a, p.b, p.c)", "1 2 9\n"),
    .init("class A:\n    def f(self):\n        return 'A'\n    def g(self):\n        return self.f() + '!'\nclass B(A):\n    def f(self):\n        return 'B'\nprint(B().g(), A().g(), issubclass(B, A), issubclass(A, B))", "B! A! True False\n"),
    .init("class A:\n    def __init__(self, x):\n        self.x = x\nclass B(A):\n    def __init__(self, x, y):\n        super().__init__(x * 10)\n        self.y = y\nb = B(1, 2)\nprint(b.x, b.y)", "10 2\n"),
    .init("class A:\n    def hello(self):\n        return 'a'\nclass B(A):\n    def hello(self):\n        return 'b' + super().hello()\nclass C(B):\n    def hello(self):\n        return 'c' + super().hello()\nprint(C().hello())", "cba\n"),
    .init("class T:\n    def __init__(self):\n        self._v = 1\n    @property\n    def v(self):\n        return self._v * 10\n    @v.setter\n    def v(self, value):\n        self._v = value\nt = T()\nt.v = 4\nprint(t.v)", "40\n"),
    .init("class M:\n    @staticmethod\n    def add(a, b):\n        return a + b\n    @classmethod\n    def create(cls):\n        return cls.__name__\nprint(M.add(1, 2), M().add(3, 4), M.create(), M().create())", "3 7 M M\n"),
    .init("class V:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'V({self.x})'\n    def __add__(self, o):\n        return V(self.x + o.x)\n    def __mul__(self, k):\n        return V(self.x * k)\n    def __rmul__(self, k):\n        return V(self.x * k * 100)\n    def __neg__(self):\n        return V(-self.x)\n    def __eq__(self, o):\n        return isinstance(o, V) and self.x == o.x\n    def __lt__(self, o):\n        return self.x < o.x\nprint(V(1) + V(2), V(2) * 3, 3 * V(2), -V(5), V(1) == V(1), V(1) != V(1), V(1) < V(2), V(3) > V(2))\nprint(sorted([V(3), V(1), V(2)]))", "V(3) V(6) V(600) V(-5) True False True True\n[V(1), V(2), V(3)]\n"),
    .init("class S:\n    def __init__(self, n):\n        self.n = n\n    def __len__(self):\n        return self.n\n    def __getitem__(self, i):\n        if i >= self.n:\n            raise IndexError('end')\n        return i * 2\n    def __contains__(self, v):\n        return v == 'magic'\ns = S(3)\nprint(len(s), s[1], list(s), 'magic' in s, 4 in s, bool(S(0)), bool(s))", "3 2 [0, 2, 4] True False False True\n"),
    .init("class It:\n    def __init__(self):\n        self.i = 0\n    def __iter__(self):\n        return self\n    def __next__(self):\n        self.i += 1\n        if self.i > 3:\n            raise StopIteration\n        return self.i\nprint([x for x in It()], sum(It()))", "[1, 2, 3] 6\n"),
    .init("class F:\n    def __call__(self, x, k=1):\n        return x * k\nf = F()\nprint(f(3), f(3, k=2), callable(f))", "3 6 True\n"),
    .init("class D:\n    def __init__(self):\n        self.d = {}\n    def __setitem__(self, k, v):\n        self.d[k] = v * 2\n    def __getitem__(self, k):\n        return self.d[k]\nd = D()\nd['a'] = 4\nprint(d['a'])", "8\n"),
    .init("class E:\n    def __str__(self):\n        return 'str-form'\n    def __repr__(self):\n        return 'repr-form'\ne = E()\nprint(e, [e], f'{e}', f'{e!r}', str(e), repr(e))", "str-form [repr-form] str-form repr-form str-form repr-form\n"),
    .init("class Ctx:\n    def __enter__(self):\n        print('enter')\n        return 42\n    def __exit__(self, a, b, c):\n        print('exit')\nwith Ctx() as v:\n    print(v)", "enter\n42\nexit\n"),
    .init("class G:\n    def __getattr__(self, name):\n        return name.upper()\ng = G()\nprint(g.hello, getattr(g, 'x'))", "HELLO X\n"),
    .init("class C:\n    count = 0\n    def __init__(self):\n        C.count += 1\nC(); C(); C()\nprint(C.count)", "3\n"),
    .init("class C:\n    def __init__(self):\n        self.items = []\n    def add(self, x):\n        self.items.append(x)\n        return self\nprint(C().add(1).add(2).items)", "[1, 2]\n"),
    .init("def make(base):\n    class K(base):\n        def who(self):\n            return 'K<' + super().who()\n    return K\nclass B:\n    def who(self):\n        return 'B'\nprint(make(B)().who())", "K<B\n"),
    .init("def outer():\n    factor = 3\n    class K:\n        def scale(self, x):\n            return x * factor\n    return K()\nprint(outer().scale(2))", "6\n"),
    .init("x = 'global'\nclass K:\n    x = 'class'\n    def f(self):\n        return x\nprint(K().f(), K.x)", "global class\n"),
    .init("class K:\n    pass\nk = K()\nsetattr(k, 'a', 1)\nprint(hasattr(k, 'a'), hasattr(k, 'b'), getattr(k, 'b', 'dflt'), getattr(k, 'a'))\ndelattr(k, 'a')\nprint(hasattr(k, 'a'))", "True False dflt 1\nFalse\n"),
    .init("class K:\n    '''Doc string.'''\n    def m(self):\n        pass\nprint(K.__doc__, K.__name__, K.m.__name__)", "Doc string. K m\n"),
    .init("class A:\n    pass\nclass B(A):\n    pass\nprint(isinstance(B(), (int, A)), isinstance(1, (str, int)), isinstance(True, int), isinstance('s', str), isinstance([], list), isinstance({}, dict), isinstance(1.5, float), isinstance((1,), tuple))", "True True True True True True True True\n"),
    .init("print(type(1).__name__, type('a').__name__, type([]).__name__)", "int str list\n"),
    .init("class K:\n    def __init__(self, v):\n        self.v = v\nks = [K(3), K(1), K(2)]\nprint([k.v for k in sorted(ks, key=lambda k: k.v)], max(ks, key=lambda k: k.v).v)", "[1, 2, 3] 3\n"),
    .init("class K:\n    def __init__(self):\n        return None\nprint(type(K()).__name__)", "K\n"),
    .init("class Env:\n    def __init__(self, n):\n        self.n = n\n        self.reset()\n    def reset(self):\n        self.t = 0\n        return self.t\n    def step(self, a):\n        self.t += a\n        return self.t, self.t >= self.n\ne = Env(3)\ndone = False\nwhile not done:\n    t, done = e.step(1)\nprint(t)", "3\n"),
    .init("try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    print('caught', e, repr(e), e.args)", "caught bad ValueError('bad') ('bad',)\n"),
    .init("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(type(e).__name__)\nexcept Exception:\n    print('general')", "ZeroDivisionError\n"),
    .init("try:\n    [][1]\nexcept (KeyError, IndexError) as e:\n    print(type(e).__name__, isinstance(e, LookupError))", "IndexError True\n"),
    .init("try:\n    {}['k']\nexcept LookupError:\n    print('lookup')", "lookup\n"),
    .init("try:\n    int('x')\nexcept ValueError:\n    print('value')", "value\n"),
    .init("try:\n    undefined_name\nexcept NameError:\n    print('name')", "name\n"),
    .init("try:\n    None.foo\nexcept AttributeError:\n    print('attr')", "attr\n"),
    .init("try:\n    'a' + 1\nexcept TypeError:\n    print('type')", "type\n"),
    .init("try:\n    assert 1 == 2, 'nope'\nexcept AssertionError as e:\n    print('assert', e)", "assert nope\n"),
    .init("try:\n    x = 1\nexcept Exception:\n    print('no')\nelse:\n    print('else', x)\nfinally:\n    print('finally')", "else 1\nfinally\n"),
    .init("def f():\n    try:\n        return 'try'\n    finally:\n        print('cleanup')\nprint(f())", "cleanup\ntry\n"),
    .init("def f():\n    try:\n        raise ValueError()\n    except ValueError:\n        return 'handled'\n    finally:\n        print('fin')\nprint(f())", "fin\nhandled\n"),
    .init("def f():\n    for i in range(3):\n        try:\n            if i == 1:\n                break\n        finally:\n            print('f', i)\n    return i\nprint(f())", "f 0\nf 1\n1\n"),
    .init("def f():\n    try:\n        return 1\n    finally:\n        return 2\nprint(f())", "2\n"),
    .init("class MyError(Exception):\n    pass\nclass Sub(MyError):\n    pass\ntry:\n    raise Sub('deep')\nexcept MyError as e:\n    print(type(e).__name__, e, isinstance(e, Exception))", "Sub deep True\n"),
    .init("class CodeError(Exception):\n    def __init__(self, code):\n        super().__init__(f'code {code}')\n        self.code = code\ntry:\n    raise CodeError(7)\nexcept CodeError as e:\n    print(e.code, e, e.args)", "7 code 7 ('code 7',)\n"),
    .init("try:\n    try:\n        raise KeyError('k')\n    except KeyError:\n        print('inner')\n        raise\nexcept KeyError as e:\n    print('outer', repr(e))", "inner\nouter KeyError('k')\n"),
    .init("try:\n    try:\n        raise ValueError('a')\n    except ValueError as e:\n        raise RuntimeError('b') from e\nexcept RuntimeError as e:\n    print(e)", "b\n"),
    .init("try:\n    raise TypeError\nexcept TypeError as e:\n    print(repr(e), str(e) == '')", "TypeError() True\n"),
    .init("def risky(n):\n    if n < 0:\n        raise ValueError(f'negative: {n}')\n    return n\nout = []\nfor n in [1, -2, 3]:\n    try:\n        out.append(risky(n))\n    except ValueError as e:\n        out.append(str(e))\nprint(out)", "[1, 'negative: -2', 3]\n"),
    .init("try:\n    raise Exception('a', 'b')\nexcept Exception as e:\n    print(e, e.args)", "('a', 'b') ('a', 'b')\n"),
    .init("e = ValueError('x')\nprint(isinstance(e, Exception), repr(e), str(e))", "True ValueError('x') x\n"),
    .init("try:\n    pass\nfinally:\n    print('only finally')", "only finally\n"),
    .init("try:\n    raise NotImplementedError('later')\nexcept RuntimeError as e:\n    print('NotImplementedError is a RuntimeError:', e)", "NotImplementedError is a RuntimeError: later\n"),
    .init("def g(*args, **kwargs):\n    return args, sorted(kwargs.items())\nopts = {'a': 1, 'b': 2}\nprint(g(1, *[2, 3], **opts), g(**opts, c=3))", "((1, 2, 3), [('a', 1), ('b', 2)]) ((), [('a', 1), ('b', 2), ('c', 3)])\n"),
]

@Test(arguments: classCases)
func classProgram(_ program: ProgramCase) {
    check(program)
}

/// What the fast paths of method calls and `self.x op= v` must still honour: an attribute
/// removed or a `__setattr__` added while the right side runs, a method replaced on the
/// class or shadowed by the instance after calls were cached, a property (output from
/// CPython).
let fastPathCases: [ProgramCase] = [
    .init("class C:\n    def __init__(self):\n        self.n = 1\n    def bump(self):\n        delattr(self, 'n')\n        self.a = 5\n        return 10\n    def go(self):\n        self.n += self.bump()\n        return self.n, self.a\nprint(C().go())\nclass D:\n    def __init__(self):\n        self.n = 1\n    def hook(self):\n        def setter(obj, name, value):\n            obj.__dict__[name] = value * 100\n        D.__setattr__ = setter\n        return 2\n    def go(self):\n        self.n += self.hook()\n        return self.n\nprint(D().go())\nclass E:\n    def f(self, k):\n        return k\ne = E()\nout = []\nfor i in range(3):\n    out.append(e.f(i))\n    if i == 0:\n        E.f = lambda self, k: k * 10\n    if i == 1:\n        e.f = lambda k: -k\nprint(out)\nclass P:\n    def __init__(self):\n        self._v = 1\n    @property\n    def v(self):\n        return self._v\n    @v.setter\n    def v(self, x):\n        self._v = x * 2\n    def go(self):\n        self.v += 1\n        return self._v, self.v\nprint(P().go())\n", "(11, 5)\n300\n[0, 10, -2]\n(4, 4)\n"),
]

@Test(arguments: fastPathCases)
func fastPathProgram(_ program: ProgramCase) {
    check(program)
}

/// Decorators written with `functools.wraps`, on functions and methods (output from CPython).
let wrapsCases: [ProgramCase] = [
    .init("import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def inner(*a, **k):\n        return fn(*a, **k) * 10\n    return inner\n@deco\ndef g(x):\n    \"\"\"Doubles.\"\"\"\n    return 2 * x\nprint(g(2), g.__name__, g.__wrapped__(3))\nclass A:\n    @deco\n    def m(self, v):\n        return v + 1\nprint(A().m(1))\n", "40 g 6\n20\n"),
]

@Test(arguments: wrapsCases)
func wrapsProgram(_ program: ProgramCase) {
    check(program)
}

/// `del obj.attr` on instances and classes (output from CPython).
let deleteAttributeCases: [ProgramCase] = [
    .init("class K:\n    x = 1\n    def __init__(self):\n        self.a = 1\nk = K()\ndel k.a\nprint(hasattr(k, 'a'))\ndel K.x\nprint(hasattr(K, 'x'))\ntry:\n    del k.zz\nexcept AttributeError as e:\n    print('AttributeError', e)\nk.b = 2\ndel k.b, k\ntry:\n    k\nexcept NameError:\n    print('gone')", "False\nFalse\nAttributeError 'K' object has no attribute 'zz'\ngone\n"),
    .init("del [1].x", "error: 1:9: cannot delete attribute 'x' of a 'list' object\n"),
]

@Test(arguments: deleteAttributeCases)
func deleteAttributeProgram(_ program: ProgramCase) {
    check(program)
}
