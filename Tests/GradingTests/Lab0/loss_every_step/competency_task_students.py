"""The pieces of the eel competency task that students write."""
import torch

N_FISH = 24
OBSERVATION_SIZE = 1 + 2 + 2 + 2 * N_FISH


def ground_truth(influences):
    """0 where eel 1's influence is the larger, 1 where eel 2's is; influences (n, 2)."""
    return (influences[:, 1] > influences[:, 0]).long()


def trial_labels(ground_truth, env):
    """The targets (T, n): 0 (fixate) before the decision period, ground_truth + 1 in it."""
    labels = torch.zeros(env.trial_length, ground_truth.shape[0], dtype=torch.long)
    labels[env.start_ind["decision"]:] = ground_truth + 1
    return labels


def observation(period, eel, fish):
    """One step's observation (53,): fixation cue, eel 1 (x, y), eel 2 (x, y), 24 fish (x, y)."""
    ob = torch.zeros(OBSERVATION_SIZE)
    if period != "decision":
        ob[0] = 1
    if period == "eel1_observe":
        ob[1:3] = eel
    if period == "eel2_observe":
        ob[3:5] = eel
    if period in ["eel1_observe", "eel2_observe"]:
        ob[5:] = fish.reshape(-1)
    return ob
