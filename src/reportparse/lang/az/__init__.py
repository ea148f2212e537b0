"""Azerbaijani knowledge as data plus tiny helpers."""
