"""The notebooks run top to bottom on the seed articles, with no cell error."""

from __future__ import annotations

import nbformat
import pytest

pytestmark = pytest.mark.slow


def run(root, name: str):
    from nbclient import NotebookClient

    notebook = nbformat.read(root / "notebooks" / name, as_version=4)
    assert all(not cell.get("outputs") and cell.get("execution_count") is None for cell in notebook.cells if cell.cell_type == "code"), \
        "notebooks are committed without outputs"
    NotebookClient(notebook, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(root)}}).execute()
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output
    return notebook


def texts(notebook) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                found.append(output.text)
            for kind in ("text/plain", "text/html"):
                if kind in output.get("data", {}):
                    found.append(output.data[kind])
    return found


def test_quickstart(root):
    notebook = run(root, "01_quickstart.ipynb")
    out = texts(notebook)
    assert any("'articles': 1" in text for text in out)
    assert any("evidence" in text and "modality" in text for text in out)
    assert any("<iframe srcdoc=" in text for text in out)
    assert (root / "out" / "notebooks" / "graph.html").stat().st_size > 100_000


def test_network_analysis(root):
    notebook = run(root, "02_network_analysis.ipynb")
    out = texts(notebook)
    assert any("pagerank" in text and "Russia" in text for text in out)
    assert any("bloc" in text for text in out)
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "the matplotlib figure is shown"
    assert (root / "out" / "notebooks" / "signed-network.png").stat().st_size > 10_000
