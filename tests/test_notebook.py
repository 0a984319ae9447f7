"""The examples run: explore.ipynb top to bottom (kept in git without outputs) and the
donations_table.py script."""
import csv
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

NOTEBOOK = EXAMPLES / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.fixture
def kernel_manager(tmp_path, monkeypatch):
    """A kernel running this very interpreter, whatever kernels Jupyter knows elsewhere: a
    kernelspec written to a private directory names sys.executable (a venv here, the system
    python in CI). Connection files go to the test's own directory too (HOME may be read-only)."""
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    spec_dir = tmp_path / "kernels" / "socorg-test"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "socorg test", "language": "python",
        "env": {"MPLBACKEND": "Agg"}}), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    return KernelManager(kernel_name="socorg-test", kernel_spec_manager=specs)


def test_notebook_runs_and_shows_spans_records_and_chart(kernel_manager):
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, km=kernel_manager, timeout=300,
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    # the render cell: spans with typed hover titles and the records table
    assert 'title="MONEY\namount: 42600000\ncurrency: CNY"' in html
    assert 'class="socorg-records"' in html
    # the records table and the chart
    assert "省青少年发展基金会" in html and "value_of_goods" in html
    assert any("image/png" in o.get("data", {}) for o in outputs)


def test_donations_table_script_writes_the_records_csv(tmp_path):
    out = tmp_path / "donations.csv"
    subprocess.run([sys.executable, str(EXAMPLES / "donations_table.py"), "-o", str(out)],
                   check=True, cwd=tmp_path)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = rows[0]
    assert (first["id"], first["action"], first["actor"], first["amount"], first["role"]) == (
        "example-relief-fund", "donate", "全市社会组织", "135000000", "total")
    assert first["as_of_start"] == "2021-07-28"
    assert {r["id"] for r in rows} == {"example-relief-fund", "example-epidemic-masks",
                                       "example-traditional"}
