"""The gates of chapter 2: the book's truth tables, and clear errors for bad input."""

import numpy as np
import pytest

from nn_text.perceptron import AND, AND_threshold, NAND, OR, XOR, truth_table

INPUTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
EXPECTED = {
    AND_threshold: [0, 0, 0, 1],
    AND: [0, 0, 0, 1],
    NAND: [1, 1, 1, 0],
    OR: [0, 1, 1, 1],
    XOR: [0, 1, 1, 0],
}


@pytest.mark.parametrize("gate", EXPECTED, ids=lambda g: g.__name__)
def test_truth_tables_match_the_book(gate):
    assert [gate(x1, x2) for x1, x2 in INPUTS] == EXPECTED[gate]
    assert truth_table(gate) == [(x1, x2, y) for (x1, x2), y in zip(INPUTS, EXPECTED[gate])]


@pytest.mark.parametrize("gate", EXPECTED, ids=lambda g: g.__name__)
def test_outputs_are_plain_ints(gate):
    assert all(type(gate(x1, x2)) is int for x1, x2 in INPUTS)


def test_gates_agree_with_an_independent_weighted_sum():
    # Decision rule written differently: sign of w . x + b with the book's weights.
    params = {AND: ([0.5, 0.5], -0.7), NAND: ([-0.5, -0.5], 0.7), OR: ([0.5, 0.5], -0.2)}
    grid = np.linspace(-1, 2, 13)
    for gate, (w, b) in params.items():
        for x1 in grid:
            for x2 in grid:
                assert gate(x1, x2) == int(np.dot(w, [x1, x2]) + b > 0)


def test_xor_is_and_of_nand_and_or():
    for x1, x2 in INPUTS:
        assert XOR(x1, x2) == AND(NAND(x1, x2), OR(x1, x2))
        assert XOR(x1, x2) == (x1 ^ x2)


def test_numpy_and_bool_inputs_work():
    assert AND(np.int64(1), np.float32(1.0)) == 1
    assert OR(True, False) == 1
    assert NAND(np.array(1), np.array(1)) == 0


@pytest.mark.parametrize(
    "args, error, message",
    [
        (([1, 0], 1), TypeError, "AND expects x1 to be a number such as 0 or 1, got list [1, 0]"),
        (("1", 1), TypeError, "AND expects x1 to be a number such as 0 or 1, got str '1'"),
        ((1, None), TypeError, "AND expects x2 to be a number such as 0 or 1, got NoneType None"),
        ((np.array([1, 0]), 1), TypeError, "AND expects x1 to be a number"),
        ((float("nan"), 1), ValueError, "AND expects x1 to be finite, got nan"),
        ((1, float("inf")), ValueError, "AND expects x2 to be finite, got inf"),
    ],
)
def test_bad_inputs_are_named(args, error, message):
    with pytest.raises(error, match=message.replace("[", r"\[").replace("]", r"\]")):
        AND(*args)


@pytest.mark.parametrize("gate", [NAND, OR, XOR, AND_threshold], ids=lambda g: g.__name__)
def test_every_gate_names_itself_in_errors(gate):
    with pytest.raises(TypeError, match=f"^{gate.__name__} expects x1"):
        gate("a", 0)


def test_truth_table_rejects_a_non_callable():
    with pytest.raises(TypeError, match="truth_table expects a gate function such as AND, got int 3"):
        truth_table(3)
