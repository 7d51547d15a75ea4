"""Added latency of the machine-translation leg per message.

Measures, with the tiny it<->en test packages (`make tiny-packages`), what the
gateway adds for a message in a translated language: the message into English
for the NLU, and Lotse's English replies out again (as the NLG does). Every
text is distinct, so nothing comes from the cache. Then states what a
real-size package would cost, estimated from published CTranslate2 figures.

    .venv/bin/python bench/translation.py [--messages 40]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tiny_argos"))

from synthetic import random_pair  # noqa: E402

from service_api.services.catalogue import Catalogue  # noqa: E402
from service_api.services.translation import Translator  # noqa: E402

PACKAGES = ROOT / "var" / "tiny-argos"
# CTranslate2's README benchmark (v1.2.1): Transformer-base En->De, int8,
# 4 threads on an i7-6700K, beam 4, batch 32: 448 target tokens per second.
PUBLISHED_TOKENS_PER_S = 448
MESSAGE_TOKENS = 30  # a chat question in subword tokens
REPLY_TOKENS = 160  # one of Lotse's answers (about 100 words) in subword tokens


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(translator: Translator, texts: list[str], source: str, target: str) -> list[float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        translator.translate(text, source, target)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=40)
    args = parser.parse_args()
    if not (PACKAGES / ".built").exists():
        sys.exit("no tiny packages: run `make tiny-packages` first")
    translator = Translator(Path(tempfile.mkdtemp(prefix="lotse-bench-")))
    from argostranslate import package

    for built in sorted(PACKAGES.glob("*.argosmodel")):
        package.install_from_path(built)
    rng = random.Random(7)
    questions = list(dict.fromkeys(random_pair(rng)[0] for _ in range(args.messages * 3)))
    questions = questions[: args.messages]
    catalogue = Catalogue.load(ROOT / "data" / "catalogue")
    replies = [catalogue.render("utter_topic", "en", topic).text for topic in catalogue.facts]
    translator.translate("Il gatto dorme.", "it", "en")  # load both models once
    translator.translate("The cat sleeps.", "en", "it")

    into = timed(translator, questions, "it", "en")
    out = timed(translator, replies[: args.messages], "en", "it")
    print(f"tiny package (721k parameters, int8), {len(into)} messages, {len(out)} replies:")
    for name, values in (("message -> English", into), ("reply   -> Italian", out)):
        print(
            f"  {name}: median {statistics.median(values):6.1f} ms   "
            f"p95 {percentile(values, 0.95):6.1f} ms"
        )
    print(
        "  per turn (one message in, one reply out): median "
        f"{statistics.median(into) + statistics.median(out):.1f} ms"
    )
    estimate_in = MESSAGE_TOKENS / PUBLISHED_TOKENS_PER_S * 1000
    estimate_out = REPLY_TOKENS / PUBLISHED_TOKENS_PER_S * 1000
    print(
        "expected for a real-size package (an estimate, not a measurement): CTranslate2's "
        f"published {PUBLISHED_TOKENS_PER_S} target tokens/s for a Transformer-base model "
        f"(int8, 4 threads, batch 32) gives about {estimate_in:.0f} ms for a "
        f"{MESSAGE_TOKENS}-token message and {estimate_out:.0f} ms for a {REPLY_TOKENS}-token "
        "reply; one message at a time (batch 1) and 2 cores will be slower than that."
    )


if __name__ == "__main__":
    main()
