"""Committed results: every implemented paper has metadata, a valid results.json at cpu scale, and its figures."""
import json

import pytest

from conftest import ROOT
from effresearch.core import PAPERS, PaperNotImplementedError, notebook_path
from effresearch.results import Claim, load_paper_meta, read_results, validate_results


def implemented_papers():
    slugs = []
    for slug in PAPERS:
        try:
            notebook_path(slug)
            slugs.append(slug)
        except PaperNotImplementedError:
            pass
    return slugs


@pytest.mark.parametrize("slug", implemented_papers())
def test_paper_metadata_complete(slug):
    meta = load_paper_meta(slug)
    assert meta["bibtex"].lstrip().startswith("@")
    assert meta["reported"], "paper.yml lists no reported numbers"


@pytest.mark.parametrize("slug", implemented_papers())
def test_committed_results_valid(slug):
    results = read_results(ROOT / "papers" / slug / "results.json")
    assert results["scale"] == "cpu", "committed results must come from the cpu scale"
    for figure in results["figures"]:
        assert (ROOT / "papers" / slug / figure).stat().st_size > 1000, figure


@pytest.mark.parametrize("slug", implemented_papers())
def test_committed_figures_listed(slug):
    results = read_results(ROOT / "papers" / slug / "results.json")
    on_disk = {p.relative_to(ROOT / "papers" / slug).as_posix() for p in (ROOT / "papers" / slug / "figures").iterdir()}
    assert on_disk == set(results["figures"]), "figures/ holds files that results.json does not list, or the reverse"


def test_tampered_claim_rejected():
    results = json.loads((ROOT / "papers" / "scaling_mlps" / "results.json").read_text())
    results["claims"][0]["holds"] = not results["claims"][0]["holds"]
    with pytest.raises(ValueError, match="rule gives the opposite"):
        validate_results(results)


def test_results_missing_key_rejected():
    results = json.loads((ROOT / "papers" / "scaling_mlps" / "results.json").read_text())
    del results["hardware"]
    with pytest.raises(ValueError, match="missing the keys"):
        validate_results(results)


def test_claim_rule_cannot_call_functions():
    with pytest.raises(ValueError, match="only abs, min and max"):
        Claim("x", "statement", {"a": 1.0}, "open('x')")
