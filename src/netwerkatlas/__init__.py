"""Netwerkatlas: draw a client's social network together, as one atlas with many views."""

__version__ = "0.1.0"
