"""Rendering the actor network as an interactive page."""

from .html import page_data, render_html

__all__ = ["render_html", "page_data"]
