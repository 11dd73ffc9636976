"""FLOPs counts against hand counts, through the public functions of effresearch.flops."""
import torch
from torch import nn

from effresearch.flops import count_parameters, forward_flops, train_step_flops
from effresearch.scaling_mlps import MLP


def test_linear_forward_flops():
    assert forward_flops(nn.Linear(64, 10), torch.randn(32, 64)) == 2 * 32 * 64 * 10


def test_two_layer_train_step_flops():
    net = nn.Sequential(nn.Linear(64, 48), nn.ReLU(), nn.Linear(48, 10))
    x, y = torch.randn(32, 64), torch.randint(0, 10, (32,))
    # The first layer's input needs no gradient: forward + weight gradient. The second also computes its input gradient.
    assert train_step_flops(net, x, y) == 2 * (2 * 32 * 64 * 48) + 3 * (2 * 32 * 48 * 10)
    assert all(p.grad is None for p in net.parameters()), "train_step_flops must not leave gradients behind"


def test_attention_forward_flops():
    length, width = 16, 32
    attention = nn.MultiheadAttention(width, num_heads=2, batch_first=True)
    tokens = torch.randn(3, length, width)
    expected = 3 * (4 * 2 * length * width * width + 2 * 2 * length * length * width)
    assert forward_flops(lambda t: attention(t, t, t, need_weights=False)[0], tokens) == expected


def test_bottleneck_mlp_flops_and_parameters():
    mlp = MLP("B_2-Wi_32", in_features=64, num_classes=10)
    per_example = 64 * 32 + 2 * (32 * 128 + 128 * 32) + 32 * 10  # multiply-adds of the linear layers
    assert forward_flops(mlp, torch.randn(5, 1, 8, 8)) == 2 * 5 * per_example
    assert count_parameters(mlp) == per_example + 32 + 2 * (2 * 32 + 128 + 32) + 10
