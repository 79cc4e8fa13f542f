"""Relation extraction: trigger lexicons, rule families, modality and attribution."""

from .extractor import extract
from .lexicon import Lexicon, Trigger, lexicon
from .rules import RULES, register_rule

__all__ = ["extract", "lexicon", "Lexicon", "Trigger", "RULES", "register_rule"]
