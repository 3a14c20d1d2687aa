class A:
    count = 0
    def __init__(self, x):
        self.x = x
        A.count += 1
    def __repr__(self):
        return f"A({self.x})"
    def __eq__(self, other):
        return isinstance(other, A) and self.x == other.x
    def __lt__(self, other):
        return self.x < other.x
print(sorted([A(3), A(1)]), A(1) == A(1), A.count, A(2) in [A(2)])
#---
class B:
    @property
    def v(self):
        return 5
    @staticmethod
    def s(a):
        return a * 2
    @classmethod
    def c(cls):
        return cls.__name__
print(B().v, B.s(3), B.c(), isinstance(B(), object), hasattr(B(), 'v'), getattr(B(), 'w', 7))
#---
class P:
    def f(self): return 'P'
class Q(P):
    def f(self): return 'Q' + super().f()
print(Q().f(), issubclass(Q, P), type(Q()).__name__)
#---
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), sum(gen(3)), next(iter([5, 6])))
#---
try:
    {}['k']
except KeyError as e:
    print('KeyError', e)
try:
    [1][3]
except IndexError as e:
    print(e)
try:
    int('x')
except ValueError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
#---
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1), f(1, 5, 6, 7, c=0, d=9))
#---
add = lambda x, y=1: x + y
print(add(2), list(map(lambda t: t[1], [(1, 'a'), (2, 'b')])), list(filter(None, [0, 1, '', 'x'])))
#---
s = "  Hello, World  "
print(s.strip().lower(), s.split(','), s.replace('l', 'L', 1), '-'.join(['a', 'b']), s.count('l'), s.find('W'), 'ab' * 3)
#---
print("%d items at %.2f" % (3, 2.5), "{0}-{1}-{0}".format('a', 'b'), f"{'x'!r}", f"{10:,}", f"{3.0:g}", f"{0.000123:g}")
#---
print(1 == 1.0, 0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(-3), max(3, 7, 2), min([4, 1]), sum([0.1] * 10), pow(2, 10), 2 ** 0.5)
#---
print(isinstance(True, int), True + True, None is None, type(None).__name__, bool([]), bool([0]), not 0)
#---
x = [3, 1, 2]
x.sort(reverse=True); y = x.copy(); y.append(0); x.extend([9]); x.insert(0, 7)
print(x, y, x.pop(), x.index(3), len(x), [i for i in x if i % 2])
#---
t = (1, 2, 3)
a, *b = t
print(a, b, t[1:], t + (4,), t.count(2), hash((1, 2)) == hash((1, 2)))
#---
s = {1, 2, 3}
print(s | {4}, s & {2, 9}, s - {1}, 2 in s, sorted(s ^ {3, 5}), len(set('hello')))
#---
import math
print(math.sqrt(2), math.pi, math.exp(1), math.log(100, 10), math.floor(-2.5), math.ceil(2.1), math.inf, math.isnan(float('nan')))
#---
d = {}
d.setdefault('a', []).append(1)
d.update(b=2)
print(d, d.get('z'), d.pop('b'), list(d.keys()), 'a' in d, dict(zip('xy', [1, 2])))
#---
from collections import defaultdict, Counter, OrderedDict
c = Counter('abracadabra')
dd = defaultdict(int); dd['x'] += 1
print(c.most_common(2), dict(dd))
#---
print(str(1e16), str(1.5e-7), str(100.0), str(2**70), 7 // -2, 7.5 // 2, int('0x1f', 16), bin(5), hex(255), round(1234.5678, -2))
#---
print([[0] * 2 for _ in range(2)], [x * y for x in range(3) for y in range(2) if x], {i: i * i for i in range(3)})
#---
import random
random.seed(0)
print(random.random(), random.randint(1, 10), random.choice([1, 2, 3]))
#---
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
        return n
    return inner
f = outer(); f(); print(f())
#---
print(list(reversed([1, 2, 3])), all([]), any([]), sorted('bca', key=str.upper), 'abc'[::-1], 'a,b,,c'.split(','), '%s' % [1, 2])
#---
x = 5
x += 2; x *= 3; x //= 4; x **= 2; x %= 7
print(x, 5 if x > 2 else 6, x == 2 or x)
#---
print(f"{2/3:.3}", f"{12345.678:.2e}", f"{-0.0}", f"{1/3!s:>12}", f"{'hi':*^8}", f"{255:08b}", f"{7:+d}")
#---
d = {'k': 1}
for f in [lambda: d[3], lambda: (1,)[2], lambda: 'ab'[5], lambda: [1].pop(4)]:
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, e, e.args)
