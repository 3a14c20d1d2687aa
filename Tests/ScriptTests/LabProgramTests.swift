import Testing

/// The firefly lab's classes written as the tutorial writes them (`Config`, `Env(nn.Module)`
/// with `torch.cos`, `ObsStep`, `HolisticActor`, `ModularActor`, `Agent`, and its evaluation
/// loop), from ../shared/specs/tasks.md §4. The parameter counts are PyTorch's (§4.4:
/// holistic 201,082, modular 199,234); `EPISODE_LEN` 35 and the 65 cm goal radius are §4.1's.
let fireflyProgram = #"""
import torch.nn.functional as F
import numpy as np
import torch
import torch.nn as nn

class Config:
    def __init__(self):
        self.STATE_DIM = 5
        self.ACTION_DIM = 2
        self.OBS_DIM = 2
        self.TARGET_DIM = 2
        self.TERMINAL_ACTION = 0.1
        self.DT = 0.1
        self.EPISODE_TIME = 3.5
        self.EPISODE_LEN = int(self.EPISODE_TIME / self.DT)
        self.LINEAR_SCALE = 400
        self.goal_radius = torch.tensor([65]) / self.LINEAR_SCALE
        self.initial_radius_range = np.array([100, 400]) / self.LINEAR_SCALE
        self.relative_angle_range = np.deg2rad([-35, 35])
        self.process_gain_default = torch.tensor([200 / self.LINEAR_SCALE, torch.deg2rad(torch.tensor(90.))])
        self.target_offT = 3
        self.pro_noise_std_ = 0.2
        self.obs_noise_std_ = 0.1

class Env(nn.Module):
    def __init__(self, arg):
        super().__init__()
        self.__dict__.update(arg.__dict__)

    def reset(self, target_position=None, gain=None):
        self.gain = self.process_gain_default if gain is None else gain
        self.pro_noise_std = self.gain * self.pro_noise_std_
        if target_position is None:
            r = torch.zeros(1).uniform_(*self.initial_radius_range ** 2).sqrt()
            ang = torch.zeros(1).uniform_(*self.relative_angle_range)
            phi = torch.pi / 2 - ang
            self.target_position = torch.cat([r * torch.cos(phi), r * torch.sin(phi)]).view(-1, 1)
        else:
            self.target_position = target_position.view(-1, 1)
        self.target_position_obs = self.target_position.clone()
        return torch.tensor([0, 0, np.pi / 2, 0, 0]).view(-1, 1)

    def forward(self, x, a, t):
        if t == self.target_offT:
            self.target_position_obs *= 0
        relative_dist = torch.dist(x[:2], self.target_position)
        reached_target = relative_dist < self.goal_radius
        next_x = self.dynamics(x, a.view(-1))
        return next_x, reached_target

    def dynamics(self, x, a):
        pro_noise = self.pro_noise_std * torch.randn(2)
        px, py, heading, v, w = torch.split(x.view(-1), 1)
        px = px + v * torch.cos(heading) * self.DT
        py = py + v * torch.sin(heading) * self.DT
        heading = heading + w * self.DT
        v = self.gain[0] * a[0] + pro_noise[0]
        w = self.gain[1] * a[1] + pro_noise[1]
        return torch.stack([px.view(-1)[0], py.view(-1)[0], heading.view(-1)[0], v, w]).view(-1, 1)

    def is_stop(self, action):
        return (action.abs() < self.TERMINAL_ACTION).all()

class ObsStep(nn.Module):
    def __init__(self, arg):
        super().__init__()
        self.obs_noise_std_ = arg.obs_noise_std_
        self.H = torch.zeros(arg.OBS_DIM, arg.STATE_DIM)
        self.H[0, -2] = 1
        self.H[1, -1] = 1

    def reset(self, gain):
        self.obs_noise_std = self.obs_noise_std_ * gain

    def forward(self, x):
        return self.H @ x + (self.obs_noise_std * torch.randn(2)).view(-1, 1)

class HolisticActor(nn.Module):
    def __init__(self, OBS_DIM, ACTION_DIM, TARGET_DIM):
        super().__init__()
        self.OBS_DIM = OBS_DIM
        self.ACTION_DIM = ACTION_DIM
        self.RNN_SIZE = 220
        self.rnn = nn.LSTM(input_size=OBS_DIM + ACTION_DIM + TARGET_DIM, hidden_size=self.RNN_SIZE)
        self.l1 = nn.Linear(self.RNN_SIZE, ACTION_DIM)

    def forward(self, x, hidden_in):
        x, hidden_out = self.rnn(x, hidden_in)
        x = torch.tanh(self.l1(x))
        return x, hidden_out

