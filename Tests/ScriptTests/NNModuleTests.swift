import Testing
@testable import ScriptRuntime

/// The `nn.Module` tree of the built-in layers and containers: PyTorch's parameter names,
/// counts, state dicts, reprs and shared module methods.
let nnModuleCases: [ProgramCase] = [
    .init("""
          import torch.nn as nn
          lstm = nn.LSTM(1, 2)
          print([n for n, p in lstm.named_parameters()])
          print(sum(p.numel() for p in lstm.parameters()))
          lstm
          """, "['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']\n40\nLSTM(1, 2)\n"),
]

@Test(arguments: nnModuleCases)
func nnModule(_ program: ProgramCase) {
    check(program)
}
