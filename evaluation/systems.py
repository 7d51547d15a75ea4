"""The systems compared: Lotse's pipeline, `rasa init`'s default, TF-IDF + LR."""

import asyncio
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluation.data import ROOT, Example, write_training_file

Prediction = tuple[str, float]


class RasaSystem:
    def __init__(self, name: str, config: Path) -> None:
        self.name = name
        self.config = config

    def train(self, examples: Sequence[Example], workdir: Path) -> Path:
        data = workdir / f"{self.name}-nlu.yml"
        write_training_file(list(examples), data)
        out = workdir / "models"
        command = [
            str(Path(sys.executable).parent / "rasa"), "train", "nlu",
            "--config", str(self.config), "--nlu", str(data),
            "--out", str(out), "--fixed-model-name", self.name,
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(
                f"training {self.name} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
            )
        return out / f"{self.name}.tar.gz"

    def predict(self, model: Path, texts: Sequence[str]) -> list[Prediction]:
        import structlog
        from rasa.core.agent import Agent

        logging.getLogger("rasa").setLevel(logging.ERROR)
        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
        agent = Agent.load(str(model))

        async def parse_all() -> list[Prediction]:
            results = []
            for text in texts:
                parsed = await agent.parse_message(text)
                intent = parsed.get("intent") or {}
                results.append((intent.get("name"), float(intent.get("confidence") or 0.0)))
            return results

        return asyncio.run(parse_all())


class TfidfLogisticRegression:
    """Character n-gram TF-IDF and logistic regression, no fallback threshold."""

    name = "tfidf_lr"

    def train(self, examples: Sequence[Example], workdir: Path):  # type: ignore[no-untyped-def]
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        model = make_pipeline(
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True
            ),
            LogisticRegression(C=10, max_iter=3000),
        )
        model.fit([e.text for e in examples], [e.intent for e in examples])
        return model

    def predict(self, model, texts: Sequence[str]) -> list[Prediction]:  # type: ignore[no-untyped-def]
        probabilities = model.predict_proba(list(texts))
        classes = model.classes_
        return [(str(classes[row.argmax()]), float(row.max())) for row in probabilities]