class ModularActor(nn.Module):
    def __init__(self, OBS_DIM, ACTION_DIM, TARGET_DIM):
        super().__init__()
        self.OBS_DIM = OBS_DIM
        self.ACTION_DIM = ACTION_DIM
        self.RNN_SIZE = 128
        self.MLP_SIZE = 300
        self.rnn = nn.LSTM(input_size=OBS_DIM + ACTION_DIM + TARGET_DIM, hidden_size=self.RNN_SIZE)
        self.l1 = nn.Linear(self.RNN_SIZE, self.MLP_SIZE)
        self.l2 = nn.Linear(self.MLP_SIZE, self.MLP_SIZE)
        self.l3 = nn.Linear(self.MLP_SIZE, ACTION_DIM)

    def forward(self, x, hidden_in):
        x, hidden_out = self.rnn(x, hidden_in)
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = torch.tanh(self.l3(x))
        return x, hidden_out

class Agent:
    def __init__(self, arg, Actor):
        self.__dict__.update(arg.__dict__)
        self.actor = Actor(self.OBS_DIM, self.ACTION_DIM, self.TARGET_DIM)
        self.obs_step = ObsStep(arg)

    def select_action(self, state_input, hidden_in):
        with torch.no_grad():
            action, hidden_out = self.actor(state_input, hidden_in)
        return action, hidden_out

arg = Config()
torch.manual_seed(0)
env = Env(arg)
print(arg.EPISODE_LEN, round(arg.goal_radius.item(), 4))
for Actor in [HolisticActor, ModularActor]:
    agent = Agent(arg, Actor)
    print(Actor.__name__, sum(p.numel() for p in agent.actor.parameters()))
target_positions = []
for _ in range(5):
    __ = env.reset()
    target_positions.append(env.target_position)
r = torch.cat(target_positions, dim=1).norm(dim=0)
print(bool(((r >= 0.25) & (r <= 1.0)).all()))

def evaluation(agent, gain_factor=1):
    rewarded = []
    steps = []
    for target_position in target_positions:
        state = env.reset(target_position=target_position, gain=arg.process_gain_default * gain_factor)
        agent.obs_step.reset(env.gain)
        state_input = torch.cat([torch.zeros([1, 1, arg.OBS_DIM]), torch.zeros([1, 1, arg.ACTION_DIM]),
                                 env.target_position_obs.view(1, 1, -1)], dim=2)
        hidden_in = (torch.zeros(1, 1, agent.actor.RNN_SIZE), torch.zeros(1, 1, agent.actor.RNN_SIZE))
        for t in range(arg.EPISODE_LEN):
            action, hidden_out = agent.select_action(state_input, hidden_in)
            next_state, reached_target = env(state, action, t)
            is_stop = env.is_stop(action)
            reward = reached_target & is_stop
            next_observation = agent.obs_step(next_state)
            state_input = torch.cat([next_observation.view(1, 1, -1), action,
                                     env.target_position_obs.view(1, 1, -1)], dim=2)
            state = next_state
            hidden_in = hidden_out
            if is_stop:
                break
        steps.append(t + 1)
        rewarded.append(reward.item())
    return rewarded, steps

rewarded, steps = evaluation(Agent(arg, ModularActor))
print(len(rewarded), all(1 <= s <= arg.EPISODE_LEN for s in steps), set(rewarded) <= {0, 1, False, True})
"""#

@Test func fireflyClassesRunAsWritten() {
    let output = run(fireflyProgram, budget: .init(operations: 20_000_000, seconds: 60))
    #expect(output == """
        35 0.1625
        HolisticActor 201082
        ModularActor 199234
        True
        5 True True

        """)
}


/// Lab 1's original network code (../shared/seeds/001, "Define the network"), unchanged:
/// `class LeakyRNN(nn.Module)` looping over time in Python, `RNNNet`, `ngym.Dataset` with
/// `env_kwargs`, `torch.from_numpy(…).type(torch.float)`, `nn.CrossEntropyLoss`, Adam. The
/// cross-entropy starts near ln 3 and falls within 60 steps. Then its test loop ("Run the
/// network after training"): `env.reset(no_step=True)`, one trial at a time through
/// `torch.from_numpy(ob[:, np.newaxis, :])`, `.detach().numpy()` and `np.argmax`.
let lab1OriginalProgram = #"""
import torch
import torch.nn as nn

