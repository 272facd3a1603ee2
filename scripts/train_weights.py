#!/usr/bin/env python3
"""Fit the analysis engine's learned weights on the dev gold and write `analysis/data/weights.json`.

    python scripts/train_weights.py [--gold ../shared/gold] [--no-write]

For every gold article the pipeline runs with a model that keeps everything; each entity the weighing
pass weighs (a person or an organisation: places are kept unweighed) becomes one row: its features
(`passes/weighing.py`) and whether its name is a gold actor of that article. A logistic regression
(`weights.fit`, deterministic) is fitted on all sets and written. Then, for each set, the weights are
fitted WITHOUT that set and the set is scored with them by the shared scorer (`tools/score.py
--json-in`): those leave-one-set-out figures are the honest ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.analysis import analyse, pipeline, weights  # noqa: E402
from newsreader.analysis.passes.weighing import ACTOR_KINDS, kind_features  # noqa: E402
from newsreader.analysis.weights import Features, Model  # noqa: E402
from newsreader.articles import load_file  # noqa: E402

SETS = ("wikinews-dev", "wikinews-dev2", "gum-dev", "gum-interview-dev", "gum-bio-dev", "gum-court-dev")
KEEP_ALL = {"actor": Model({}, 0.0), **{f"kind_{k}": Model() for k in ACTOR_KINDS}}
# ../shared/gold beside the checkout (the main checkout and the helpers' worktrees sit at different depths)
GOLD = next((p / "shared" / "gold" for p in ROOT.parents if (p / "shared" / "gold").is_dir()), ROOT / "gold")


def norm_name(s: str) -> str:
    """The scorer's name normalisation (tools/evalkit.py): casefold, no leading "the ", no trailing 's."""
    s = " ".join(s.replace("\u2019", "'").replace("\u2018", "'").split()).casefold().strip(" ,;:")
    s = s[4:] if s.startswith("the ") else s
    return (s[:-2] if s.endswith("'s") else s[:-1] if s.endswith("s'") else s).strip()


def articles(gold: Path, name: str) -> list[tuple[Path, dict]]:
    out = []
    for gf in sorted((gold / name).glob("*.gold.yaml")):
        g = yaml.safe_load(gf.read_text(encoding="utf-8")) or {}
        art = str(g.get("article", ""))
        path = next((p for p in (gold.parent / art, gf.parent / art) if p.exists()), None)
        if path is not None:
            out.append((path, g))
    return out


Row = tuple[Features, Features, str | None]  # an entity's actor and kind features, the kind of its gold actor


def rows_for(path: Path, gold: dict) -> list[Row]:
    """One row per weighed entity of one article, labelled by the gold actor names and aliases."""
    article = load_file(path)[0]
    title = " ".join(article.title.split())[:500]
    state = pipeline.run((title + "\n\n" if title else "") + article.body, article.hints)
    kind_of: dict[str, str] = {}
    for a in gold.get("actors") or []:
        for form in [a.get("name", ""), *(a.get("aliases") or [])]:
            kind_of.setdefault(norm_name(str(form)), str(a.get("kind")))
    return [(e.features, kind_features(e), kind_of.get(norm_name(e.name))) for e in state.roots if e.features]


def fit_all(rows: list[Row]) -> dict[str, Model]:
    """The `actor` model (is it a gold actor? asked of the rules' people and organisations only) and one
    `kind_*` model per kind (on the gold actors only)."""
    models = {"actor": weights.fit([(f, k is not None) for f, _, k in rows if not f.get("kind=place")])}
    for kind in ACTOR_KINDS:
        models[f"kind_{kind}"] = weights.fit([(f, k == kind) for _, f, k in rows
                                              if k is not None and not f.get("kind=place")])
    return models


def score_set(gold: Path, name: str) -> str:
    """P+O and place F1 of one set with the weights in use, by the shared scorer."""
    records = []
    for path, _ in articles(gold, name):
        article = load_file(path)[0]
        rec = {"path": str(path), "title": article.title, "error": None}
        rec.update(analyse(article.body, article.hints, article.title).to_json())
        records.append(rec)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(records, fh)
    out = subprocess.run([sys.executable, str(gold.parent / "tools" / "score.py"), "--gold", str(gold / name),
                          "--json-in", fh.name], capture_output=True, text=True, check=False).stdout
    Path(fh.name).unlink()
    pick = {ln.split()[1]: ln.split()[2:5] for ln in out.splitlines() if ln.startswith("actors ")}
    po, pl = pick.get("person+organisation", ["?"] * 3), pick.get("place", ["?"] * 3)
    kind = next((ln.split()[-2] for ln in out.splitlines() if ln.startswith("kind accuracy")), "?")
    return f"P+O P {po[0]} R {po[1]} F1 {po[2]}   places F1 {pl[2]}   kind accuracy {kind}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-write", action="store_true", help="print the figures, keep the shipped weights")
    args = ap.parse_args()
    weights.use(KEEP_ALL)
    rows = {name: [r for path, g in articles(args.gold, name) for r in rows_for(path, g)] for name in SETS}
    for name in SETS:
        pos = sum(1 for _, _, k in rows[name] if k is not None)
        print(f"{name:18s} {len(rows[name]):5d} entities, {pos} gold actors among them")
    print("\nleave-one-set-out (fitted without the set, scored on it):")
    for name in SETS:
        weights.use(fit_all([r for other in SETS if other != name for r in rows[other]]))
        print(f"  {name:18s} {score_set(args.gold, name)}")
    final = fit_all([r for name in SETS for r in rows[name]])
    if not args.no_write:
        data = {name: {"threshold": m.threshold, "weights": dict(sorted(m.weights.items()))}
                for name, m in final.items()}
        weights.WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {weights.WEIGHTS_PATH.relative_to(ROOT)} "
              f"({', '.join(f'{n}: {len(m.weights)} weights' for n, m in final.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
