"""nn_text: the code of the nn_text textbook, neural networks from scratch with NumPy.

Each module holds one concept of *Deep Learning from Scratch 1* and keeps the book's names,
so a reader's snippet such as ``from nn_text.perceptron import AND`` works as printed.

Examples
--------
>>> import nn_text
>>> nn_text.__version__
'0.1.0'
"""

__version__ = "0.1.0"
