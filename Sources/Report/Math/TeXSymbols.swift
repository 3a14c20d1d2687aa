/// The TeX commands the math renderer knows, by kind.
enum TeXSymbols {
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols drawn as identifiers (ordinary letters).
    static let letters: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅",
        "varnothing": "∅", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
    ]

    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤",
        "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
        "equiv": "≡", "propto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂",
        "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩", "to": "→",
        "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
        "leftrightarrow": "↔", "Leftrightarrow": "⇔", "mapsto": "↦", "implies": "⟹", "iff": "⟺",
        "longrightarrow": "⟶", "uparrow": "↑", "downarrow": "↓", "forall": "∀", "exists": "∃",
        "neg": "¬", "lnot": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "circ": "∘",
        "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ast": "∗", "star": "⋆", "ldots": "…",
        "cdots": "⋯", "dots": "…", "vdots": "⋮", "ddots": "⋱", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "mid": "∣", "parallel": "∥",
        "perp": "⊥", "top": "⊤", "prime": "′", "setminus": "∖", "ll": "≪", "gg": "≫",
        "bullet": "∙", "triangleq": "≜", "coloneqq": "≔", "|": "‖", "{": "{", "}": "}",
        "lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "‖", "%": "%", "&": "&", "_": "_",
        "#": "#", "$": "$", "bmod": "mod", "dagger": "†",
    ]

    static let bigOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂",
    ]

    /// Named functions, set upright; those in `limitFunctions` take limits below in display.
    static let functions: Set<String> = [
        "log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arcsin", "arccos", "arctan",
        "max", "min", "arg", "det", "dim", "lim", "sup", "inf", "Pr", "ker", "deg", "gcd", "argmax", "argmin",
        "liminf", "limsup", "tr", "diag", "sgn", "var", "cov",
    ]
    static let limitFunctions: Set<String> = ["max", "min", "lim", "sup", "inf", "argmax", "argmin", "liminf", "limsup", "Pr"]

    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", "!": "-0.1667em", " ": "0.25em",
        "quad": "1em", "qquad": "2em", "enspace": "0.5em", "thinspace": "0.1667em",
    ]

    static let accents: [String: String] = [
        "hat": "^", "widehat": "^", "bar": "¯", "overline": "‾", "tilde": "~", "widetilde": "~",
        "dot": "˙", "ddot": "¨", "vec": "→", "overrightarrow": "→", "check": "ˇ", "breve": "˘",
    ]

    static let fonts: [String: String] = [
        "mathbf": "bold", "boldsymbol": "bold-italic", "bm": "bold-italic", "mathrm": "normal",
        "mathcal": "script", "mathscr": "script", "mathbb": "double-struck", "mathit": "italic",
        "mathsf": "sans-serif", "mathtt": "monospace", "mathfrak": "fraktur",
    ]

    /// Commands that change nothing in MathML and are skipped.
    static let ignored: Set<String> = [
        "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber", "notag",
        "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "left.", "middle",
    ]

    static let environments: [String: (align: String, open: String?, close: String?)] = [
        "align": ("right left", nil, nil), "align*": ("right left", nil, nil),
        "aligned": ("right left", nil, nil), "equation": ("center", nil, nil),
        "equation*": ("center", nil, nil), "gather": ("center", nil, nil), "gather*": ("center", nil, nil),
        "multline": ("center", nil, nil), "multline*": ("center", nil, nil),
        "split": ("right left", nil, nil), "cases": ("left left", "{", nil),
        "matrix": ("center", nil, nil), "pmatrix": ("center", "(", ")"), "bmatrix": ("center", "[", "]"),
        "vmatrix": ("center", "|", "|"), "Bmatrix": ("center", "{", "}"), "array": ("center", nil, nil),
    ]
}
