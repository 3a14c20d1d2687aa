torch.manual_seed(0)
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
for _ in range(3):
    opt.zero_grad(); loss = (w ** 2).sum(); loss.backward(); opt.step()
print(w)
#---
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1, weight_decay=0.01)
for _ in range(3):
    opt.zero_grad(); loss = (w ** 2).sum(); loss.backward(); opt.step()
print(w.detach())
#---
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.AdamW([w], lr=0.1)
for _ in range(3):
    opt.zero_grad(); loss = (w ** 3).sum(); loss.backward(); opt.step()
print(w.detach())
#---
w = torch.tensor([3.0, 4.0], requires_grad=True)
(w * w).sum().backward()
n = torch.nn.utils.clip_grad_norm_([w], 1.0)
print(n, w.grad)
#---
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for i in range(5):
    opt.step(); sched.step(); print(i, sched.get_last_lr(), opt.param_groups[0]['lr'])
#---
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4)
for i in range(5):
    opt.step(); sched.step(); print(round(opt.param_groups[0]['lr'], 6))
#---
x = torch.tensor([[0.5, -1.0], [2.0, 0.0]])
print(torch.sigmoid(x), torch.tanh(x), F.relu(x), torch.exp(x), x.exp().log())
#---
print(F.binary_cross_entropy(torch.tensor([0.8, 0.2]), torch.tensor([1., 0.])), F.binary_cross_entropy_with_logits(torch.tensor([0.5, -1.]), torch.tensor([1., 0.])))
#---
print(F.nll_loss(torch.log_softmax(torch.tensor([[1., 2.], [0., 1.]]), 1), torch.tensor([1, 0])))
#---
x = torch.tensor([1., 2., 3.])
x.add_(1); x.mul_(2); x[0] = 10
print(x, x.clone().zero_())
#---
a = torch.ones(2, 3)
b = torch.arange(3.)
print(a + b, a * b[None, :], (a - b).T)
#---
print(torch.eye(2), torch.full((2,), 3.), torch.ones_like(torch.zeros(2, 1)), torch.zeros(2).dtype)
#---
x = torch.tensor([[1., 2.], [3., 4.]])
print(torch.linalg.norm(x), torch.det(x), torch.inverse(x), torch.linalg.inv(x))
#---
print(torch.tensor([0.1, 0.25, 1/3]), torch.tensor([1000000.]), torch.tensor([123.456, 0.001]))
#---
print(torch.tensor([[1.123456789, 2.0]]), torch.tensor([float('nan'), float('inf')]))
#---
print(torch.randn(2, 3).shape, torch.rand(4).dtype, torch.randint(0, 5, (3,)).dtype)
#---
x = torch.tensor([1, 2, 3, 4, 5, 6])
print(x.view(2, 3).sum(0), x.chunk(3), x.split(4), x.reshape(3, -1)[:, 1])
#---
print(torch.allclose(torch.tensor([1., 2.]), torch.tensor([1., 2.00001])), torch.equal(torch.ones(2), torch.ones(2)), torch.isclose(torch.tensor([1.]), torch.tensor([1.1])))
#---
m = nn.Linear(2, 2)
sd = m.state_dict()
print(list(sd.keys()), type(sd).__name__)
#---
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 3)
        self.out = nn.Linear(3, 1)
    def forward(self, x):
        return self.out(torch.relu(self.fc(x)))
net = Net()
print(net)
print([n for n, p in net.named_parameters()], sum(p.numel() for p in net.parameters() if p.requires_grad))
#---
x = torch.tensor([[1., 2.], [3., 4.]])
print(x.mean(dim=(0, 1)), x.sum(dim=-1), x.cumsum(0), x.prod(), x.max())
#---
print(torch.tensor(2.5).item(), torch.tensor([7]).item(), int(torch.tensor(3.7)), float(torch.tensor([2])))
#---
print(len(torch.zeros(5, 2)), list(torch.arange(3)), [t.item() for t in torch.arange(3)])
#---
x = torch.tensor([[1, 2], [3, 4]])
for row in x:
    print(row)
#---
print(torch.tensor([1., 2.]) == torch.tensor([1., 3.]), (torch.tensor([1, 2]) != 1).any(), torch.tensor([True, False]).all())
#---
x = torch.zeros(3)
print(x.requires_grad, x.is_leaf, x.grad, x.device, x.to('cpu').device, x.cpu().shape)
#---
print(torch.no_grad, torch.float, torch.float32 == torch.float, torch.long)
#---
x = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad, (x * 2).requires_grad, x.detach().requires_grad)
#---
print(torch.tensor([[1, 2, 3]]).T.shape, torch.tensor([3., 4.]).norm(p=1), torch.dist(torch.zeros(2), torch.tensor([3., 4.])))
#---
p = torch.tensor([1., 2.], requires_grad=True)
print((p * p).sum(), (p * p).sum(0), p.mean(), p.mean(dim=0))
#---
p = torch.tensor([1., 2.], requires_grad=True)
print(F.mse_loss(p, torch.zeros(2)), F.cross_entropy(p[None], torch.tensor([0])))
#---
print(torch.allclose(torch.ones(3), torch.ones(1)), torch.allclose(torch.ones(2, 3), torch.tensor(1.0001), rtol=1e-3))
#---
a = torch.tensor([1.0, float('nan'), float('inf'), 2.0, 1e-9])
b = torch.tensor([1.00001, float('nan'), float('inf'), 2.1, 0.0])
print(torch.isclose(a, b), torch.isclose(a, b, equal_nan=True), torch.allclose(a, b, equal_nan=True))
#---
print(torch.isclose(torch.tensor([[1.], [2.]]), torch.tensor([1., 2., 3.])))
#---
print(torch.isclose(torch.ones(2), torch.ones(3)))
#---
print(torch.isclose(torch.ones(2), torch.ones(2), rtol=-1))
#---
print(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])), torch.allclose(torch.tensor([10.0]), torch.tensor([10.5]), atol=0.5))
#---
x = torch.tensor([[2., 1.], [1., 3.]], requires_grad=True)
d = torch.det(x)
d.backward()
print(d, x.grad, torch.inverse(torch.stack([x.detach(), 2 * torch.eye(2)])))
#---
x = torch.tensor([[0.5, -1.], [2., 0.]], requires_grad=True)
t = torch.tensor([[1., 0.], [0., 1.]])
print(F.l1_loss(x, t), F.smooth_l1_loss(x, t), F.huber_loss(x, t, reduction='sum'), F.binary_cross_entropy_with_logits(x, t))
print(F.nll_loss(x, torch.tensor([0, 1])), F.binary_cross_entropy(torch.sigmoid(x), t, reduction='none'))
#---
print(type(torch.no_grad()), torch.enable_grad, torch.inference_mode)
