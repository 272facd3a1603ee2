"""What every data generator's command line does: write its file, or with `--check` only say whether the
file on disk is what the generator makes (exit 1 if not)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def write_or_check(out: Path, repo: Path, render: Callable[[], str], description: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only compare with the file on disk")
    args = parser.parse_args()
    text = render()
    if args.check:
        same = out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out.relative_to(repo)} differs from the generator")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(repo)}")
    return 0
