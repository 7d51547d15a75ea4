"""The comparison as a markdown report."""

from collections.abc import Callable
from typing import Any


def _pct(value: Any) -> str:
    return "–" if value is None else f"{float(value):.3f}"


def _table(results: dict[str, dict[str, Any]], split: str) -> list[str]:
    names = [n for n in results if split in results[n]]
    langs: list[str] = []
    for name in names:
        langs += [lang for lang in results[name][split]["topic_by_lang"] if lang not in langs]
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("messages", lambda r: str(r["n"])),
        ("accuracy, all lines", lambda r: _pct(r["overall"])),
        ("topic accuracy", lambda r: _pct(r["topic"])),
        ("behaviour accuracy", lambda r: _pct(r["behaviour"])),
    ]
    for lang in langs:
        rows.append(
            (f"topic accuracy, {lang}", lambda r, lang=lang: _pct(r["topic_by_lang"].get(lang)))
        )
    rows += [
        ("out-of-scope precision", lambda r: _pct(r["oos_precision"])),
        ("out-of-scope recall", lambda r: _pct(r["oos_recall"])),
        ("false fallbacks on in-scope messages", lambda r: _pct(r["false_fallback"])),
        ("ms per message", lambda r: str(r.get("ms_per_message", "–"))),
    ]
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(results[n][split]) for n in names) + " |")
    return lines


def markdown(
    results: dict[str, dict[str, Any]], n_all: int, n_train: int, n_held: int, has_dev: bool
) -> str:
    out = [
        "# NLU evaluation",
        "",
        "Produced by `make eval` (evaluation/run.py). Every system is trained on the same",
        f"{n_train} of the {n_all} examples in data/nlu/ and scored on the other {n_held}",
        "(held out per intent and language) and on the shared dev set. Scoring follows",
        "../shared/eval/README.md: a follow-up asked without context counts as its default",
        "topic, a fallback counts as out of scope. Messages go to the NLU directly, without",
        "the gateway's language detection or machine translation.",
        "",
        "Training time (s): " + ", ".join(f"{n} {results[n]['train_s']}" for n in results),
        "",
    ]
    if has_dev:
        out += ["## Dev set (../shared/eval/dev.jsonl)", "", *_table(results, "dev"), ""]
    out += ["## Held-out split of data/nlu", "", *_table(results, "held_out"), ""]
    for split in ("dev", "held_out"):
        for name in results:
            if split not in results[name]:
                continue
            out.append(f"### Worst confusions, {name}, {split}")
            out += [f"- {a} → {b}: {n}" for (a, b), n in results[name][split]["confusions"]]
            out.append("")
    if has_dev:
        names = list(results)
        out += ["## Dev-set topic accuracy per topic", ""]
        out.append("| topic | " + " | ".join(names) + " |")
        out.append("|---|" + "---|" * len(names))
        for topic in results[names[0]]["dev"]["topic_by_topic"]:
            cells = [_pct(results[n]["dev"]["topic_by_topic"].get(topic)) for n in names]
            out.append(f"| {topic} | " + " | ".join(cells) + " |")
        out += ["", f"## Dev-set misses, {names[0]}", ""]
        out += [
            f"- {i} {lang} {e} → {p} ({c:.2f})"
            for i, lang, e, p, c in results[names[0]]["dev"]["misses"]
        ]
    return "\n".join(out) + "\n"
