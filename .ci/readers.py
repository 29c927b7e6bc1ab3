"""Read a corpus of every format with the installed pantau: run from a venv made by `pip install .` alone,
it fails when a reader imports something the runtime dependencies do not bring (lxml_html_clean, pyarrow,
warcio)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import corpora
from pantau.ingest import ReadError, read_path


def main() -> int:
    """Read each corpus; print what failed; 1 if anything did."""
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in corpora.write_all(Path(tmp)):
            items = list(read_path(path))
            errors = [x for x in items if isinstance(x, ReadError)]
            bad += len(errors) + (not items)
            print(f"{path.name}: {len(items) - len(errors)} documents, {len(errors)} errors")
            for e in errors:
                print(f"  {e}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
