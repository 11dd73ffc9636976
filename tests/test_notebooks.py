"""Every notebook runs at smoke scale under nbdev's test runner, each in its own process."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "nbs").glob("*.ipynb"))


def test_notebooks_found():
    assert len(NOTEBOOKS) >= 9, [n.name for n in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_runs_at_smoke_scale(notebook):
    env = {k: v for k, v in os.environ.items() if k not in ("EFFRESEARCH_SCALE", "EFFRESEARCH_OUT")}
    env["EFFRESEARCH_PROGRESS"] = "0"
    nbdev_test = Path(sys.executable).with_name("nbdev_test")
    process = subprocess.run([str(nbdev_test), "--path", str(notebook), "--do_print"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
    output = process.stdout + process.stderr
    assert process.returncode == 0, output[-6000:]
    assert "Success." in output, output[-6000:]
