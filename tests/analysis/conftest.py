"""Fixtures for the analysis tests: the hand-made sample graph of ``sample.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load_sample():
    spec = importlib.util.spec_from_file_location("geokg_test_sample", Path(__file__).with_name("sample.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = load_sample()


@pytest.fixture()
def sample():
    return SAMPLE


@pytest.fixture()
def claims():
    return SAMPLE.make_claims()


@pytest.fixture()
def graph():
    return SAMPLE.sample_graph()
