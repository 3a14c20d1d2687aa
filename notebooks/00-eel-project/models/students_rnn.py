"""The recurrent network that students write."""
import torch.nn as nn


class RNNNet(nn.Module):
    """A GRU with a linear readout: forward(x) returns (outputs, hidden activity)."""

    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        ### BEGIN SOLUTION Make self.rnn an nn.GRU from input_size to hidden_size, and self.fc an nn.Linear readout from hidden_size to output_size.
        self.rnn = nn.GRU(input_size, hidden_size)
        self.fc = nn.Linear(hidden_size, output_size)
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION Return (self.fc applied to the GRU's output, the GRU's output).
        activity, _ = self.rnn(x)
        return self.fc(activity), activity
        ### END SOLUTION
