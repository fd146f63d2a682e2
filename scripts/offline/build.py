"""`make offline`: the handbook as a wiki that opens from file://, in dist/offline/ and as a zip.

The build enables Material's offline plugin (OFFLINE=true in mkdocs.yml): links point at
index.html files and the search index is inlined as a script, because browsers refuse fetch() and
workers on file://. overrides/main.html loads the vendored iframe-worker shim that search then needs.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from handbook.paths import DIST, REPO
from scripts.site import build_site

OFFLINE_DIR = DIST / "offline"
ZIP_PATH = DIST / "deploy-handbook-offline.zip"
ZIP_ROOT = "deploy-handbook"  # unzipping gives one folder, not files all over the reader's disk


@dataclass(frozen=True)
class OfflineResult:
    directory: Path
    archive: Path
    files: int
    bytes_unpacked: int
    bytes_zipped: int
    build_seconds: float


def zip_directory(directory: Path, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                zf.write(path, f"{ZIP_ROOT}/{path.relative_to(directory).as_posix()}")


def build_offline(directory: Path = OFFLINE_DIR, archive: Path = ZIP_PATH) -> OfflineResult:
    if directory.exists():
        shutil.rmtree(directory)
    seconds = build_site(directory, offline=True)
    zip_directory(directory, archive)
    files = [p for p in directory.rglob("*") if p.is_file()]
    return OfflineResult(
        directory, archive, len(files), sum(p.stat().st_size for p in files), archive.stat().st_size, seconds
    )


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def main() -> int:
    result = build_offline()
    print(
        f"{_shown(result.directory)}/: {result.files} files, {result.bytes_unpacked / 1e6:.1f} MB "
        f"(built in {result.build_seconds:.1f} s); open {_shown(result.directory / 'index.html')} in a browser"
    )
    print(f"{_shown(result.archive)}: {result.bytes_zipped / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
