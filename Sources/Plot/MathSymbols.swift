/// The TeX names mathtext labels use, as Unicode.
enum MathSymbols {
    /// Commands that stand for one character.
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "div": "÷", "leq": "≤", "le": "≤", "geq": "≥",
        "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝",
        "sum": "∑", "prod": "∏", "int": "∫", "partial": "∂", "nabla": "∇", "rightarrow": "→", "to": "→",
        "leftarrow": "←", "Rightarrow": "⇒", "leftrightarrow": "↔", "uparrow": "↑", "downarrow": "↓", "mapsto": "↦",
        "in": "∈", "notin": "∉", "subset": "⊂", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃",
        "circ": "∘", "bullet": "∙", "star": "⋆", "ell": "ℓ", "hbar": "ℏ", "langle": "⟨", "rangle": "⟩",
        "lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "‖", "ldots": "…", "cdots": "⋯", "dots": "…",
        "degree": "°", "prime": "′", "dagger": "†", "top": "⊤", "perp": "⊥", "emptyset": "∅", "neg": "¬",
        "wedge": "∧", "vee": "∨", "oplus": "⊕", "otimes": "⊗", "percent": "%",
    ]

    /// Combining marks of the accent commands, placed after the accented character.
    static let accents: [String: Character] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}", "tilde": "\u{0303}",
        "widetilde": "\u{0303}", "dot": "\u{0307}", "ddot": "\u{0308}", "vec": "\u{20D7}", "check": "\u{030C}",
        "acute": "\u{0301}", "grave": "\u{0300}", "breve": "\u{0306}",
    ]
}
