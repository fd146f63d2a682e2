"""The PDF output: run with `python -m scripts.pdf`."""
