"""Shared helpers for the handbook's outputs (PDF, offline bundle, hosted site) and their tests."""
