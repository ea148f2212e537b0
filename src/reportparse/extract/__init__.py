"""Extractors: normalized text → mentions, one module per kind."""
