"""Trains a recurrent network on the competency task, as configured in config.yaml."""
import copy
import time
import torch
import torch.nn as nn

from competency_task_students import trial_labels


class Trainer:
    """The slides' trainer: epochs of fresh batches, AdamW, clipping, batched validation."""

    def __init__(self, model, env, config):
        self.model = model
        self.env = env
        self.config = config
        training = config["training"]
        self.batch_size = training["batch_size"]
        self.num_epochs = training["num_epochs"]
        self.num_batches = training["num_trials_per_epoch"] // self.batch_size
        self.validation_trials = training["validation_trials"]
        self.val_frequency = training["validation_frequency"]
        self.gradient_clip = training["gradient_clip"]
        optimizer = training["optimizer"]
        if optimizer["type"] != "adamw":
            raise ValueError(f"optimizer type {optimizer['type']!r} is not supported; use 'adamw'")
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=training["learning_rate"],
                                           weight_decay=optimizer["weight_decay"])
        # Not in the slides: the learning rate falls along a cosine over the epochs (Lab 0, section 5).
        self.scheduler = None
        schedule = training.get("scheduler")
        if schedule is not None:
            if schedule["type"] != "cosine":
                raise ValueError(f"scheduler type {schedule['type']!r} is not supported; use 'cosine'")
            self.scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(self.optimizer, T_max=self.num_epochs,
                                                                        eta_min=schedule["min_lr"])
        self.criterion = nn.CrossEntropyLoss()
        self.decision = env.start_ind["decision"]
        self.history = {"loss": [], "accuracy": [], "validation_epoch": [], "validation": []}
        self.best_accuracy, self.best_state = -1.0, None

    def get_batch(self):
        """A batch of fresh trials: inputs (T, batch, 53) and labels (T, batch)."""
        inputs, _, info = self.env.batch(self.batch_size, trial_info=True)
        return inputs, trial_labels(info["ground_truth"], self.env)

    def normalize(self, inputs):
        """The slides' input normalisation: zero mean and unit deviation over the batch."""
        return (inputs - inputs.mean()) / (inputs.std() + 1e-8)

    def train_step(self, inputs, labels):
        """One update on a batch; returns the loss."""
        self.optimizer.zero_grad()
        outputs, _ = self.model(self.normalize(inputs))
        d = self.decision
        loss = self.criterion(outputs[d:].reshape(-1, outputs.shape[-1]), labels[d:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.gradient_clip)
        self.optimizer.step()
        self.outputs = outputs.detach()
        return loss.item()

    def evaluate_batch(self, labels):
        """The fraction of the batch's trials answered right at the last step."""
        choice = self.outputs[-1].argmax(-1)
        return (choice == labels[-1]).float().mean().item()

    @torch.no_grad()
    def validate(self):
        """Accuracy on fresh validation trials, all at once; also by difference."""
        self.model.eval()
        inputs, _, info = self.env.batch(self.validation_trials, trial_info=True)
        outputs, _ = self.model(self.normalize(inputs))
        right = (outputs[-1].argmax(-1) - 1 == info["ground_truth"]).float()
        self.by_difference = {d: right[info["difference"] == d].mean().item() for d in self.env.differences}
        self.model.train()
        return right.mean().item()

    def run_diagnostics(self, epoch):
        """Weights, gradients and recent progress, printed every 10 epochs."""
        weights = sum((p.detach() ** 2).sum() for p in self.model.parameters()) ** 0.5
        grads = sum((p.grad ** 2).sum() for p in self.model.parameters()) ** 0.5
        recent = self.history["loss"][-self.num_batches * 10:]
        accuracy = self.history["accuracy"][-self.num_batches * 10:]
        print(f"epoch {epoch + 1:4d}: loss {sum(recent) / len(recent):.4f}, batch accuracy "
              f"{sum(accuracy) / len(accuracy):.3f}, |w| {weights.item():.2f}, |grad| {grads.item():.3f}, "
              f"{time.perf_counter() - self.started:.0f} s")

    def train(self):
        self.started = time.perf_counter()
        for epoch in range(self.num_epochs):
            for batch_idx in range(self.num_batches):
                inputs_batch, labels_batch = self.get_batch()
                loss = self.train_step(inputs_batch, labels_batch)
                accuracy = self.evaluate_batch(labels_batch)
                self.history["loss"].append(loss)
                self.history["accuracy"].append(accuracy)
            if self.scheduler is not None:
                self.scheduler.step()
            if (epoch + 1) % self.val_frequency == 0:
                val_accuracy = self.validate()
                self.history["validation_epoch"].append(epoch + 1)
                self.history["validation"].append(val_accuracy)
                print(f"epoch {epoch + 1:4d}: validation accuracy {val_accuracy:.3f}")
                if val_accuracy > self.best_accuracy:
                    self.best_accuracy = val_accuracy
                    self.best_state = copy.deepcopy(self.model.state_dict())
            if (epoch + 1) % 10 == 0:
                self.run_diagnostics(epoch)
        if self.best_state is not None:
            self.model.load_state_dict(self.best_state)
        return self.history
