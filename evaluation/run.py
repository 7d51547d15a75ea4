"""Train every system on the same data and print the comparison (`make eval`).

Each system is trained once, on the training part of a fixed split of
data/nlu/, and scored on the held-out part and on the shared dev set.
Results are kept in var/eval/ per system and data fingerprint, so a slow
baseline need not be retrained while the data stays the same.
"""

import argparse
import hashlib
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.data import ROOT, Example, dev_set, split, training_examples
from evaluation.report import markdown
from evaluation.scoring import Scored, outcome, summary
from evaluation.systems import RasaSystem, TfidfLogisticRegression

CORE = ("de", "en", "ar", "fa", "tr", "uk", "ru")
RESULTS = ROOT / "var" / "eval"
SYSTEMS = {
    "lotse": lambda: RasaSystem("lotse", ROOT / "bot" / "config.yml"),
    "tfidf_lr": TfidfLogisticRegression,
    "rasa_init": lambda: RasaSystem("rasa_init", ROOT / "evaluation" / "rasa_init_config.yml"),
}


def fingerprint(name: str, examples: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for example in examples:
        digest.update(f"{example.intent}\t{example.lang}\t{example.text}\n".encode())
    components = sorted((ROOT / "bot" / "components").glob("*.py")) if name == "lotse" else []
    config = getattr(SYSTEMS[name](), "config", None)
    for path in [config, *components]:
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def score(examples: Sequence[Example], predictions: Sequence[Any]) -> dict[str, Any]:
    scored = [
        Scored(e, outcome(intent), conf)
        for e, (intent, conf) in zip(examples, predictions, strict=True)
    ]
    result = summary(scored, CORE)
    result["misses"] = [
        [m.example.id, m.example.lang, m.expected, m.predicted, round(m.confidence, 3)]
        for m in result["misses"]
    ]
    return result


def evaluate(
    name: str, train: Sequence[Example], tests: dict[str, Sequence[Example]]
) -> dict[str, Any]:
    system = SYSTEMS[name]()
    with tempfile.TemporaryDirectory(prefix=f"eval-{name}-") as workdir:
        started = time.perf_counter()
        model = system.train(train, Path(workdir))
        result: dict[str, Any] = {"train_s": round(time.perf_counter() - started, 1)}
        for split_name, examples in tests.items():
            started = time.perf_counter()
            predictions = system.predict(model, [e.text for e in examples])
            result[split_name] = score(examples, predictions)
            result[split_name]["ms_per_message"] = round(
                1000 * (time.perf_counter() - started) / max(1, len(examples)), 1
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--out", type=Path, help="also write the report here (markdown)")
    args = parser.parse_args()
    examples = training_examples()
    train, held_out = split(examples)
    tests = {"held_out": held_out}
    dev = dev_set()
    if dev is not None:
        tests["dev"] = dev
    RESULTS.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for name in args.systems.split(","):
        cached = RESULTS / f"{name}-{fingerprint(name, examples)}.json"
        if not cached.exists():
            print(f"==> training and scoring {name}", flush=True)
            cached.write_text(json.dumps(evaluate(name, train, tests)), encoding="utf-8")
        results[name] = json.loads(cached.read_text(encoding="utf-8"))
    report = markdown(results, len(examples), len(train), len(held_out), dev is not None)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
