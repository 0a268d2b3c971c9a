"""Perceptrons: logic gates from a weighted sum, a bias and a threshold (chapter 2).

A perceptron outputs 1 when the weighted sum of its inputs plus its bias is above 0
and 0 otherwise. Choosing the weights and the bias picks the gate; stacking gates gives XOR,
which no single perceptron can compute.
"""

import numpy as np

from nn_text._checks import check_scalar_inputs

__all__ = ["AND_threshold", "AND", "NAND", "OR", "XOR", "truth_table"]


def AND_threshold(x1, x2):
    """AND gate in the threshold form: fire when ``w1*x1 + w2*x2 > theta``.

    This is the first form the book gives, before the threshold becomes a bias.

    Parameters
    ----------
    x1, x2 : int or float
        The two inputs, usually 0 or 1.

    Returns
    -------
    int
        1 if ``0.5*x1 + 0.5*x2 > 0.7``, else 0.

    Raises
    ------
    TypeError
        If an input is not a number (for example a list or a string).

    Examples
    --------
    >>> from nn_text.perceptron import AND_threshold
    >>> [AND_threshold(0, 0), AND_threshold(1, 0), AND_threshold(0, 1), AND_threshold(1, 1)]
    [0, 0, 0, 1]
    """
    check_scalar_inputs("AND_threshold", x1=x1, x2=x2)
    w1, w2, theta = 0.5, 0.5, 0.7
    tmp = x1 * w1 + x2 * w2
    if tmp <= theta:
        return 0
    elif tmp > theta:
        return 1


def AND(x1, x2):
    """AND gate as a perceptron with weights ``(0.5, 0.5)`` and bias ``-0.7``.

    Parameters
    ----------
    x1, x2 : int or float
        The two inputs, usually 0 or 1.

    Returns
    -------
    int
        1 if ``0.5*x1 + 0.5*x2 - 0.7 > 0``, else 0.

    Raises
    ------
    TypeError
        If an input is not a number.

    Examples
    --------
    >>> from nn_text.perceptron import AND
    >>> [AND(0, 0), AND(1, 0), AND(0, 1), AND(1, 1)]
    [0, 0, 0, 1]
    """
    check_scalar_inputs("AND", x1=x1, x2=x2)
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.7
    tmp = np.sum(w * x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def NAND(x1, x2):
    """NAND gate: AND with every weight and the bias negated.

    Parameters
    ----------
    x1, x2 : int or float
        The two inputs, usually 0 or 1.

    Returns
    -------
    int
        0 only when both inputs are 1.

    Raises
    ------
    TypeError
        If an input is not a number.

    Examples
    --------
    >>> from nn_text.perceptron import NAND
    >>> [NAND(0, 0), NAND(1, 0), NAND(0, 1), NAND(1, 1)]
    [1, 1, 1, 0]
    """
    check_scalar_inputs("NAND", x1=x1, x2=x2)
    x = np.array([x1, x2])
    w = np.array([-0.5, -0.5])  # only the weights and the bias differ from AND
    b = 0.7
    tmp = np.sum(w * x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def OR(x1, x2):
    """OR gate: the AND weights with a smaller bias, so one active input is enough.

    Parameters
    ----------
    x1, x2 : int or float
        The two inputs, usually 0 or 1.

    Returns
    -------
    int
        1 when at least one input is 1.

    Raises
    ------
    TypeError
        If an input is not a number.

    Examples
    --------
    >>> from nn_text.perceptron import OR
    >>> [OR(0, 0), OR(1, 0), OR(0, 1), OR(1, 1)]
    [0, 1, 1, 1]
    """
    check_scalar_inputs("OR", x1=x1, x2=x2)
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.2
    tmp = np.sum(w * x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def XOR(x1, x2):
    """XOR gate as a two-layer perceptron: ``AND(NAND(x1, x2), OR(x1, x2))``.

    Parameters
    ----------
    x1, x2 : int or float
        The two inputs, usually 0 or 1.

    Returns
    -------
    int
        1 when exactly one input is 1.

    Raises
    ------
    TypeError
        If an input is not a number.

    Examples
    --------
    >>> from nn_text.perceptron import XOR
    >>> [XOR(0, 0), XOR(1, 0), XOR(0, 1), XOR(1, 1)]
    [0, 1, 1, 0]
    """
    check_scalar_inputs("XOR", x1=x1, x2=x2)
    s1 = NAND(x1, x2)  # layer 1: two perceptrons side by side
    s2 = OR(x1, x2)
    y = AND(s1, s2)  # layer 2: one perceptron on their outputs
    return y


def truth_table(gate):
    """Evaluate a two-input gate on the four inputs ``(0, 0), (1, 0), (0, 1), (1, 1)``.

    Parameters
    ----------
    gate : callable
        A function of two inputs such as ``AND`` or ``XOR``.

    Returns
    -------
    list of tuple of int
        ``(x1, x2, y)`` for each of the four inputs, in the book's order.

    Raises
    ------
    TypeError
        If ``gate`` is not callable.

    Examples
    --------
    >>> from nn_text.perceptron import XOR, truth_table
    >>> for x1, x2, y in truth_table(XOR):
    ...     print(x1, x2, "->", y)
    0 0 -> 0
    1 0 -> 1
    0 1 -> 1
    1 1 -> 0
    """
    if not callable(gate):
        raise TypeError(
            f"truth_table expects a gate function such as AND, got {type(gate).__name__} {gate!r}"
        )
    return [(x1, x2, gate(x1, x2)) for x1, x2 in [(0, 0), (1, 0), (0, 1), (1, 1)]]
