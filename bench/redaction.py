"""Recall and false positives of the gateway's redaction on tests/redaction/corpus.jsonl.

.venv/bin/python bench/redaction.py [--misses]
"""

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service_api.services.catalogue import Catalogue  # noqa: E402
from service_api.services.redaction import Redactor  # noqa: E402

CORPUS = ROOT / "tests" / "redaction" / "corpus.jsonl"
TOKEN = re.compile(r"\w{3,}")
PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


@dataclass
class Score:
    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    kept: int = 0
    keep_total: int = 0
    clean_changed: int = 0
    clean_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.total.values()))

    @property
    def false_positive_rate(self) -> float:
        return 1 - self.kept / max(1, self.keep_total)


def removed(value: str, output: str) -> bool:
    """Every word of three or more characters of the value is gone."""
    lowered = PLACEHOLDER.sub(" ", output).lower()
    return value not in output and not any(
        re.search(rf"\b{re.escape(t.lower())}\b", lowered) for t in TOKEN.findall(value)
    )


def score(redactor: Redactor, corpus: Path = CORPUS) -> Score:
    result = Score()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        output = redactor.redact(case["text"])
        for item in case["pii"]:
            for key in (item["type"], f"lang:{case['lang']}"):
                result.total[key] += 1
            if removed(item["value"], output):
                result.found[item["type"]] += 1
                result.found[f"lang:{case['lang']}"] += 1
            else:
                result.misses.append(
                    f"MISS {case['id']} {item['type']} {item['value']!r}: {output}"
                )
        for keep in case["keep"]:
            result.keep_total += 1
            if keep in output:
                result.kept += 1
            else:
                result.misses.append(f"LOST {case['id']} {keep!r}: {output}")
        if not case["pii"]:
            result.clean_total += 1
            result.clean_changed += output != case["text"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    catalogue = Catalogue.load(ROOT / "data" / "catalogue")
    result = score(Redactor(catalogue.public_addresses), args.corpus)
    print(f"{'items':<22}{'found':>7}{'total':>7}{'recall':>8}")
    for key in sorted(result.total):
        found, total = result.found[key], result.total[key]
        print(f"{key:<22}{found:>7}{total:>7}{found / total:>8.2f}")
    print(f"\nrecall {result.recall:.3f} over {sum(result.total.values()) // 2} items")
    print(
        f"false positives: {result.keep_total - result.kept}/{result.keep_total} protected strings "
        f"lost ({result.false_positive_rate:.1%}); {result.clean_changed}/{result.clean_total} "
        "messages without personal data changed"
    )
    if args.misses:
        print("\n" + "\n".join(result.misses))


if __name__ == "__main__":
    main()
