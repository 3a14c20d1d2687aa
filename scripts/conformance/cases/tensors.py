x = torch.tensor([[1., 2.], [3., 4.]])
print(x.shape, x.size(), x.size(0), x.dim(), x.numel())
#---
x = torch.arange(6).reshape(2, 3)
print(x, x.dtype)
print(x.float().mean(), x.sum(), x.sum(1, keepdim=True))
#---
x = torch.tensor([[1., -2.], [3., 4.]])
print(x.abs().max(), x.argmax(), x.argmax(dim=0), x.min(dim=0).values)
#---
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
target = torch.tensor([0, 1])
print(F.cross_entropy(logits, target))
print(F.cross_entropy(logits, target, reduction='sum'))
print(nn.CrossEntropyLoss(reduction='none')(logits, target))
#---
a = torch.tensor([1., 2., 3.]); b = torch.tensor([2., 2., 5.])
print(F.mse_loss(a, b), nn.MSELoss(reduction='sum')(a, b), F.l1_loss(a, b))
#---
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad, y.item(), y)
#---
x = torch.tensor([[1., 2., 3.]])
print(F.softmax(x, dim=-1), torch.log_softmax(x, dim=1))
#---
x = torch.linspace(0, 1, 5)
print(x, torch.clamp(x, min=0.3), x.clamp(max=0.5))
#---
print(torch.where(torch.tensor([True, False]), torch.tensor([1., 2.]), torch.tensor([3., 4.])))
#---
x = torch.zeros(2, 3, 4)
print(x.permute(2, 0, 1).shape, x.transpose(0, 1).shape, x.view(-1, 4).shape, x.flatten(1).shape, x.unsqueeze(0).shape)
#---
x = torch.tensor([3., 1., 2.])
v, i = torch.sort(x, descending=True)
print(v, i, torch.topk(x, 2))
#---
print(torch.tensor([1.5, 2.5, -0.5]).round(), torch.tensor([0.1234567]), torch.tensor(3.0), torch.tensor([1e-5, 1e5]))
#---
print(torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1], [1]]))
#---
print(torch.cat([torch.ones(2), torch.zeros(3)]), torch.stack([torch.ones(2), torch.zeros(2)], dim=1))
#---
x = torch.tensor([1., 2., 3., 4.])
print(x[1:3], x[::2], x[-1], x[x > 2], x.tolist(), x.numpy())
#---
x = torch.tensor([[1., 2.], [3., 4.]])
print(x.std(), x.var(dim=0), x.std(unbiased=False), x.norm(), x.norm(dim=1))
#---
lin = nn.Linear(3, 2)
print(lin, [p.shape for p in lin.parameters()], sum(p.numel() for p in lin.parameters()))
#---
m = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
print(m)
#---
rnn = nn.GRU(3, 5, batch_first=True)
print(rnn, [n for n, _ in rnn.named_parameters()])
#---
lstm = nn.LSTM(2, 4, num_layers=2)
print(lstm)
out, (h, c) = lstm(torch.zeros(7, 3, 2))
print(out.shape, h.shape, c.shape)
#---
x = np.array([[1, 2], [3, 4]])
print(x, x.shape, x.dtype, x.mean(), x.sum(axis=0), x.T)
#---
x = np.arange(5) / 2
print(x, np.round(x), x.astype(int), np.cumsum(x), np.diff(x))
#---
x = np.linspace(0, 1, 4)
print(x, np.mean(x), np.std(x), np.percentile(x, 50), np.median(x))
#---
print(np.zeros((2, 3)), np.ones(3, dtype=int), np.eye(2), np.full(2, 7.0))
#---
a = np.array([3, 1, 2])
print(np.argsort(a), np.sort(a), a.argmax(), np.where(a > 1), np.unique([3, 1, 1, 2]))
#---
print(np.concatenate([np.ones(2), np.zeros(2)]), np.stack([np.ones(2), np.zeros(2)]), np.vstack([[1, 2], [3, 4]]))
#---
print(f"{3.14159:.2f} {42:5d} {'a':>3} {1e-7:.2e} {0.5:%}")
print("{:.3f}".format(2/3), "%5.1f" % 3.14159, str(1/3), repr(0.1), 1e20, 1e-5, 123456789.0)
#---
d = {'b': 2, 'a': 1}
print(sorted(d), list(d.items()), {k: v * 2 for k, v in d.items()}, max(d, key=d.get))
#---
print(round(2.5), round(3.5), round(2.675, 2), int(-2.7), -7 // 2, -7 % 3, 7 / 2, 2 ** -1, divmod(7, -2))
#---
print(list(zip([1, 2], 'ab')), list(enumerate('xy', start=1)), list(range(10, 0, -3)), [1, 2, 3][::-1])
#---
x = torch.tensor([1, 2, 3])
print(x / 2, x // 2, x * 1.5, (x > 1).sum(), (x > 1).float().mean(), x.float().mean().item())
#---
print(torch.tensor([1., 2.]).dtype, torch.tensor([1, 2]).dtype, torch.tensor([True]).dtype, torch.zeros(2, dtype=torch.long))
#---
h = torch.zeros(1, 2, 3)
print(h.squeeze(0).shape, h.squeeze().shape, h.expand(4, 2, 3).shape, h.repeat(2, 1, 1).shape)
#---
x = torch.tensor([1., 2., 3.])
print(x.repeat(2), x.repeat(2, 2), x.repeat((1, 2)).shape, x.repeat([2, 1, 2]).shape, x.repeat(0, 2).shape)
#---
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x.repeat(2, 3)
print(y)
(y * torch.arange(24.).view(4, 6)).sum().backward()
print(x.grad)
#---
x = torch.ones(2, 3)
print(x.repeat(2))
#---
print(torch.ones(2).repeat(-1))
#---
x = torch.tensor([[1., 2.], [3., 4.]])
n = torch.tensor([1, 2, 3])
print(torch.zeros(size=(2, 3)).shape, x.new_zeros(2), n.new_full((2,), 2.7), x.new_tensor([1, 2]), torch.empty(2, 3).shape, torch.empty_like(n).dtype)
print(torch.broadcast_to(torch.tensor([1, 2, 3]), (2, 3)), torch.tensor([1, 2]).expand_as(x), torch.full_like(n, 7))
#---
print(np.linalg.det(np.array([[1., 2], [3, 4]])), np.linalg.inv(np.array([[1., 2], [3, 4]])), np.linalg.det(np.eye(3)))
#---
# numpy arrays where PyTorch takes tensors (branch strict10): the exception and its message, up to rnnbook's hint.
t = torch.tensor([[1., 2.], [3., 4.]])
a = np.array([[1., 2.], [3., 4.]], dtype=np.float32)
for f in [lambda: torch.tanh(a), lambda: torch.cat([t, a]), lambda: torch.matmul(t, a), lambda: torch.sum(a),
          lambda: F.relu(a), lambda: t.add(a), lambda: t.expand_as(a), lambda: torch.stack(t), lambda: nn.Linear(2, 2)([[1., 2.]])]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, str(e).split('; ')[0])
#---
t = torch.tensor([[1., 2.], [3., 4.]])
a = np.array([[1., 2.], [3., 4.]], dtype=np.float32)
print(t + a, t @ a, a / t, t == a, sum(a), max(a[0]), abs(-a), np.sqrt(t), np.maximum(t, 2.5))
for f in [lambda: a - t, lambda: a @ t, lambda: t < a, lambda: a.float(), lambda: a.numpy(), lambda: a.size(), lambda: round(a)]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, str(e).split('; ')[0])
#---
x = torch.ones(2)
y = x
x += np.ones(2, dtype=np.float32)
print(x is y, x, y)
for f in [lambda: nn.RNN(2, 3)([[[1., 2.]]]), lambda: nn.MSELoss()(torch.zeros(2), [1., 2.]), lambda: torch.ones(2, requires_grad=True) + np.ones(2, dtype=np.float32)]:
    try:
        f()
    except (TypeError, AttributeError, RuntimeError) as e:
        print(type(e).__name__, str(e).split('; ')[0])
