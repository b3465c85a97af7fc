"""Loads the weights of an exported visual classifier (ONNX) back into `VisualNet`.

The export folds every BatchNorm into the convolution before it, so the ONNX file holds one weight
and one bias per convolution. They go back into the network's convolutions in execution order, and
each BatchNorm becomes the identity plus that bias (scale 1, mean 0, variance 1 - eps): the network
in eval mode then computes exactly what the ONNX file computes. Fine-tuning keeps the BatchNorms in
eval mode (`freeze_batchnorm`), so they stay per-channel affine layers and never see batch statistics.
"""

from __future__ import annotations

import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper

from visual_model import VisualNet


def conv_order(model: VisualNet) -> list[nn.Conv2d]:
    """The network's convolutions in the order a forward pass runs them."""
    order: list[nn.Conv2d] = []
    hooks = [m.register_forward_hook(lambda mod, _i, _o: order.append(mod)) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model.eval()(torch.zeros(1, 3, 64, 64))
    for h in hooks:
        h.remove()
    return order


def following_batchnorm(model: VisualNet) -> dict[nn.Conv2d, nn.BatchNorm2d]:
    """Each convolution that a BatchNorm follows inside the same nn.Sequential."""
    pairs = {}
    for seq in model.modules():
        if isinstance(seq, nn.Sequential):
            items = list(seq)
            for a, b in zip(items, items[1:]):
                if isinstance(a, nn.Conv2d) and isinstance(b, nn.BatchNorm2d):
                    pairs[a] = b
    return pairs


def load_onnx_weights(model: VisualNet, path: str) -> VisualNet:
    graph = onnx.load(path).graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    onnx_convs = [n for n in graph.node if n.op_type == "Conv"]
    convs = conv_order(model)
    if len(onnx_convs) != len(convs):
        raise ValueError(f"{path}: {len(onnx_convs)} convolutions, the network has {len(convs)}")
    bns = following_batchnorm(model)
    with torch.no_grad():
        for node, conv in zip(onnx_convs, convs):
            weight = torch.from_numpy(init[node.input[1]].copy())
            if weight.shape != conv.weight.shape:
                raise ValueError(f"{path}: {node.name} has shape {tuple(weight.shape)}, expected {tuple(conv.weight.shape)}")
            bias = torch.from_numpy(init[node.input[2]].copy()) if len(node.input) > 2 else torch.zeros(weight.shape[0])
            conv.weight.copy_(weight)
            if conv.bias is not None:
                conv.bias.copy_(bias)
            elif conv in bns:
                bn = bns[conv]
                bn.weight.fill_(1.0)
                bn.bias.copy_(bias)
                bn.running_mean.zero_()
                bn.running_var.fill_(1.0 - bn.eps)
            elif bias.abs().max() > 0:
                raise ValueError(f"{path}: {node.name} has a bias the network cannot hold")
    return model


def freeze_batchnorm(model: nn.Module) -> None:
    """Batch statistics off (eval mode) in every BatchNorm; their scale and shift still train."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


def main():
    """Checks the round trip: the reloaded network must compute what onnxruntime computes."""
    import argparse

    import numpy as np
    import onnxruntime as ort

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("model", help="an ONNX file exported by scripts/train_visual.py")
    args = ap.parse_args()
    net = load_onnx_weights(VisualNet(), args.model).eval()
    x = torch.rand(1, 3, 224, 320, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        ours = net(x).numpy()
    theirs = ort.InferenceSession(args.model, providers=["CPUExecutionProvider"]).run(None, {"image": x.numpy()})[0]
    diff = float(np.abs(ours - theirs).max())
    print(f"max |torch - onnxruntime| = {diff:.2e}")
    raise SystemExit(0 if diff < 1e-3 else 1)


if __name__ == "__main__":
    main()
