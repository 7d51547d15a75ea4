"""A tiny, grammatical corner of Italian, English and German, as parallel sentences.

Masculine nouns only, adjectives after the noun as Italian has them
("the small cat" -> "il gatto piccolo"); German declines article, adjective
and noun by case ("der kleine Kater", "einen kleinen Kater"). Real Italian
words let the gateway's language detector recognise the messages, so the
machine-translation route is tested as users reach it; German gives
reviewers' `text_de` a path (it -> en -> de). Sentences start with a capital
and end with ".".
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

# German: (nominative, accusative) forms; verbs that take the accusative.
DE_NOUNS = {
    "cat": ("Kater", "Kater"),
    "dog": ("Hund", "Hund"),
    "sparrow": ("Sperling", "Sperling"),
    "child": ("Junge", "Jungen"),
    "farmer": ("Bauer", "Bauern"),
    "teacher": ("Lehrer", "Lehrer"),
    "fish": ("Fisch", "Fisch"),
    "horse": ("Hengst", "Hengst"),
}
DE_ADJS = {
    "small": "klein", "big": "groß", "red": "rot", "green": "grün", "tall": "lang", "happy": "froh",
}  # fmt: skip
DE_VERBS = {
    "sees": "sieht", "likes": "mag", "follows": "verfolgt", "finds": "findet",
    "helps": "unterstützt", "calls": "ruft", "sleeps": "schläft", "runs": "rennt",
    "sings": "singt",
}  # fmt: skip


def german_np(en: list[str], accusative: bool) -> list[str]:
    """An English noun phrase ("the small cat") in German, in the given case."""
    det, *adj, noun = en
    definite = det == "the"
    article = ("den" if accusative else "der") if definite else ("einen" if accusative else "ein")
    words = [article]
    if adj:
        stem = DE_ADJS[adj[0]]
        words.append(stem + ("en" if accusative else ("e" if definite else "er")))
    return words + [DE_NOUNS[noun][1 if accusative else 0]]


def german(en_sentence: str) -> str:
    """The German of a generated English sentence."""
    words = en_sentence.rstrip(".").lower().split()
    verb = next(i for i, w in enumerate(words) if w in DE_VERBS)
    out = german_np(words[:verb], False) + [DE_VERBS[words[verb]]]
    if verb + 1 < len(words):
        out += german_np(words[verb + 1 :], True)
    return _cap(out)


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
    """n distinct (it, en) pairs, none of whose Italian side is in `exclude`."""
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


def sentences(n: int, seed: int, exclude: set[str] = frozenset()) -> list[dict[str, str]]:
    """n distinct sentences in it, en and de."""
    return [{"it": it, "en": en, "de": german(en)} for it, en in generate_pairs(n, seed, exclude)]


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
