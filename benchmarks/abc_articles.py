#!/usr/bin/env python3
"""Write the 180 ABC news items of the accuracy check set (`benchmarks/abc/README.md`) as article files.

The texts are not kept in this repository: they come from the Lee corpus that gensim ships in its test
data. The script downloads that one wheel from PyPI (or reads one given with --wheel) and writes each item
listed in `benchmarks/abc/manifest.yaml` to `benchmarks/abc/articles/abc-NN.txt`, where the gold files of
`benchmarks/abc/seen` and `benchmarks/abc/check` look for them.

    python benchmarks/abc_articles.py [--wheel FILE] [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "abc"
WHEEL = ("gensim==4.4.0", "manylinux_2_28_x86_64", "3.11")  # one fixed file: the same text on any machine
FRONT = "---\ntitle: news item {n}\nsource: ABC news, via the Lee et al. (2005) corpus in gensim's test data\n---\n"


def download_wheel(into: Path) -> Path:
    spec, platform, python = WHEEL
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                    "--platform", platform, "--python-version", python, "-d", str(into), spec], check=True)
    return next(into.glob("gensim-*.whl"))


def corpus_lines(wheel: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(wheel) as z:
        return {name: z.read(f"gensim/test/test_data/{name}").decode("latin-1").splitlines()
                for name in ("lee_background.cor", "lee.cor")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", type=Path, help="a gensim 4.4.0 wheel already on disk")
    ap.add_argument("--out", type=Path, default=HERE / "articles")
    args = ap.parse_args()
    manifest = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))["articles"]
    with tempfile.TemporaryDirectory() as tmp:
        lines = corpus_lines(args.wheel or download_wheel(Path(tmp)))
    args.out.mkdir(parents=True, exist_ok=True)
    for stem, where in manifest.items():
        text = lines[where["file"]][where["line"]].strip()
        (args.out / f"{stem}.txt").write_text(FRONT.format(n=stem.split("-")[1]) + text + "\n", encoding="utf-8")
    print(f"wrote {len(manifest)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
