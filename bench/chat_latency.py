"""Median and p95 latency of /api/v1/chat against Rasa's own REST webhook.

Both legs get the same messages, interleaved, each as the first message of a
new conversation, against the same running stack (same model, NLG and
action server). Start the stack with `make run` first.

    .venv/bin/python bench/chat_latency.py --rounds 6
"""

import argparse
import statistics
import time
import uuid

import httpx

MESSAGES = [
    "Wie verlängere ich meinen Aufenthaltstitel?",
    "How do I extend my residence permit?",
    "Ich bin umgezogen, wie melde ich meine Wohnung an?",
    "how do i register my new address",
    "Was kostet der Integrationskurs?",
    "do I have to attend an integration course",
    "Ich brauche einen Termin bei der Ausländerbehörde",
    "how can i cancel my appointment at the immigration office",
    "Wann hat das Bürgeramt geöffnet?",
    "what is the phone number of the immigration office",
    "hallo",
    "thank you",
    "bist du ein bot?",
    "what is the weather tomorrow",
    "asdkjh qwe zzxv",
    "ich möchte mit einem menschen sprechen",
    "tschüss",
    "where can I buy a cheap sim card",
    "mein titel läuft ab, was soll ich machen",
    "integration course certificate of eligibility",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("--rounds", type=int, default=6, help="passes over the messages")
    args = parser.parse_args()

    timings: dict[str, list[float]] = {"api": [], "rasa": []}
    with httpx.Client(timeout=30) as client:
        for _ in range(2):  # warm-up, not counted
            client.post(f"{args.api}/api/v1/chat", json={"sender": "warm", "text": "hallo"})
        for _ in range(args.rounds):
            for text in MESSAGES:
                sender = f"bench-{uuid.uuid4()}"
                legs = {
                    "api": (f"{args.api}/api/v1/chat", {"sender": sender, "text": text}),
                    "rasa": (
                        f"{args.rasa}/webhooks/rest/webhook",
                        {"sender": sender + "-r", "message": text},
                    ),
                }
                for leg, (url, body) in legs.items():
                    started = time.perf_counter()
                    response = client.post(url, json=body)
                    timings[leg].append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()

    print(f"{len(timings['api'])} messages per leg, interleaved\n")
    print(f"{'leg':<28}{'median ms':>10}{'p95 ms':>10}")
    names = {"api": "/api/v1/chat (gateway)", "rasa": "Rasa REST webhook (bare)"}
    for leg, values in timings.items():
        median, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{names[leg]:<28}{median:>10.1f}{p95:>10.1f}")
    ratio = statistics.median(timings["api"]) / statistics.median(timings["rasa"])
    print(f"\ngateway / bare median: {ratio:.2f}")


if __name__ == "__main__":
    main()
