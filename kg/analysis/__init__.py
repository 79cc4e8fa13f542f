"""Network analysis over the actor graph: pure functions returning plain data.

Start from the claim graph of ``KnowledgeGraph.to_networkx()`` (one edge per claim);
every function here also accepts a graph you built or filtered yourself.
"""

from .centrality import centrality, pagerank
from .communities import communities
from .explain import explain
from .network import to_networkx
from .projection import (
    MODALITY_WEIGHTS,
    actor_network,
    claim_weight,
    claims_frame,
    ego_network,
    filter_claims,
    find_actor,
)
from .signed import QUAD_SIGNS, frustration, quad_sign, signed_blocs, signed_network
from .timeline import timeline

__all__ = [
    "to_networkx",
    "MODALITY_WEIGHTS",
    "filter_claims",
    "actor_network",
    "claim_weight",
    "claims_frame",
    "ego_network",
    "find_actor",
    "centrality",
    "pagerank",
    "communities",
    "explain",
    "QUAD_SIGNS",
    "quad_sign",
    "signed_network",
    "signed_blocs",
    "frustration",
    "timeline",
]
