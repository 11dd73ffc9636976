"""The documentation site: it builds offline, has no broken links or remote assets, and renders in headless Chromium."""
import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from effresearch.docs import build_docs, check_site

# nbdev processes the notebooks in one shared folder, and two workers building the site at once
# delete each other's files. The xdist group keeps every docs test on one worker.
pytestmark = pytest.mark.xdist_group("docs")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The overview screenshot is kept here, for a person to look at after the tests.
SCREENSHOT = ROOT / "data" / "cache" / "screenshots" / "papers_overview.png"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_docs(tmp_path_factory.mktemp("docs") / "_docs")


@pytest.fixture(scope="module")
def server(site):
    """Serve the built site on 127.0.0.1 at a free port, for the length of this module's tests."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def chromium(tmp_path, *arguments):
    """Run headless Chromium with a fresh profile and no background traffic, and return what it printed."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI must run the browser test (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-quic", f"--user-data-dir={tmp_path / 'profile'}",
               "--virtual-time-budget=15000", *arguments]
    process = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr[-3000:]
    return process.stdout


def loaded_counts(dom):
    """Return (images loaded, images total, math elements) that the site's script recorded on the page."""
    root = re.search(r"<html[^>]*>", dom)[0]
    def attribute(name):
        match = re.search(rf'{name}="(\d+)"', root)
        return int(match[1]) if match else -1
    return attribute("data-images-loaded"), attribute("data-images-total"), attribute("data-math-rendered")


def test_site_has_every_page(site):
    for page in ("index.html", "papers.html", "core.html", "flops.html", "scaling_mlps.html", "src/flops.html"):
        assert (site / page).exists(), page
    assert (site / "static" / "mathjax" / "MathJax.js").exists()


def test_site_has_no_broken_links(site):
    assert check_site(site) == []


def test_check_site_finds_missing_figure(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("mathjax"))
    (copy / "static" / "mathjax").mkdir()
    (copy / "static" / "mathjax" / "MathJax.js").write_text("")
    figure = next((copy / "papers" / "scaling_mlps" / "figures").glob("*.png"))
    figure.unlink()
    problems = check_site(copy)
    assert any(figure.name in p and "missing file" in p for p in problems), problems


def test_overview_lists_claims_and_figures(site):
    overview = (site / "papers.html").read_text()
    assert "Scaling MLPs: A Tale of Inductive Bias" in overview
    assert "arXiv:2306.13575" in overview
    for claim in ("power_law", "bottleneck_beats_standard", "augmentation_helps", "permutation_invariance"):
        assert claim in overview
    assert overview.count('<img src="papers/scaling_mlps/figures/') >= 6


def test_api_entry_links_local_source(site):
    page = (site / "flops.html").read_text()
    assert "train_step_flops" in page
    assert '<h3 id="train_step_flops">' in page
    assert 'href="src/flops.html#L-' in page
    assert 'href="https://github.com' not in page


def test_overview_renders_in_browser(server, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", f"{server}/papers.html")
    loaded, total, _ = loaded_counts(dom)
    assert total >= 6
    assert loaded == total
    assert "permutation_invariance" in dom
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={SCREENSHOT}", f"{server}/papers.html")
    assert SCREENSHOT.stat().st_size > 10_000


def test_paper_page_renders_figures_and_math(server, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", f"{server}/scaling_mlps.html")
    loaded, total, math = loaded_counts(dom)
    assert total >= 6, "the paper page shows the figures stored with its notebook"
    assert loaded == total
    assert math > 0, "MathJax typeset no formula"
    assert "Scaling MLPs" in dom


def test_api_entry_renders_in_browser(server, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", f"{server}/flops.html")
    assert '<h3 id="train_step_flops">' in dom
    link = re.search(r'<a href="(src/flops\.html#L-(\d+))">source</a>', dom)
    assert link is not None
    source = chromium(tmp_path, "--dump-dom", f"{server}/{link[1]}")
    assert f'id="L-{link[2]}"' in source
    assert "def train_step_flops" in re.sub(r"<[^>]+>", "", source)
