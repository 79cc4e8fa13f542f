"""Network analysis over the actor graph: pure functions returning plain data."""

from .network import to_networkx

__all__ = ["to_networkx"]
