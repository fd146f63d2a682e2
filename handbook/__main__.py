"""`python -m handbook [DATA_DIR]`: validate data/ and print one line per problem (exit 1), or a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import DataError, load_data
from .paths import DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description=__doc__)
    parser.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR, help="a data/ folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        handbook = load_data(args.data_dir)
    except DataError as exc:
        print(exc)
        return 1
    print(f"{args.data_dir}: {len(handbook.tables)} tables, {len(handbook.factsets)} fact sets, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
