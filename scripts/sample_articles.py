"""Regenerate `articles/` (the sample folder) and `articles/ATTRIBUTION` from the shared corpus.

Generates: articles/*.txt (copied byte for byte) and articles/ATTRIBUTION (written from their front matter).

    python scripts/sample_articles.py [--corpus ../shared/corpus] [--out articles]

The samples are `corpus/wikinews/samples/` (30 Wikinews articles, already cleaned: datelines and orphaned
pull-quote captions removed, front matter added) plus `corpus/seed/`, the article the project was started
from, kept exactly as given. Running it on an unchanged corpus reproduces the committed files.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = "huawei-opens-brussels-transparency-centre.txt"

HEADER = f"""Attribution and licence of the sample articles in this folder
==============================================================

{SEED} is the article the project was started from, kept
byte-for-byte as it was given to us (including its leading scrape residue line "show image").

Every other article here is from English Wikinews (https://en.wikinews.org), written by Wikinews
contributors and licensed under the Creative Commons Attribution 2.5 licence (CC BY 2.5,
https://creativecommons.org/licenses/by/2.5/). The texts were taken from the vanatteveldt/wikinews
collection (data/wikinews_2019.csv, data/wikinews_2020.csv; "The wikinews articles are licensed CC-BY").

Changes made: datelines and orphaned pull-quote captions removed, reformatted as plain text with
YAML front matter (title, source, url, date, license).

Articles and their original addresses:

"""


def default_corpus() -> Path:
    """`shared/corpus` beside the checkout (or beside one of its parents, for a worktree)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    data = yaml.safe_load(block)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: no front matter")
    return data


def attribution(samples: list[Path]) -> str:
    entries = []
    for path in samples:
        meta = front_matter(path)
        entries.append(
            f"- {path.name}\n"
            f'  "{meta["title"]}", Wikinews contributors, {meta["date"]}, {meta["license"]}\n'
            f"  {meta['url']}\n"
        )
    return HEADER + "".join(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--out", type=Path, default=ROOT / "articles")
    args = parser.parse_args(argv)
    samples = sorted((args.corpus / "wikinews" / "samples").glob("*.txt"))
    if not samples:
        print(f"no samples under {args.corpus}/wikinews/samples", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for path in [*samples, args.corpus / "seed" / SEED]:
        shutil.copyfile(path, args.out / path.name)
    (args.out / "ATTRIBUTION").write_text(attribution(samples), encoding="utf-8")
    print(f"wrote {len(samples) + 1} articles and ATTRIBUTION to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
