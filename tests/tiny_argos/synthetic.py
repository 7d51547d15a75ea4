"""A tiny, grammatical corner of Italian and its English, as parallel sentences.

Masculine nouns only, adjectives after the noun as Italian has them
("the small cat" -> "il gatto piccolo"). Real Italian words let the gateway's
language detector recognise the messages, so the machine-translation route
is tested as users reach it. Sentences start with a capital and end with ".".
"""

from __future__ import annotations

import random

DETS = {"the": "il", "a": "un"}
ADJS = {
    "small": "piccolo",
    "big": "grande",
    "red": "rosso",
    "green": "verde",
    "tall": "alto",
    "happy": "felice",
}
NOUNS = {
    "cat": "gatto",
    "dog": "cane",
    "sparrow": "passero",
    "child": "bambino",
    "farmer": "contadino",
    "teacher": "maestro",
    "fish": "pesce",
    "horse": "cavallo",
}
VERBS_T = {  # transitive
    "sees": "vede",
    "likes": "ama",
    "follows": "segue",
    "finds": "trova",
    "helps": "aiuta",
    "calls": "chiama",
}
VERBS_I = {"sleeps": "dorme", "runs": "corre", "sings": "canta"}  # intransitive


def _np(rng: random.Random) -> tuple[list[str], list[str]]:
    det = rng.choice(sorted(DETS))
    noun = rng.choice(sorted(NOUNS))
    adj = rng.choice(sorted(ADJS) + [None, None])  # ~1/4 without adjective
    en = [det] + ([adj] if adj else []) + [noun]
    xx = [DETS[det], NOUNS[noun]] + ([ADJS[adj]] if adj else [])
    return en, xx


def _cap(words: list[str]) -> str:
    s = " ".join(words) + "."
    return s[0].upper() + s[1:]


def random_pair(rng: random.Random) -> tuple[str, str]:
    """Returns (italian_sentence, english_sentence)."""
    s_en, s_xx = _np(rng)
    if rng.random() < 0.8:
        v = rng.choice(sorted(VERBS_T))
        o_en, o_xx = _np(rng)
        en = s_en + [v] + o_en
        xx = s_xx + [VERBS_T[v]] + o_xx
    else:
        v = rng.choice(sorted(VERBS_I))
        en = s_en + [v]
        xx = s_xx + [VERBS_I[v]]
    return _cap(xx), _cap(en)


def generate_pairs(n: int, seed: int, exclude: set[str] = frozenset()) -> list[tuple[str, str]]:
    """n distinct (xx, en) pairs, none of whose xx side is in `exclude`."""
    rng = random.Random(seed)
    seen = set(exclude)
    pairs = []
    while len(pairs) < n:
        xx, en = random_pair(rng)
        if xx in seen:
            continue
        seen.add(xx)
        pairs.append((xx, en))
    return pairs


def translate_reference(xx_sentence: str) -> str:
    """Rule-based reference xx -> en (for checking the model's output)."""
    inv = {}
    for d in (DETS, ADJS, NOUNS, VERBS_T, VERBS_I):
        inv.update({v: k for k, v in d.items()})
    words = xx_sentence.rstrip(".").lower().split()
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w in DETS.values() and i + 1 < len(words):
            noun = inv[words[i + 1]]
            has_adj = i + 2 < len(words) and words[i + 2] in ADJS.values()
            adj = inv.get(words[i + 2]) if has_adj else None
            out += [inv[w]] + ([adj] if adj else []) + [noun]
            i += 3 if adj else 2
        else:
            out.append(inv[w])
            i += 1
    return _cap(out)