class LeakyRNN(nn.Module):
    """Leaky RNN."""

    def __init__(self, input_size, hidden_size, dt=None, **kwargs):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.tau = 100
        if dt is None:
            alpha = 1
        else:
            alpha = dt / self.tau
        self.alpha = alpha

        self.input2h = nn.Linear(input_size, hidden_size)
        self.h2h = nn.Linear(hidden_size, hidden_size)

    def init_hidden(self, input_shape):
        batch_size = input_shape[1]
        return torch.zeros(batch_size, self.hidden_size)

    def recurrence(self, input, hidden):
        h_new = torch.relu(self.input2h(input) + self.h2h(hidden))
        h_new = hidden * (1 - self.alpha) + h_new * self.alpha
        return h_new

    def forward(self, input, hidden=None):
        """Propogate input through the network."""
        if hidden is None:
            hidden = self.init_hidden(input.shape).to(input.device)
        output = []
        steps = range(input.size(0))
        for i in steps:
            hidden = self.recurrence(input[i], hidden)
            output.append(hidden)
        output = torch.stack(output, dim=0)  # (seq_len, batch, hidden_size)
        return output, hidden


class RNNNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, **kwargs):
        super().__init__()
        self.rnn = LeakyRNN(input_size, hidden_size, **kwargs)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        rnn_output, _ = self.rnn(x)
        out = self.fc(rnn_output)
        return out, rnn_output

batch_size = 16
seq_len = 20  # sequence length
input_size = 5  # input dimension
input_rnn = torch.rand(seq_len, batch_size, input_size)
rnn = RNNNet(input_size=input_size, hidden_size=100, output_size=10)
out, rnn_output = rnn(input_rnn)
print('Input of shape =', input_rnn.shape)
print('Output of shape =', out.shape)
import neurogym as ngym
task = 'PerceptualDecisionMaking-v0'
kwargs = {'dt': 100}
seq_len = 100
dataset = ngym.Dataset(task, env_kwargs=kwargs, batch_size=16, seq_len=seq_len)
env = dataset.env
ob_size = env.observation_space.shape[0]
act_size = env.action_space.n
net = RNNNet(input_size=ob_size, hidden_size=64, output_size=act_size, dt=env.dt)
print(net)
import torch.optim as optim
optimizer = optim.Adam(net.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()
running_loss = 0
losses = []
for i in range(60):
    inputs, labels = dataset()
    inputs = torch.from_numpy(inputs).type(torch.float)
    labels = torch.from_numpy(labels.flatten()).type(torch.long)
    optimizer.zero_grad()
    output, _ = net(inputs)
    output = output.view(-1, act_size)
    loss = criterion(output, labels)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
print(0.8 < losses[0] < 1.4, sum(losses[-10:]) / 10 < 0.5)
import numpy as np
env.reset(no_step=True)
activity_dict = {}  # recording activity
trial_infos = {}  # recording trial information
num_trial = 40
for i in range(num_trial):
    trial_info = env.new_trial()
    ob, gt = env.ob, env.gt
    inputs = torch.from_numpy(ob[:, np.newaxis, :]).type(torch.float)
    action_pred, rnn_activity = net(inputs)
    action_pred = action_pred.detach().numpy()[:, 0, :]
    choice = np.argmax(action_pred[-1, :])
    correct = choice == gt[-1]
    rnn_activity = rnn_activity[:, 0, :].detach().numpy()
    activity_dict[i] = rnn_activity
    trial_infos[i] = trial_info  # trial_info is a dictionary
    trial_infos[i].update({'correct': correct})
print('Trial ', 0, sorted(trial_infos[0]), activity_dict[0].shape, type(correct).__name__)
print(0.0 <= np.mean([val['correct'] for val in trial_infos.values()]) <= 1.0)
"""#

@Test func lab1OriginalNetworkCodeTrainsAsWritten() {
    let output = run(lab1OriginalProgram, budget: .init(operations: 50_000_000, seconds: 120))
    #expect(output == """
        Input of shape = torch.Size([20, 16, 5])
        Output of shape = torch.Size([20, 16, 10])
        RNNNet(
          (rnn): LeakyRNN(
            (input2h): Linear(in_features=3, out_features=64, bias=True)
            (h2h): Linear(in_features=64, out_features=64, bias=True)
          )
          (fc): Linear(in_features=64, out_features=3, bias=True)
        )
        True True
        Trial  0 ['coh', 'correct', 'ground_truth'] (22, 64) bool
        True

        """)
}


/// The project lab's trainer as its slides show it (../shared/seeds/000): a nested config,
/// `class Trainer` with input normalisation, AdamW with weight decay, gradient clipping,
/// `@torch.no_grad()` validation every few epochs, around a user `nn.Module` holding
/// `nn.RNN` and `nn.Linear`, on neurogym's task through `ngym.Dataset`, whose numpy batches
/// `get_batch` turns into tensors.
let trainerProgram = #"""
import torch
import torch.nn as nn
import neurogym as ngym

config = {
    'model': {'hidden_size': 32, 'dtype': 'float32'},
    'training': {'batch_size': 16, 'learning_rate': 1e-2, 'num_epochs': 4, 'num_trials_per_epoch': 20,
                 'validation_trials': 64, 'validation_frequency': 2, 'gradient_clip': 1.0,
                 'optimizer': {'type': 'adamw', 'weight_decay': 1e-4}},
}

class RNNNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size, batch_first=False)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out), out

