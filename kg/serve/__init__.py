"""The SPARQL HTTP endpoint: ``kg serve`` (SPARQL 1.1 Protocol at ``/sparql``, query page at ``/``)."""

from .server import is_loopback, open_config, run, serve

__all__ = ["is_loopback", "open_config", "run", "serve"]
