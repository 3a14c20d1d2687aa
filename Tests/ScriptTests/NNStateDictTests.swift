import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// `state_dict` / `load_state_dict` with PyTorch's keys and errors, and `torch.save` /
/// `torch.load` round trips.
let nnStateDictCases: [ProgramCase] = [
    .init("""
          import torch.nn as nn
          seq = nn.Sequential(nn.LSTM(1, 2), nn.Linear(2, 1))
          sd = seq.state_dict()
          print(list(sd.keys()))
          print(sum(v.numel() for v in sd.values()))
          print(sd["1.weight"].requires_grad)
          """, "['0.weight_ih_l0', '0.weight_hh_l0', '0.bias_ih_l0', '0.bias_hh_l0', '1.weight', '1.bias']\n43\nFalse\n"),
    // The state dict shares storage with the parameters, as PyTorch's.
    .init("""
          import torch.nn as nn
          m = nn.Linear(2, 1)
          sd = m.state_dict()
          with no_grad():
              m.weight.fill_(3.0)
          sd["weight"].tolist()
          """, "[[3.0, 3.0]]\n"),
    // Loading copies in place: an optimizer made before keeps updating the loaded model.
    .init("""
          import torch.nn as nn
          a = nn.Linear(3, 2)
          b = nn.Linear(3, 2)
          opt = SGD(b.parameters(), lr=0.1)
          w = b.weight
          print(b.load_state_dict(a.state_dict()))
          print(bool((b.weight == a.weight).all()), w is not None and bool((w == a.weight).all()))
          b(ones(1, 3)).sum().backward()
          opt.step()
          print(bool((b.weight != a.weight).all()))
          """, "<All keys matched successfully>\nTrue True\nTrue\n"),
    .init("""
          import torch.nn as nn
          m = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
          sd = m.state_dict()
          sd.pop("1.bias")
          sd["extra"] = zeros(1)
          m.load_state_dict(sd)
          """, """
          error: 6:1: Error(s) in loading state_dict for Sequential:
          \tMissing key(s) in state_dict: "1.bias". 
          \tUnexpected key(s) in state_dict: "extra". 

          """),
    .init("""
          import torch.nn as nn
          m = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
          sd = m.state_dict()
          sd.pop("1.bias")
          sd["extra"] = zeros(1)
          result = m.load_state_dict(sd, strict=False)
          missing, unexpected = result
          print(result.missing_keys, unexpected)
          result
          """, "['1.bias'] ['extra']\n_IncompatibleKeys(missing_keys=['1.bias'], unexpected_keys=['extra'])\n"),
    .init("""
          import torch.nn as nn
          nn.Linear(2, 1).load_state_dict(nn.Linear(3, 1).state_dict(), strict=False)
          """, """
          error: 2:1: Error(s) in loading state_dict for Linear:
          \tsize mismatch for weight: copying a param with shape torch.Size([1, 3]) from checkpoint, the shape in current model is torch.Size([1, 2]).

          """),
    // An OrderedDict, as PyTorch's.
    .init("import torch.nn as nn\nm = nn.Linear(1, 1, bias=False)\nnn.init.constant_(m.weight, 0.5)\nm.state_dict()",
          "OrderedDict([('weight', tensor([[0.5000]]))])\n"),
    .init("import torch.nn as nn\nnn.Linear(2, 1).load_state_dict([1, 2])",
          "error: 2:1: Expected state_dict to be dict-like, got list.\n"),
    // A shared tensor is one parameter, under its first name.
    .init("""
          import torch.nn as nn
          lin = nn.Linear(2, 2)
          seq = nn.Sequential(lin, nn.Tanh(), lin)
          print([n for n, _ in seq.named_parameters()], len(seq.state_dict()))
          print([n for n, _ in seq.named_modules()])
          """, "['0.weight', '0.bias'] 4\n['', '0', '1']\n"),
    .init("import torch\nimport torch.nn as nn\ntorch.save(nn.Linear(2, 1), 'x.pt')",
          "error: 3:1: torch.save() of a whole module is not supported here; save its weights: torch.save(model.state_dict(), path), "
            + "and later model.load_state_dict(torch.load(path))\n"),
]

@Test(arguments: nnStateDictCases)
func nnStateDict(_ program: ProgramCase) {
    check(program)
}