class Trainer:
    def __init__(self, model, dataset, config, device='cpu'):
        self.model = model.to(device)
        self.dataset = dataset
        self.device = torch.device(device)
        tc = config['training']
        self.config = tc
        if tc['optimizer']['type'] != 'adamw':
            raise ValueError(f"unknown optimizer {tc['optimizer']['type']}")
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=tc['learning_rate'],
                                           weight_decay=tc['optimizer']['weight_decay'])
        self.criterion = nn.CrossEntropyLoss()
        self.history = {'loss': [], 'val_acc': []}

    def get_batch(self):
        inputs, labels = self.dataset()
        return torch.from_numpy(inputs).type(torch.float), torch.from_numpy(labels).type(torch.long)

    def normalize(self, inputs):
        mean = inputs.mean(dim=(0, 1), keepdim=True)
        std = inputs.std(dim=(0, 1), keepdim=True) + 1e-6
        return (inputs - mean) / std

    def train_step(self, inputs, labels):
        self.model.train()
        self.optimizer.zero_grad()
        outputs, _ = self.model(self.normalize(inputs))
        loss = self.criterion(outputs.reshape(-1, outputs.shape[-1]), labels.reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(self.model.parameters(), self.config['gradient_clip'])
        self.optimizer.step()
        return loss.item()

    @torch.no_grad()
    def validate(self):
        self.model.eval()
        inputs, labels = self.get_batch()
        outputs, _ = self.model(self.normalize(inputs))
        return (outputs[-1].argmax(dim=-1) == labels[-1]).float().mean().item()

    def train(self):
        for epoch in range(self.config['num_epochs']):
            losses = [self.train_step(*self.get_batch()) for _ in range(self.config['num_trials_per_epoch'])]
            self.history['loss'].append(sum(losses) / len(losses))
            if (epoch + 1) % self.config['validation_frequency'] == 0:
                self.history['val_acc'].append(self.validate())
        return self.history

torch.manual_seed(0)
dataset = ngym.Dataset('PerceptualDecisionMaking-v0', env_kwargs={'dt': 100}, batch_size=16, seq_len=40)
env = dataset.env
model = RNNNet(env.observation_space.shape[0], config['model']['hidden_size'], env.action_space.n)
trainer = Trainer(model, dataset, config)
history = trainer.train()
print(len(history['loss']), len(history['val_acc']), history['loss'][-1] < history['loss'][0])
print(all(0.0 <= a <= 1.0 for a in history['val_acc']), isinstance(trainer.optimizer, torch.optim.AdamW))
"""#

@Test func trainerClassRunsAsWritten() {
    let output = run(trainerProgram, budget: .init(operations: 50_000_000, seconds: 120))
    #expect(output == "4 2 True\nTrue True\n")
}
