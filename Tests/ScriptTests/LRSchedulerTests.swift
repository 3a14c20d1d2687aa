import Testing
@testable import ScriptRuntime

/// `torch.optim.lr_scheduler.StepLR` and `CosineAnnealingLR`: the rates PyTorch gives
/// (StepLR base·γ^⌊t/step⌋; cosine η_min + (base − η_min)(1 + cos(πt/T))/2, the formula of
/// PyTorch's documentation, which its recursive update also gives past T_max), the
/// optimizer's `lr` following them, and the refusals.
let lrSchedulerCases: [ProgramCase] = [
    .init("""
          import torch
          w = torch.zeros(2, requires_grad=True)
          opt = torch.optim.SGD([w], lr=0.1)
          sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
          rates = []
          for epoch in range(5):
              rates.append(round(sched.get_last_lr()[0], 6))
              opt.step()
              sched.step()
          print(rates, sched.last_epoch, round(opt.lr, 6), sched.base_lrs)
          """, """
          [0.1, 0.1, 0.05, 0.05, 0.025] 5 0.025 [0.1]

          """),
    .init("""
          from torch.optim.lr_scheduler import CosineAnnealingLR
          import torch
          w = torch.zeros(2, requires_grad=True)
          opt = torch.optim.Adam([w], lr=0.1)
          sched = CosineAnnealingLR(opt, T_max=4)
          rates = [round(sched.get_last_lr()[0], 6)]
          for epoch in range(5):
              opt.step()
              sched.step()
              rates.append(round(opt.lr, 6))
          print(rates)
          opt2 = torch.optim.SGD([w], lr=0.1)
          sched = CosineAnnealingLR(opt2, 2, eta_min=0.01)
          sched.step()
          print(round(opt2.lr, 6))
          """, """
          [0.1, 0.085355, 0.05, 0.014645, 0.0, 0.014645]
          0.055

          """),
    .init("""
          import torch
          opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
          torch.optim.lr_scheduler.StepLR(opt, 0)
          """, """
          error: 3:1: StepLR: step_size must be a positive integer, got 0

          """),
    .init("""
          import torch
          opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
          s = torch.optim.lr_scheduler.CosineAnnealingLR(opt, 10)
          s.step(3)
          """, """
          error: 4:1: CosineAnnealingLR.step(epoch) is not supported (PyTorch deprecates it): call step() once per epoch

          """),
    .init("""
          import torch
          torch.optim.lr_scheduler.StepLR([1], 2)
          """, """
          error: 2:1: StepLR() argument 'optimizer' must be an optimizer such as torch.optim.Adam(...)

          """),
]

@Test(arguments: lrSchedulerCases) func lrSchedulersFollowPyTorch(_ program: ProgramCase) {
    check(program)
}

/// A snapshot copies the scheduler with its epoch and gives it the copied optimizer.
@Test func lrSchedulersAreSnapshotted() throws {
    let (first, second, _) = try SnapshotRunner().twice("""
        import torch
        w = torch.zeros(2, requires_grad=True)
        opt = torch.optim.SGD([w], lr=0.1)
        sched = torch.optim.lr_scheduler.StepLR(opt, 1, gamma=0.5)
        sched.step()
        """, "sched.step()\nprint(sched.last_epoch, opt.lr, sched.optimizer is opt)")
    #expect(first == second)
    #expect(first == "2 0.025 True\n")
}