/// A model's state dict goes through `torch.save` / `torch.load` and loads into a fresh
/// model, which then computes the same outputs; nested structures keep their types.
@Test func torchSaveRoundTrip() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnsave-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("model.pt").path
    let output = run("""
        import torch
        import torch.nn as nn
        net = nn.ModuleDict({"rnn": nn.GRU(3, 4), "fc": nn.Linear(4, 1)})
        torch.save(net.state_dict(), "\(path)")
        other = nn.ModuleDict({"rnn": nn.GRU(3, 4), "fc": nn.Linear(4, 1)})
        print(other.load_state_dict(torch.load("\(path)", weights_only=True)))
        print(repr(torch.load("\(path)"))[:13])
        x = randn(5, 2, 3)
        assert_close(other["fc"](other["rnn"](x)[0]), net["fc"](net["rnn"](x)[0]))
        t = arange(6).reshape(2, 3)
        w = randn(2, requires_grad=True)
        torch.save({"step": 3, "lr": 0.5, "name": "run", "ok": True, "none": None, "pair": (t, t), "list": [w, 1.5]}, "\(path)")
        back = torch.load("\(path)")
        print(back["step"], back["lr"], back["name"], back["ok"], back["none"], type(back["pair"]).__name__)
        print(back["pair"][0].dtype, back["pair"][0] is back["pair"][1], back["list"][0].requires_grad, back["list"][1])
        print(back["pair"][0].tolist())
        """, fileAccess: .notebook(in: directory.path))
    #expect(output == """
        <All keys matched successfully>
        OrderedDict([
        3 0.5 run True None tuple
        torch.int64 True True 1.5
        [[0, 1, 2], [3, 4, 5]]

        """)
}

/// A file written by `net.save` (plain safetensors) loads as a dict of tensors by name;
/// relative names start from the notebook's folder.
@Test func torchLoadPlainSafetensors() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = run("""
        import torch
        net = RNNNet(2, 3, 1)
        net.save("weights.safetensors")
        sd = torch.load("./weights.safetensors")
        print(sorted(sd.keys()))
        """, fileAccess: .notebook(in: directory.path))
    #expect(output == "['fc.bias', 'fc.weight', 'rnn.W_in', 'rnn.W_rec', 'rnn.b_in', 'rnn.b_rec']\n")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("weights.safetensors").path))
}

/// While grading, `torch.save` and `torch.load` are refused and write nothing.
@Test func torchSaveAndLoadAreRefusedWhileGrading() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graded-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("w.pt").path
    let session = ScriptSession(seed: 1)
    session.fileAccess = .notebook(in: directory.path)
    let file = SourceFile(name: "lab.md", text: "a\n")
    let saved = session.run("import torch\ntorch.save({'w': ones(2)}, '\(path)')", origin: BlockOrigin(file: file, line: 1))
    #expect(render(saved.outputs).isEmpty)
    session.fileAccess = .none
    let refused = session.run("torch.save({'w': zeros(2)}, '\(path)')", origin: BlockOrigin(file: file, line: 1))
    #expect(render(refused.outputs) == "error: 1:1: torch.save() cannot use '\(path)': reading and writing files is turned off while grading\n")
    let loaded = session.run("torch.load('\(path)')['w'].tolist()", origin: BlockOrigin(file: file, line: 1))
    #expect(render(loaded.outputs) == "error: 1:1: torch.load() cannot use '\(path)': reading and writing files is turned off while grading\n")
}

/// `nn.Parameter` and the parameters a module hands out are flagged, so a user module
/// registers them; a plain tensor is not.
@Test func parametersAreFlagged() throws {
    let session = ScriptSession(seed: 1)
    let file = SourceFile(name: "lab.md", text: "a\n")
    let result = session.run("""
        import torch.nn as nn
        t = zeros(2)
        p = nn.Parameter(t)
        q = nn.Parameter(t, requires_grad=False)
        w = nn.Linear(2, 1).weight
        with no_grad():
            t.fill_(2.0)
        print(p.requires_grad, q.requires_grad, p.tolist(), p.is_leaf)
        """, origin: BlockOrigin(file: file, line: 1))
    #expect(render(result.outputs) == "True False [2.0, 2.0] True\n")
    func flagged(_ name: String) -> Bool? { session.interpreter.globals[name]?.value?.tensorObject?.isParameter }
    #expect(flagged("p") == true)
    #expect(flagged("q") == true)
    #expect(flagged("w") == true)
    #expect(flagged("t") == false)
}
