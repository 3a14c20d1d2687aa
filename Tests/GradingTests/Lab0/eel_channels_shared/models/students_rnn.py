"""The recurrent network that students write."""
import torch.nn as nn


class RNNNet(nn.Module):
    """A GRU with a linear readout: forward(x) returns (outputs, hidden activity)."""

    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        activity, _ = self.rnn(x)
        return self.fc(activity), activity
