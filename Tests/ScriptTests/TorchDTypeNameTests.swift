import Testing
@testable import ScriptRuntime

/// `torch.bool` is the engine's bool dtype; the dtypes the engine lacks (`torch.float64`,
/// `torch.double`, `torch.int32`, `torch.uint8`, …) exist, print and compare as in
/// PyTorch, and are refused with what to write instead when used as a dtype.
let torchDTypeNameCases: [ProgramCase] = [
    .init("""
          import torch
          m = torch.tensor([1, 0], dtype=torch.bool)
          print(m, m.dtype == torch.bool, torch.zeros(2, dtype=torch.long).dtype, torch.long is torch.int64 or torch.long == torch.int64)
          x = torch.zeros(2)
          print(torch.float64, torch.double, torch.half, x.dtype == torch.float64, torch.float64 == torch.double, torch.int32 != torch.int64)
          """, """
          tensor([ True, False]) True torch.int64 True
          torch.float64 torch.float64 torch.float16 False True True

          """),
] + [
    ("torch.zeros(2, dtype=torch.float64)", "zeros() argument 'dtype': torch.float64 is not supported, the engine computes "
        + "in float32: write torch.float32 (or leave the dtype out)"),
    ("torch.tensor([1], dtype=torch.int32)", "tensor() argument 'dtype': torch.int32 is not supported, integer tensors are "
        + "int64 here: write torch.int64 (torch.long)"),
    ("torch.ones(2, dtype=torch.uint8)", "ones() argument 'dtype': torch.uint8 is not supported, integer tensors are int64 "
        + "here: write torch.int64 (torch.long), or torch.bool for a mask"),
    ("torch.zeros(2).to(torch.double)", "to(): torch.float64 is not supported, the engine computes in float32: write "
        + "torch.float32 (or leave the dtype out)"),
    ("torch.nn.Linear(2, 2).to(dtype=torch.float16)", "to() argument 'dtype': torch.float16 is not supported, the engine "
        + "computes in float32: write torch.float32 (or leave the dtype out)"),
].map { code, message in ProgramCase("import torch\n\(code)", "error: 2:1: \(message)\n") }

@Test(arguments: torchDTypeNameCases) func torchDTypeNamesFollowPyTorch(_ program: ProgramCase) {
    check(program)
}
