"""The setup scripts behind `make run`: interpreter discovery and model reuse."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIND = ROOT / "scripts" / "find_python.sh"
BOT_PYTHON = (ROOT / ".venv-bot" / "bin" / "python").resolve()


def run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script), "3.10"], env=env, capture_output=True, text=True, timeout=60
    )


def bare_env(tmp_path: Path) -> dict[str, str]:
    """No Python on PATH, an empty pyenv root, no uv."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "cut", "sed", "dirname"):
        found = subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip()
        (bin_dir / tool).symlink_to(found)
    return {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "pyenv"), "HOME": str(tmp_path)}


def test_missing_python_310_says_what_to_install(tmp_path):
    result = run(FIND, bare_env(tmp_path))

    assert result.returncode == 1
    assert "pyenv install 3.10" in result.stderr
    assert "uv python install 3.10" in result.stderr
    assert "LOTSE_PYTHON310" in result.stderr


def test_python_310_is_found_in_pyenvs_versions(tmp_path):
    env = bare_env(tmp_path)
    versions = Path(env["PYENV_ROOT"]) / "versions" / "3.10.99" / "bin"
    versions.mkdir(parents=True)
    (versions / "python3.10").symlink_to(BOT_PYTHON)

    result = run(FIND, env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(versions / "python3.10")


def test_an_explicit_interpreter_wins(tmp_path):
    env = bare_env(tmp_path) | {"LOTSE_PYTHON310": str(BOT_PYTHON)}

    assert run(FIND, env).stdout.strip() == str(BOT_PYTHON)


def test_an_unchanged_model_is_reused():
    result = subprocess.run(
        [str(ROOT / "scripts" / "train.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )

    assert result.returncode == 0, result.stderr
    assert "model up to date" in result.stdout
