#!/usr/bin/env python3
"""Run the analysis engine on article files and print the `analyze --json` array (DESIGN §3).

A stand-in for `newsreader analyze --json` while the real loader is being written: it splits files the
way the loader will (BOM, optional YAML front matter, title = first meaningful line, residue skipped).
Uses `newsreader.articles.load_article` when that exists.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.analysis import ActorHint, analyse  # noqa: E402

RESIDUE = {"show image", "advertisement", "image caption", "share this article", "skip advertisement",
           "media caption", "getty images", "hide caption", "toggle caption"}


def split_article(raw: str) -> tuple[str, str, list[ActorHint]]:
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    title = ""
    hints: list[ActorHint] = []
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if m:
        try:
            import yaml

            meta = yaml.safe_load(m.group(1))
        except Exception:  # noqa: BLE001
            meta = None
        if isinstance(meta, dict):
            if isinstance(meta.get("title"), str):
                title = meta["title"].strip()
            for a in meta.get("actors") or []:
                if isinstance(a, dict) and isinstance(a.get("name"), str):
                    hints.append(ActorHint(a["name"], str(a.get("kind", "person")),
                                           tuple(str(x) for x in a.get("aliases") or [])))
        text = text[m.end():]
    lines = text.split("\n")
    i = 0
    if not title:
        while i < len(lines):
            line = lines[i].strip()
            i += 1
            if not line or line.lower().rstrip(".:") in RESIDUE:
                continue
            title = line.lstrip("#").strip()
            break
    while i < len(lines) and not lines[i].strip():
        i += 1
    return title, "\n".join(lines[i:]), hints


def main(paths: list[str]) -> int:
    out = []
    for p in paths:
        rec = {"path": p, "title": "", "error": None}
        try:
            raw = Path(p).read_text(encoding="utf-8", errors="replace")
            title, body, hints = split_article(raw)
            rec["title"] = title
            rec.update(analyse(body, hints, title=title).to_json())
        except Exception as exc:  # noqa: BLE001
            rec["error"] = f"{type(exc).__name__}: {exc}"
            rec.update({"quotes": [], "actors": []})
        out.append(rec)
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
