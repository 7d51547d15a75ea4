"""Intent classification for short, misspelled chat messages in many languages.

Features: TF-IDF over character n-grams and words of the normalised text
(case, diacritics and the letter variants of Arabic and Persian keyboards
folded together), next to the dense sentence features of earlier
featurizers (the multilingual sentence embedder), weighted. A linear SVM
learns them in seconds; the softmax of its margins is the confidence the
FallbackClassifier thresholds. docs/eval.md has the measurements that chose
this over DIET and the baselines.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

FILE = "linear_intent_classifier.joblib"
# Letters that differ only by keyboard or spelling habit.
FOLD = str.maketrans(
    {"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و",
     "ئ": "ی", "ـ": "", "ё": "е", "ı": "i", "ß": "ss"}
)  # fmt: skip


def normalise(text: str) -> str:
    """Lower case, folded letters, no diacritics, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower().translate(FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def ngram_features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True)),
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
                ),
            ),
        ]
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(IntentClassifier, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 1.0,  # SVM regularisation
            "dense_weight": 0.7,  # weight of the sentence embedding next to the n-grams
            "temperature": 5.0,  # softmax(temperature × margin) gives the confidence
            "ranking_length": 10,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: dict[str, Any] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def _matrix(self, features: FeatureUnion, messages: list[Message]) -> csr_matrix:
        ngrams = features.transform([normalise(m.get(TEXT)) for m in messages])
        dense = [m.get_dense_features(TEXT)[1] for m in messages]
        if any(d is None for d in dense):
            return ngrams.tocsr()
        vectors = np.vstack([d.features for d in dense]) * self._config["dense_weight"]
        return hstack([ngrams, csr_matrix(vectors)]).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        features = ngram_features().fit([normalise(m.get(TEXT)) for m in examples])
        svm = LinearSVC(C=self._config["C"]).fit(
            self._matrix(features, examples), [m.get(INTENT) for m in examples]
        )
        self._model = {"features": features, "svm": svm}
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        with model_storage.read_from(resource) as directory:
            model = joblib.load(directory / FILE)
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if self._model is None or not with_text:
            return messages
        svm: LinearSVC = self._model["svm"]
        margins = svm.decision_function(self._matrix(self._model["features"], with_text))
        scaled = margins * self._config["temperature"]
        scaled -= scaled.max(axis=1, keepdims=True)
        probabilities = np.exp(scaled) / np.exp(scaled).sum(axis=1, keepdims=True)
        for message, row in zip(with_text, probabilities, strict=True):
            order = np.argsort(-row)[: self._config["ranking_length"]]
            ranking = [{"name": str(svm.classes_[i]), "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
