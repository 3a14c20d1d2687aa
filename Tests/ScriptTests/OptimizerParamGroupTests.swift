import Testing
@testable import ScriptRuntime

/// `optimizer.param_groups`: PyTorch's list of one dict per group, whose hyper-parameters
/// take effect at the next `step()`; `opt.lr` and the LR schedulers write the same entry;
/// what rnnbook does not implement is refused.
let paramGroupCases: [ProgramCase] = [
    .init("""
          import torch
          w = torch.tensor([1.0], requires_grad=True)
          opt = torch.optim.SGD([w], lr=0.1)
          (w * w).sum().backward()
          opt.step()
          for g in opt.param_groups:
              g['lr'] = 0.5
          opt.zero_grad()
          (w * w).sum().backward()
          opt.step()
          print(round(w.item(), 6), opt.lr, len(opt.param_groups), opt.param_groups is opt.param_groups)
          print(list(opt.param_groups[0].keys()))
          print(torch.equal(opt.param_groups[0]['params'][0], w), opt)
          a = torch.optim.Adam([w], lr=0.1)
          print(list(a.param_groups[0].keys()))
          print(a.param_groups[0]['betas'], torch.optim.AdamW([w]).param_groups[0]['weight_decay'])
          """, """
          0.0 0.5 1 True
          ['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize', 'foreach', 'differentiable', 'fused']
          True SGD(lr=0.5)
          ['params', 'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize', 'foreach', 'capturable', 'differentiable', 'fused']
          (0.9, 0.999) 0.01

          """),
    // Hyper-parameters set in the group give the steps of an optimizer made with them.
    .init("""
          import torch
          w1 = torch.tensor([1.0, -2.0], requires_grad=True)
          w2 = torch.tensor([1.0, -2.0], requires_grad=True)
          a1 = torch.optim.Adam([w1], lr=0.1)
          a1.param_groups[0].update(betas=(0.5, 0.6), eps=0.1, weight_decay=0.2)
          a2 = torch.optim.Adam([w2], lr=0.1, betas=(0.5, 0.6), eps=0.1, weight_decay=0.2)
          s1 = torch.optim.SGD([w1], lr=0.01)
          s1.param_groups[0]['momentum'] = 0.9
          s1.param_groups[0]['nesterov'] = True
          s2 = torch.optim.SGD([w2], lr=0.01, momentum=0.9, nesterov=True)
          for o in [a1, a2, s1, s2]:
              for _ in range(3):
                  o.zero_grad()
                  p = o.param_groups[0]['params'][0]
                  (p ** 3).sum().backward()
                  o.step()
          print(torch.equal(w1, w2), torch.equal(w1, torch.tensor([1.0, -2.0])))
          """, """
          True False

          """),
    // Schedulers write the group's rate and keep 'initial_lr', as PyTorch.
    .init("""
          import torch
          opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.5)
          sched = torch.optim.lr_scheduler.StepLR(opt, 1, gamma=0.5)
          sched.step()
          g = opt.param_groups[0]
          print(g['lr'], g['initial_lr'], sched.base_lrs, sched.get_last_lr())
          opt.lr = 0.3
          print(g['lr'])
          """, """
          0.25 0.5 [0.5] [0.25]
          0.3

          """),
] + paramGroupRefusals

/// The group changes rnnbook refuses at the next step, each with what to write instead.
let paramGroupRefusals: [ProgramCase] = [
    ("g['params'] = []", "changing SGD.param_groups[0]['params'] is not supported: make a new optimizer over the new parameters"),
    ("opt.param_groups.append({})", "SGD.param_groups must hold its one original group: rnnbook's optimizers have a single "
        + "parameter group; make one optimizer per group of parameters"),
    ("g['maximize'] = True", "SGD param_groups[0]['maximize'] = True is not supported: set it back to False"),
    ("g['lr'] = -1.0", "SGD: lr must be a non-negative number, got -1.0 (set in param_groups)"),
    ("g['lr'] = 'x'", "SGD param_groups[0]['lr'] must be a number, not str"),
    ("del g['momentum']", "'momentum'"),
].map { code, message in
    ProgramCase("""
        import torch
        w = torch.tensor([1.0], requires_grad=True)
        opt = torch.optim.SGD([w], lr=0.1)
        g = opt.param_groups[0]
        \(code)
        opt.step()
        """, "error: 6:1: \(message)\n")
}

@Test(arguments: paramGroupCases) func paramGroupsFollowPyTorch(_ program: ProgramCase) {
    check(program)
}

/// A snapshot copies the group, so a rate set after it does not reach the copy.
@Test func paramGroupsAreSnapshotted() throws {
    let (first, second, _) = try SnapshotRunner().twice("""
        import torch
        w = torch.tensor([1.0], requires_grad=True)
        opt = torch.optim.SGD([w], lr=0.1)
        opt.param_groups[0]['lr'] = 0.25
        (w * w).sum().backward()
        """, """
        opt.step()
        g = opt.param_groups[0]
        print(w.item(), g['lr'], g['params'][0] is not None and torch.equal(g['params'][0], w))
        g['lr'] = 1.0
        """)
    #expect(first == second)
    #expect(first == "0.5 0.25 True\n")
}
