import Testing

/// `collections`: defaultdict, Counter, OrderedDict and namedtuple, printed as CPython 3.11
/// prints them.
let collectionsCases: [ProgramCase] = [
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nd = defaultdict(list)\nd['a'].append(1)\nprint(d, repr(defaultdict(int)), defaultdict(None))", "defaultdict(<class 'list'>, {'a': [1]}) defaultdict(<class 'int'>, {}) defaultdict(None, {})\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nn = defaultdict(int)\nfor w in 'a b a c a'.split():\n    n[w] += 1\nprint(n, dict(n), n['zz'], len(n), n.get('q'), 'q' in n)", "defaultdict(<class 'int'>, {'a': 3, 'b': 1, 'c': 1, 'zz': 0}) {'a': 3, 'b': 1, 'c': 1} 0 4 None False\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\ndd = defaultdict(lambda: 'x')\ndd[1]\nc = dd.copy()\nprint(dict(dd), c['q'], list(c.items()), type(c).__name__)", "{1: 'x'} x [(1, 'x'), ('q', 'x')] defaultdict\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nprint(defaultdict(list, {'x': [1]}), defaultdict(int, a=1), defaultdict(set)['k'])", "defaultdict(<class 'list'>, {'x': [1]}) defaultdict(<class 'int'>, {'a': 1}) set()\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nc = Counter('abracadabra')\nprint(c, c.most_common(2), Counter(), sorted(c.elements())[:4], c.total(), c['zz'], 'zz' in c)", "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] Counter() ['a', 'a', 'a', 'a'] 11 0 False\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nc = Counter('abracadabra')\nc.update('zz')\nc.subtract({'a': 10})\nprint(c, c.most_common())", "Counter({'b': 2, 'r': 2, 'z': 2, 'c': 1, 'd': 1, 'a': -5}) [('b', 2), ('r', 2), ('z', 2), ('c', 1), ('d', 1), ('a', -5)]\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nprint(Counter(a=3, b=1) + Counter(a=1, b=-5, c=2), Counter(a=3) - Counter(a=5, b=1), Counter({'x': 2, 'y': 5}))", "Counter({'a': 4, 'c': 2}) Counter() Counter({'y': 5, 'x': 2})\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nc = Counter()\nfor w in ['cat', 'dog', 'cat']:\n    c[w] += 1\nprint(c, c.most_common(1)[0])", "Counter({'cat': 2, 'dog': 1}) ('cat', 2)\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\no = OrderedDict([('a', 1), ('b', 2), ('c', 3)])\no.move_to_end('a')\nprint(o)\no.move_to_end('c', last=False)\nprint(o, o.popitem(), o.popitem(last=False), o, OrderedDict())", "OrderedDict([('b', 2), ('c', 3), ('a', 1)])\nOrderedDict([('b', 2)]) ('a', 1) ('c', 3) OrderedDict([('b', 2)]) OrderedDict()\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nprint(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), dict(OrderedDict(a=1)))", "False True {'a': 1}\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nd = defaultdict(list)\nc = Counter('ab')\no = OrderedDict()\nprint(type(d).__name__, type(c).__name__, type(o).__name__)", "defaultdict Counter OrderedDict\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nx = {'a': 1, 'b': 2}\nprint(x.popitem(), x)", "('b', 2) {'a': 1}\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nPoint = namedtuple('Point', ['x', 'y'])\np = Point(1, 2)\nprint(p, Point, p.x, p[1], p[-1], p[:1], len(p), p == (1, 2), (1, 2) == p, p != (1, 3))", "Point(x=1, y=2) <class '__main__.Point'> 1 2 2 (1,) 2 True True True\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nPoint = namedtuple('Point', 'x y')\np = Point(y=2, x=1)\nprint(p._replace(y=5), p._fields, Point._fields, p._asdict(), Point._make([3, 4]), p.count(1), p.index(2))", "Point(x=1, y=5) ('x', 'y') ('x', 'y') {'x': 1, 'y': 2} Point(x=3, y=4) 1 1\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nQ = namedtuple('Q', 'a b, c', defaults=[9])\nprint(Q(1, 2), Q(1, 2, 3), Q._field_defaults)", "Q(a=1, b=2, c=9) Q(a=1, b=2, c=3) {'c': 9}\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nPoint = namedtuple('Point', ['x', 'y'])\np = Point(1, 2)\nprint(hash(p) == hash((1, 2)), p + (3,), p < (1, 3), {p: 1}[(1, 2)], {(1, 2): 'k'}[p], list(p), type(p).__name__)", "True (1, 2, 3) True 1 k [1, 2] Point\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nPoint = namedtuple('Point', ['x', 'y'])\na, b = Point(1, 2)\nprint(a, b, (1, 2) in [Point(1, 2)], Point(1, 2) in [(1, 2)], set([Point(1, 2), (1, 2)]), sorted([Point(2, 0), Point(1, 5)]))", "1 2 True True {Point(x=1, y=2)} [Point(x=1, y=5), Point(x=2, y=0)]\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nprint(namedtuple('R', ['a', 'def', 'a', '_x'], rename=True)._fields)", "('a', '_1', '_2', '_3')\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nPoint = namedtuple('Point', ['x', 'y'])\nps = [Point(1, 2), Point(3, 4)]\nprint(sum(p.x for p in ps) if False else sum([p.x for p in ps]), max(ps, key=lambda p: p.y), [p.y for p in ps])", "4 Point(x=3, y=4) [2, 4]\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\ndefaultdict(3)", "error: 2:1: first argument must be callable or None\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nd = defaultdict(None)\nd['k']", "error: 3:1: key 'k' not found in dict\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\n{}.popitem()", "error: 2:1: 'popitem(): dictionary is empty'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nnamedtuple('A', ['_x'])", "error: 2:1: Field names cannot start with an underscore: '_x'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nnamedtuple('A', ['x', 'x'])", "error: 2:1: Encountered duplicate field name: 'x'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nnamedtuple('A', ['1x'])", "error: 2:1: Type names and field names must be valid identifiers: '1x'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nnamedtuple('A', ['def'])", "error: 2:1: Type names and field names cannot be a keyword: 'def'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nP = namedtuple('Point', 'x y')\nP(1)", "error: 3:1: Point.__new__() missing required argument 'y'\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nP = namedtuple('Point', 'x y')\nP(1, 2)._replace(z=1)", "error: 3:1: Got unexpected field names: ['z']\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nP = namedtuple('Point', 'x y')\nP(1, 2).z", "error: 3:9: 'Point' object has no attribute 'z' (did you mean 'x'?)\n"),
    .init("from collections import defaultdict, Counter, OrderedDict, namedtuple\nP = namedtuple('Point', 'x y')\np = P(1, 2)\np.x = 3", "error: 4:3: can't set attribute\n"),
]

@Test(arguments: collectionsCases) func collections(_ program: ProgramCase) { check(program) }
