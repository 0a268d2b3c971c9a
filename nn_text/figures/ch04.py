"""Figures of chapter 4."""

from nn_text.figures import register  # noqa: F401 - figures below register themselves

__all__ = []
