"""Rasa's own conversation tests: the test stories in tests/bot/stories/."""

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RASA = Path(sys.executable).parent / "rasa"
STORIES = ROOT / "tests" / "bot" / "stories"


def newest_model() -> Path:
    return max((ROOT / "models").glob("lotse-*.tar.gz"), key=lambda p: p.stat().st_mtime)


def test_story_messages_are_not_training_examples():
    training = "\n".join(p.read_text().lower() for p in (ROOT / "data" / "nlu").rglob("*.yml"))
    for path in STORIES.glob("*.yml"):
        for story in yaml.safe_load(path.read_text())["stories"]:
            for step in story["steps"]:
                if "user" in step:
                    assert f"- {step['user'].strip().lower()}\n" not in training


def test_test_stories_pass(tmp_path):
    result = subprocess.run(
        [
            str(RASA),
            "test",
            "core",
            "--model",
            str(newest_model()),
            "--stories",
            str(STORIES),
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    failed = (tmp_path / "failed_test_stories.yml").read_text() if result.returncode else ""
    assert result.returncode == 0, failed or result.stdout[-3000:] + result.stderr[-3000:]
