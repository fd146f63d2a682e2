"""The Deploy Handbook's snippet checker: `python -m checks PATH...` (see `python -m checks --help`).

`checks.registry` is the single source of truth for kinds, tools and codes; the handbook's snippet
macro reads its `checks_for()` to say under each example which checks ran on it.
"""
