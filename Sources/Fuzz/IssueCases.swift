/// The minimal inputs of issue 21, and a few more of each kind, as seeds for the fuzzer.
enum IssueCases {
    static let programs = [
        "arange(0, 9223372036854775807, 1)",
        "PerceptualDecisionMaking(dt=float('inf'))",
        "PerceptualDecisionMaking(dt=1e1000)",
        "td_loss([], [], [1e19], 0.9)",
        "td_loss([], [], [float('nan')], 0.9)",
        "LSTM(1 << 62, 2**62)",
        "a = []; a.append(a); tensor(a)",
        "a = []\na.append(a)\nassert_close(a, a)",
        "[a for a in [a for a in [a for a in [1]]]]",
        "zeros(*([1] * 100))",
        "L = []\nfor i in range(30): L.append([0]*9000000)",
        "net = Linear(2, 1)\nnet.save('x')\nnet.load('/etc/passwd')",
        "plt.plot([1, 2])\nplt.savefig('../../../x.svg')",
        "def f(x):\n    return f(x)\nf(1)",
        "x = randn(3, 4, requires_grad=True)\ny = (x @ x.T).sum()\ny.backward()\nprint(x.grad.shape)",
        "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(2, 1)\n    def forward(self, x):\n        return self.fc(x)\nM()(ones(3, 2))",
        "try:\n    raise ValueError('x')\nexcept ValueError as e:\n    print(e)\nfinally:\n    pass",
        "f'{1:.4f} {\"a\"!r} {[1,2][0]:>10}'",
        "d = {'a': 1, **{'b': 2}}\nsorted(d.items(), key=lambda kv: -kv[1])",
        "import numpy as np\nnp.linspace(0, 1, 5).reshape(-1, 1) @ np.ones((1, 3))",
    ]

    static let html = [
        "See @fig-<script>.",
        "<script>alert(1)</script>",
        "Hover <span onmouseover=\"alert(1)\">here</span>",
        "<a href=\"javascript:alert(1)\">x</a> <a href=\"jav&#x61;script:x\">y</a>",
        "<img src=x onerror=alert(1)><svg onload=alert(1)>",
        "<div class=\"note\">\n\n*md*\n\n</div>",
        "<iframe src=//evil></iframe><style>*{}</style><!-- c --><b>open",
    ]

    static let formulas = [
        "h_t = \\tanh(W h_{t-1} + b)", "\\frac{a}{b}", "\\sum_{i=1}^{n} x_i^2", "\\mathbb{R}^{n \\times m}",
        "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "\\left( \\frac{1}{2} \\right)", "\\text{<script>}",
        "\\sqrt[3]{x}", "\\hat{y} = \\operatorname{softmax}(z)", "{{{{{{x}}}}}}",
    ]

    static let notebooks = [
        "---\ntitle: T\nseed: 1\n---\n# T\n\nSee @fig-a and $x$.\n\n```rnn #fig-a caption=\"A\"\nplt.plot([1])\n```\n",
        "```rnn exercise=e1 points=2\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n```\n\n```rnn check=c1 points=1\nassert x == 1\n```\n",
        "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n> quote\n\n$$\\frac{1}{2}$$\n",
    ]

    static let frontMatters = [
        "title: Lab\nauthors: [A, B]\nseed: 7\nparams:\n  n: 3\n  lr: 0.1\ntimeout: 5\nmemory: 64",
        "title: &a x\nother: *a\nlist: [1, [2, [3]]]",
        "params: {a: 1e400, b: .nan, c: !!binary aGVsbG8=}",
    ]

    static let fenceLines = [
        "rnn", "rnn #fig-loss caption=\"Training loss\" echo=false", "rnn exercise=reward points=2",
        "rnn check=c points=1.5 timeout=3 cache=false error=expected output=false", "python", "rnn\n#| echo: false\n#| label: fig-x",
    ]
}
