#!/usr/bin/env python3
"""Runs snippets of PyTorch / numpy / Python code in real Python and in rnnbook, and prints
every snippet whose printed output differs.

    PYTHON=/path/to/python-with-torch-and-numpy
    swift build -c release --product rnnbook
    $PYTHON scripts/conformance/conformance.py scripts/conformance/cases/*.py

A case file holds snippets separated by lines starting with `#---`. Each snippet runs on
its own, after `import torch`, `torch.nn as nn`, `torch.nn.functional as F`, `numpy as np`
and `math`, once in this interpreter and once as a block of one rnnbook notebook. A
difference is either a bug (a silent difference from what the user pasted) or one of the
documented ones in docs/conformance.md; an error in rnnbook where Python succeeds shows
rnnbook's message, which must say what to write instead.
"""
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile

PRELUDE = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nimport numpy as np\nimport math\n"
BINARY = os.environ.get("RNNBOOK", ".build/release/rnnbook")


def snippets(path):
    """The snippets of one case file, in order."""
    parts, current = [], []
    with open(path) as file:
        for line in file:
            if line.startswith("#---"):
                parts.append("".join(current))
                current = []
            else:
                current.append(line)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def run_in_python(code):
    """What the snippet prints in Python, and the exception it raises, if any."""
    scope = {}
    exec(PRELUDE, scope)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(code, scope)
    except Exception as error:  # the snippet's own exception is part of its behaviour
        return printed.getvalue() + f"raised {type(error).__name__}: {error}\n"
    return printed.getvalue()


def run_in_rnnbook(codes):
    """What each snippet prints in rnnbook, one block each, and the error it stops with."""
    blocks = ["---\ntitle: conformance\n---\n"]
    blocks += ["```rnn\n" + PRELUDE + code + ("" if code.endswith("\n") else "\n") + "```\n" for code in codes]
    with tempfile.TemporaryDirectory() as folder:
        notebook = os.path.join(folder, "conformance.md")
        with open(notebook, "w") as file:
            file.write("\n".join(blocks))
        result = subprocess.run([BINARY, "run", notebook], capture_output=True, text=True)
    outputs = re.split(r"^── \[\d+\] .*\n", result.stdout, flags=re.M)[1:]
    if outputs:
        outputs[-1] = re.sub(r"ran \d+ blocks?.*\Z", "", outputs[-1], flags=re.S)
    errors = {}
    for match in re.finditer(r"^\S*conformance\.md:(\d+):\d+: error: (.*)$", result.stderr, flags=re.M):
        errors[int(match.group(1))] = match.group(2)
    # Which block each error line belongs to: blocks start after the front matter, one per snippet.
    starts, line = [], 5
    for block in blocks[1:]:
        starts.append(line)
        line += block.count("\n") + 1
    for line, message in errors.items():
        index = max(i for i, start in enumerate(starts) if start <= line)
        if index < len(outputs):
            outputs[index] += f"error: {message}\n"
    return outputs, result


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    total = differing = 0
    for path in paths:
        codes = snippets(path)
        ours, result = run_in_rnnbook(codes)
        if len(ours) != len(codes):
            print(f"{path}: rnnbook ran {len(ours)} of {len(codes)} blocks:\n{result.stderr[-3000:]}")
            return 1
        for index, (code, mine) in enumerate(zip(codes, ours)):
            total += 1
            theirs = run_in_python(code)
            if theirs.strip() != mine.strip():
                differing += 1
                print(f"=== {path}, snippet {index + 1}\n{code.rstrip()}\n--- Python:\n{theirs.rstrip()}\n"
                      f"--- rnnbook:\n{mine.rstrip()}\n")
    print(f"{differing} of {total} snippets differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
