"""The Deploy Handbook's data model: what data/ and snippets/ hold, validated, with typed access.

Every other part stands on this package: the page macros (macros/), the checker (checks/), the
output scripts (scripts/) and the tests. It imports none of them.
"""

from __future__ import annotations

from .loader import DataError, Handbook, cached_data, load_data

__all__ = ["DataError", "Handbook", "cached_data", "load_data"]
