"""SimpleConvNet: backprop equals the numerical gradient, it learns, and its files are safe."""

import numpy as np
import pytest

from nn_text.optimizers import Adam
from nn_text.simple_conv_net import SimpleConvNet


def small_net(rng, **kwargs):
    return SimpleConvNet(input_dim=(2, 6, 6), conv_param={"filter_num": 3, "filter_size": 3},
                         hidden_size=5, output_size=3, weight_init_std=0.5, rng=rng, **kwargs)


def test_gradient_check():
    rng = np.random.default_rng(0)
    net = small_net(rng)
    x = rng.standard_normal((3, 2, 6, 6))
    t = np.array([0, 2, 1])
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    for key in net.params:
        assert backprop[key].shape == net.params[key].shape
        assert np.allclose(numeric[key], backprop[key], rtol=1e-4, atol=1e-7), key


def test_book_shapes_with_padding_and_stride():
    net = SimpleConvNet(conv_param={"filter_num": 8, "filter_size": 3, "pad": 1, "stride": 1})
    assert net.params["W2"].shape == (8 * 14 * 14, 100)
    assert net.predict(np.zeros((2, 1, 28, 28))).shape == (2, 10)


def test_learns_a_toy_image_task():
    rng = np.random.default_rng(0)
    x = rng.random((60, 1, 6, 6))
    t = (x[:, 0, :3].mean(axis=(1, 2)) > x[:, 0, 3:].mean(axis=(1, 2))).astype(int)  # top brighter?
    net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 4, "filter_size": 3},
                        hidden_size=8, output_size=2, weight_init_std=0.3, rng=rng)
    opt = Adam(lr=0.01)
    for _ in range(150):
        opt.update(net.params, net.gradient(x, t))
    assert net.accuracy(x, t) > 0.9


def test_save_and_load_round_trip(tmp_path):
    net = small_net(np.random.default_rng(1))
    path = tmp_path / "params.npz"
    net.save_params(path)
    other = small_net(np.random.default_rng(2))
    W1 = other.params["W1"]
    other.load_params(path)
    assert other.params["W1"] is W1  # loaded in place, so the layers see it
    x = np.random.default_rng(3).random((2, 2, 6, 6))
    assert np.array_equal(other.predict(x), net.predict(x))


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "params.npz"
    net = small_net(np.random.default_rng(1))
    net.save_params(path)
    before = path.read_bytes()

    def broken_savez(f, **arrays):
        f.write(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        net.save_params(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["params.npz"]  # no .part left


def test_load_refuses_another_networks_file(tmp_path):
    path = tmp_path / "params.npz"
    small_net(np.random.default_rng(1)).save_params(path)
    net = SimpleConvNet()
    W1 = net.params["W1"].copy()
    with pytest.raises(ValueError, match=r"SimpleConvNet.load_params expects W1 of shape \(30, 1, 5, 5\) for this network, got \(3, 2, 3, 3\)"):
        net.load_params(path)
    assert np.array_equal(net.params["W1"], W1)  # nothing half-loaded


def test_the_training_loop_that_chapter_7_lists_runs_and_learns():
    # docs/ch07/implementation shows tools/train_simple_conv_net.py's train(); run it on a toy task
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "train_simple_conv_net.py"
    spec = importlib.util.spec_from_file_location("train_simple_conv_net", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng(0)
    t = rng.integers(0, 2, size=200)
    x = 0.3 * rng.random((200, 1, 8, 8))
    x[t == 0, :, :, :4] += 0.7  # class 0: the left half is bright
    x[t == 1, :, :, 4:] += 0.7  # class 1: the right half
    net = SimpleConvNet(input_dim=(1, 8, 8), conv_param={"filter_num": 4, "filter_size": 3},
                        hidden_size=10, output_size=2, weight_init_std=0.1, rng=rng)
    history = module.train(net, x, t, x, t, epochs=5, batch_size=20, lr=0.01,
                           train_acc_images=100, rng=rng)
    assert len(history["loss"]) == 50 and len(history["test_acc"]) == 6
    assert history["test_acc"][-1] > 0.9
