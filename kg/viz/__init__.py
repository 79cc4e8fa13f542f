"""Rendering the actor network as an interactive page."""

from .html import render_html

__all__ = ["render_html"]
