"""The offline bundle output: run with `python -m scripts.offline`."""
