"""Run every benchmark in turn and print their tables (extraction, storage, page rendering)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("extraction", ["extraction.py", "--tokens", "100000"]),
    ("storage and SPARQL", ["store.py", "--triples", "100000", "1000000"]),
    ("page rendering", ["render.py"]),
]


def main() -> int:
    failed = 0
    for title, args in SCRIPTS:
        print(f"\n## {title}\n", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]]).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
