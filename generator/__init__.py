"""Pustaka Polmas: YAML knowledge base → searchable site and forum handbooks."""

__version__ = "0.1.0"
