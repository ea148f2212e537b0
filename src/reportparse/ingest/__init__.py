"""Readers: bytes of a file (or a string) → :class:`~reportparse.document.RawText`.

Nothing Azerbaijani happens here; readers only extract text faithfully, page by page, and
mark running headers and footers (``RawText.furniture``) for the normalizer to drop.
Each reader module exposes ``read(path, data, **options) -> RawText``.
"""
