"""Repository hygiene: the package is what the notebooks export, notebooks are clean, README is generated."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from conftest import ROOT
from effresearch.docs import render_readme, papers_markdown_table


def nbdev_command(name):
    return str(Path(sys.executable).with_name(name))


def copy_project(tmp_path):
    for item in ("settings.ini", "setup.py", "nbs", "effresearch", "papers", "README.md"):
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, tmp_path / item, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        else:
            shutil.copy(source, tmp_path / item)
    return tmp_path


def test_nbdev_export_leaves_package_unchanged(tmp_path):
    project = copy_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "IN_TEST"}  # nbdev_export does nothing while IN_TEST is set
    process = subprocess.run([nbdev_command("nbdev_export")], cwd=project, env=env, capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    exported = {p.relative_to(project).as_posix(): p.read_text() for p in (project / "effresearch").glob("*.py")}
    committed = {p.relative_to(ROOT).as_posix(): p.read_text() for p in (ROOT / "effresearch").glob("*.py")}
    assert exported.keys() == committed.keys()
    changed = [name for name in exported if exported[name] != committed[name]]
    assert not changed, f"run nbdev_export and commit: {changed}"


def test_notebooks_are_clean(tmp_path):
    project = copy_project(tmp_path)
    process = subprocess.run([nbdev_command("nbdev_clean"), "--fname", "nbs"], cwd=project, capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    dirty = [p.name for p in (ROOT / "nbs").glob("*.ipynb") if p.read_bytes() != (project / "nbs" / p.name).read_bytes()]
    assert not dirty, f"run nbdev_clean and commit: {dirty}"


def test_readme_generated_from_index():
    assert (ROOT / "README.md").read_text() == render_readme(ROOT / "nbs" / "index.ipynb"), "run `effresearch readme`"


def test_readme_papers_table_current():
    index = nbformat.read(ROOT / "nbs" / "index.ipynb", as_version=4)
    stored = [o["data"]["text/markdown"] for c in index.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
    assert stored == [papers_markdown_table()], "re-run nbs/index.ipynb, then `effresearch readme`"


def test_no_large_tracked_files():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True).stdout.split("\0")
    large = [f for f in files if f and (ROOT / f).exists() and (ROOT / f).stat().st_size > 2_000_000]
    assert not large, f"tracked files over 2 MB belong in data/cache/ or must be generated: {large}"


def test_requirements_pinned():
    settings = (ROOT / "settings.ini").read_text()
    for pin in ("nbdev==2.4.14", "fastcore>=1.12.27,<1.13", "execnb<0.2", "torch==2.14.1", "torchvision==0.29.1"):
        assert pin in settings, pin


def test_ci_runs_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci_script = (ROOT / ".ci" / "run").read_text()
    assert "```sh\npytest -n 2\n```" in readme
    assert "\npytest -n 2\n" in ci_script
