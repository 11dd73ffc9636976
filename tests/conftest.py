"""Shared fixtures: the repository root and a runner for the `effresearch` command."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The console script that `pip install -e .` puts beside this Python, as a user would call it.
EFFRESEARCH = str(Path(sys.executable).with_name("effresearch"))


@pytest.fixture
def run_cli():
    """Return a function that runs `effresearch ARGS...` from the repository root and returns the completed process."""
    def run(*args, timeout=600, **kwargs):
        env = {**os.environ, "EFFRESEARCH_PROGRESS": "0"}
        env.pop("IN_TEST", None)
        return subprocess.run([EFFRESEARCH, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout, **kwargs)
    return run
