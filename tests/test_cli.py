"""The `effresearch` command: listing, input errors, a real smoke run, and an interrupted run."""
import json
import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import EFFRESEARCH, ROOT
from effresearch.core import PAPERS, notebook_path, PaperNotImplementedError
from effresearch.results import read_results


def planned_paper():
    """Return a paper that has no notebook yet, or None once all ten are implemented."""
    for slug in PAPERS:
        try:
            notebook_path(slug)
        except PaperNotImplementedError:
            return slug
    return None


def test_list_shows_every_paper(run_cli):
    process = run_cli("list")
    assert process.returncode == 0, process.stderr
    for slug in PAPERS:
        assert slug in process.stdout
    assert "implemented" in process.stdout.splitlines()[1]


def test_unknown_slug_exits_2(run_cli):
    process = run_cli("run", "scaling_mlp")
    assert process.returncode == 2
    assert "invalid choice: 'scaling_mlp'" in process.stderr
    assert "scaling_mlps" in process.stderr
    assert "judge_decoding" in process.stderr


def test_unknown_scale_exits_2(run_cli):
    process = run_cli("run", "scaling_mlps", "--scale", "laptop")
    assert process.returncode == 2
    assert "invalid choice: 'laptop'" in process.stderr
    assert "'smoke', 'cpu', 'paper'" in process.stderr


def test_missing_command_exits_2(run_cli):
    process = run_cli()
    assert process.returncode == 2
    assert "required: command" in process.stderr


def test_planned_paper_exits_2(run_cli):
    slug = planned_paper()
    if slug is None:
        return
    process = run_cli("run", slug, "--scale", "smoke")
    assert process.returncode == 2
    assert "has no notebook yet" in process.stderr
    assert "scaling_mlps" in process.stderr


def test_smoke_run_writes_results(run_cli, tmp_path):
    process = run_cli("run", "scaling_mlps", "--scale", "smoke", "--out", str(tmp_path))
    assert process.returncode == 0, process.stderr[-4000:]
    assert str(tmp_path) in process.stdout
    results = read_results(tmp_path / "results.json")  # validates the schema, the rules and the figure paths
    assert results["scale"] == "smoke"
    assert {c["id"] for c in results["claims"]} == {"power_law", "bottleneck_beats_standard", "augmentation_helps",
                                                     "permutation_invariance"}
    assert len(results["figures"]) >= 10
    assert not list(tmp_path.glob(".run-*")), "the staging folder was left behind"


def test_interrupted_run_keeps_previous_outputs(tmp_path):
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "compute_scaling.png").write_bytes(b"previous figure")
    (tmp_path / "results.json").write_text('{"previous": true}')
    env = {**os.environ, "EFFRESEARCH_PROGRESS": "0"}
    env.pop("IN_TEST", None)
    process = subprocess.Popen([EFFRESEARCH, "run", "scaling_mlps", "--scale", "smoke", "--out", str(tmp_path)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while not list(tmp_path.glob(".run-*/figures/*.png")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)  # wait until the run has written its first new figure into the staging folder
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-3000:]
    assert (figures / "compute_scaling.png").read_bytes() == b"previous figure"
    assert json.loads((tmp_path / "results.json").read_text()) == {"previous": True}
    assert not list(tmp_path.glob(".run-*")), "the staging folder was left behind"
