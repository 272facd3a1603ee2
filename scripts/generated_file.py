"""What every data generator shares: its command line (write its file, or with `--check` only say whether
the file on disk is what the generator makes, exit 1 if not) and the import of its pinned dev package."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from types import ModuleType


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


def import_pinned(pin: str, script: str) -> ModuleType:
    """The dev-only package a generator reads (`pin` is "name==version"): exit with the install command if
    it is missing, warn if another version is installed (the output would then differ from the file)."""
    name, version = pin.split("==")
    try:
        module = importlib.import_module(name)
    except ImportError:
        sys.exit(f"{script} needs {name} (dev only): pip install {pin}")
    installed = metadata.version(name)
    if installed != version:
        print(f"warning: {name} {installed} installed, the file expects {pin}", file=sys.stderr)
    return module
