import Testing

/// The losses' nodes are named as PyTorch names them, for every `reduction`: `MseLossBackward0`,
/// `SmoothL1LossBackward0`, `HuberLossBackward0`, `BinaryCrossEntropy(WithLogits)Backward0`,
/// `NllLossBackward0` / `NllLoss2DBackward0` / `ViewBackward0` by the input's rank, and the
/// composite ones (`l1_loss`, soft-target and smoothed `cross_entropy`) as their last
/// operation (expected names printed by PyTorch 2.15, through `grad_fn.name()`).
let lossNodeNameCases: [ProgramCase] = [
    .init("""
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        x = torch.randn(3, 4, requires_grad=True)
        t = torch.rand(3, 4)
        p = torch.rand(3, 4, requires_grad=True)
        lab = torch.tensor([0, 2, 1])
        for red in ['mean', 'sum', 'none']:
            print(red, F.mse_loss(x, t, reduction=red).grad_fn.name(), F.l1_loss(x, t, reduction=red).grad_fn.name(),
                  F.smooth_l1_loss(x, t, reduction=red).grad_fn.name(), F.smooth_l1_loss(x, t, reduction=red, beta=0.0).grad_fn.name(),
                  F.huber_loss(x, t, reduction=red).grad_fn.name())
            print(red, F.binary_cross_entropy(p, t.round(), reduction=red).grad_fn.name(),
                  F.binary_cross_entropy_with_logits(x, t, reduction=red).grad_fn.name(),
                  F.binary_cross_entropy_with_logits(x, t, reduction=red, pos_weight=torch.ones(4)).grad_fn.name())
            print(red, F.cross_entropy(x, lab, reduction=red).grad_fn.name(), F.nll_loss(x, lab, reduction=red).grad_fn.name(),
                  F.cross_entropy(x, t.softmax(1), reduction=red).grad_fn.name(), F.cross_entropy(x, lab, reduction=red, label_smoothing=0.1).grad_fn.name())
            print(red, nn.MSELoss(reduction=red)(x, t).grad_fn.name(), nn.CrossEntropyLoss(reduction=red)(x, lab).grad_fn.name(),
                  nn.NLLLoss(reduction=red)(x, lab).grad_fn.name(), nn.BCEWithLogitsLoss(reduction=red)(x, t).grad_fn.name(),
                  nn.HuberLoss(reduction=red)(x, t).grad_fn.name(), nn.SmoothL1Loss(reduction=red)(x, t).grad_fn.name(), nn.BCELoss(reduction=red)(p, t).grad_fn.name())
        for shape in [(4,), (2, 4, 3), (2, 4, 3, 2), (2, 4, 1, 2, 2)]:
            logits = torch.randn(*shape, requires_grad=True)
            labels = torch.zeros(shape[:1] + shape[2:] if len(shape) > 1 else (), dtype=torch.long)
            print(shape, *[F.cross_entropy(logits, labels, reduction=red).grad_fn.name() for red in ["mean", "sum", "none"]],
                  *[F.nll_loss(logits, labels, reduction=red).grad_fn.name() for red in ["mean", "sum", "none"]])
        print(F.mse_loss(x.detach(), t).grad_fn, F.mse_loss(t, x).grad_fn.name())
        loss = F.mse_loss(x, t)
        loss.backward()
        try:
            loss.backward()
        except RuntimeError as e:
            print("second backward refused")
        """,
          """
        mean MseLossBackward0 MeanBackward0 SmoothL1LossBackward0 MeanBackward0 HuberLossBackward0
        mean BinaryCrossEntropyBackward0 BinaryCrossEntropyWithLogitsBackward0 BinaryCrossEntropyWithLogitsBackward0
        mean NllLossBackward0 NllLossBackward0 DivBackward1 AddBackward0
        mean MseLossBackward0 NllLossBackward0 NllLossBackward0 BinaryCrossEntropyWithLogitsBackward0 HuberLossBackward0 SmoothL1LossBackward0 BinaryCrossEntropyBackward0
        sum MseLossBackward0 SumBackward0 SmoothL1LossBackward0 SumBackward0 HuberLossBackward0
        sum BinaryCrossEntropyBackward0 BinaryCrossEntropyWithLogitsBackward0 BinaryCrossEntropyWithLogitsBackward0
        sum NllLossBackward0 NllLossBackward0 NegBackward0 AddBackward0
        sum MseLossBackward0 NllLossBackward0 NllLossBackward0 BinaryCrossEntropyWithLogitsBackward0 HuberLossBackward0 SmoothL1LossBackward0 BinaryCrossEntropyBackward0
        none MseLossBackward0 AbsBackward0 SmoothL1LossBackward0 AbsBackward0 HuberLossBackward0
        none BinaryCrossEntropyBackward0 BinaryCrossEntropyWithLogitsBackward0 BinaryCrossEntropyWithLogitsBackward0
        none NllLossBackward0 NllLossBackward0 NegBackward0 AddBackward0
        none MseLossBackward0 NllLossBackward0 NllLossBackward0 BinaryCrossEntropyWithLogitsBackward0 HuberLossBackward0 SmoothL1LossBackward0 BinaryCrossEntropyBackward0
        (4,) NllLossBackward0 NllLossBackward0 NllLossBackward0 NllLossBackward0 NllLossBackward0 NllLossBackward0
        (2, 4, 3) NllLoss2DBackward0 NllLoss2DBackward0 ViewBackward0 NllLoss2DBackward0 NllLoss2DBackward0 ViewBackward0
        (2, 4, 3, 2) NllLoss2DBackward0 NllLoss2DBackward0 NllLoss2DBackward0 NllLoss2DBackward0 NllLoss2DBackward0 NllLoss2DBackward0
        (2, 4, 1, 2, 2) NllLoss2DBackward0 NllLoss2DBackward0 ViewBackward0 NllLoss2DBackward0 NllLoss2DBackward0 ViewBackward0
        None MseLossBackward0
        second backward refused

        """),
]

@Test(arguments: lossNodeNameCases) func lossNodeNames(_ program: ProgramCase) { check(program) }
