"""examples/analyst.ipynb runs top to bottom in a kernel of this environment, and is committed without outputs."""

from __future__ import annotations

import sys

import nbformat
import pytest
from support import ROOT

NOTEBOOK = ROOT / "examples" / "analyst.ipynb"
KERNEL = "baocao-test"


def test_the_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code), "strip the outputs before committing"


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A kernelspec for this interpreter in a private JUPYTER_PATH, so the notebook runs in the project's .venv
    whatever kernels the machine has."""
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager

    install(kernel_name=KERNEL, prefix=str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter" / "share" / "jupyter"))
    assert KernelSpecManager().get_kernel_spec(KERNEL).argv[0] == sys.executable
    return KERNEL


def test_the_notebook_runs_top_to_bottom(kernel, tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, kernel_name=kernel, timeout=600, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    kinds = [{k for o in c.outputs for k in o.get("data", {})} for c in code]
    # the plot cell draws a chart; every cell ending in a DataFrame shows a non-empty table
    plot = next(i for i, c in enumerate(code) if ".plot." in c.source)
    assert "image/png" in kinds[plot]
    for cell in code:
        last = cell.source.strip().splitlines()[-1]
        if last.startswith(("wh.", "series[", "overdue[")):
            html = next(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
            assert html.count("<tr") > 1, f"empty table from: {last}"
