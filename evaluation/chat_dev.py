"""Score the dev set through a running Lotse's /api/v1/chat, as ../shared/eval/README.md does.

    make run   # in another terminal
    .venv/bin/python -m evaluation.chat_dev [--base http://localhost:8000]

Language detection, redaction and the dialogue are part of what is measured
here, unlike `make eval`, which scores the NLU alone.
"""

import argparse
import json
import uuid
from collections import defaultdict
from pathlib import Path

import httpx

from evaluation.data import DEV
from evaluation.scoring import BEHAVIOURS


def correct(expect: str, reply: dict) -> bool:
    if expect not in BEHAVIOURS:
        return bool(reply["topic"] == expect)
    if expect == "out_of_scope":
        return reply["intent"] == "out_of_scope" or (reply["unmet"] and reply["topic"] is None)
    return bool(reply["intent"] == expect)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://localhost:8000")
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    run = uuid.uuid4().hex[:8]
    hits: dict[str, list[bool]] = defaultdict(list)
    misses = []
    with httpx.Client(base_url=args.base, timeout=30) as client:
        for line in args.dev.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            sender = f"dev-{case['id']}-{run}"
            reply = client.post("/api/v1/chat", json={"sender": sender, "text": case["text"]})
            reply.raise_for_status()
            body = reply.json()
            ok = correct(case["expect"], body)
            kind = (
                "out_of_scope"
                if case["expect"] == "out_of_scope"
                else "behaviour"
                if case["expect"] in BEHAVIOURS
                else "topic"
            )
            for key in ("overall", f"kind {kind}", f"lang {case['lang']}"):
                hits[key].append(ok)
            hits["detected_lang == lang"].append(body["detected_lang"] == case["lang"])
            if not ok:
                got = f"{body['intent']}/{body['topic']}"
                misses.append(f"{case['id']} {case['lang']} {case['expect']} → {got}")
    for key, values in hits.items():
        print(f"{key:24s} {sum(values) / len(values):.3f}  ({sum(values)}/{len(values)})")
    print("\nmisses:", *misses, sep="\n- ")


if __name__ == "__main__":
    main()
