"""Diagram SVG output: run with `python -m scripts.diagrams`."""
