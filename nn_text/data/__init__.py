"""Data files that ship with nn_text (the pretrained MNIST weights)."""
