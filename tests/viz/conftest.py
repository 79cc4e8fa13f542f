"""Fixtures for the page tests: the hand-made sample graph and one headless Chromium."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest


def _load_sample():
    path = Path(__file__).resolve().parents[1] / "analysis" / "sample.py"
    spec = importlib.util.spec_from_file_location("geokg_test_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = _load_sample()


@pytest.fixture()
def graph():
    return SAMPLE.sample_graph()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per module; skipped only when it is missing outside CI."""
    from kg.viz.browser import Browser, find_chromium

    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    with Browser() as chromium:
        yield chromium
