"""The optional Stanza NER backend: load a model trained by :mod:`reportparse.training.stanza_ner`, run it.

Stanza and PyTorch are imported only inside these functions, so ``import reportparse`` never
needs them (``pip install "reportparse[stanza]"`` adds them). Models load from disk with
Stanza's downloads disabled: the folder's own ``resources.json`` stands for the model hub.

Text is cut into paragraphs and tokenized by spaCy's ``az`` tokenizer (as in training); the
model tags the tokens and its entities are mapped back to character offsets of the text.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportparse.errors import ReportParseError
from reportparse.extract.organizations import OrganizationMention
from reportparse.ner.data import paragraphs
from reportparse.ner.tokens import token_offsets
from reportparse.resources import ORG_STANZA_MODEL, shipped_model

MODEL_ENV = "REPORTPARSE_STANZA_MODEL"
DEFAULT_STANZA_MODEL = shipped_model(ORG_STANZA_MODEL)
"""Where ``python -m reportparse.training.stanza_ner`` saves by default (override with the
environment variable ``REPORTPARSE_STANZA_MODEL`` or ``stanza_model=``)."""

MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE = "ner.pt", "pretrain.pt", "resources.json"
SOURCE = "stanza"
"""The ``source`` of the mentions the Stanza model adds."""


class StanzaNotInstalledError(ReportParseError):
    """The Stanza backend was asked for but ``stanza`` (and PyTorch) are not installed."""


class StanzaModelNotFoundError(ReportParseError):
    """The Stanza model folder does not exist or lacks its files."""


def require_stanza() -> Any:
    """The ``stanza`` module.

    Raises:
        StanzaNotInstalledError: it is not installed (with the command that installs it).
    """
    try:
        import stanza
    except ImportError as exc:
        raise StanzaNotInstalledError(
            "the Stanza backend needs stanza and PyTorch: pip install torch==<a CPU build> "
            "then pip install \"reportparse[stanza]\" (see docs/ner.md, 'Stanza backend')"
        ) from exc
    return stanza


def stanza_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The model folder: ``path``, else ``$REPORTPARSE_STANZA_MODEL``, else :data:`DEFAULT_STANZA_MODEL`."""
    return Path(path or os.environ.get(MODEL_ENV) or DEFAULT_STANZA_MODEL)


def check_stanza_model(path: str | os.PathLike[str] | None = None) -> Path:
    """The model folder, checked without importing stanza or torch (cheap: for a batch's start).

    Raises:
        StanzaNotInstalledError: stanza is not installed.
        StanzaModelNotFoundError: the folder lacks a model file.
    """
    if importlib.util.find_spec("stanza") is None:
        require_stanza()  # raises with the install advice
    path = stanza_model_path(path).resolve()
    missing = [name for name in (MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE) if not (path / name).is_file()]
    if missing:
        raise StanzaModelNotFoundError(
            f"no Stanza model at {path} (missing {', '.join(missing)}): train one with "
            f"`python -m reportparse.training.stanza_ner --out {path}`"
        )
    return path


@lru_cache(maxsize=4)
def _load(path: Path) -> Any:
    stanza = require_stanza()
    check_stanza_model(path)
    return stanza.Pipeline(
        lang="az",
        dir=str(path),
        processors="tokenize,ner",
        tokenize_pretokenized=True,
        ner_model_path=str(path / MODEL_FILE),
        ner_pretrain_path=str(path / PRETRAIN_FILE),
        resources_filepath=str(path / RESOURCES_FILE),
        download_method=None,
        allow_unknown_language=True,
        use_gpu=False,
        logging_level="ERROR",  # not "unsupported language az": we know
    )


def load_stanza(path: str | os.PathLike[str] | None = None) -> Any:
    """The Stanza pipeline of a model folder (loaded once per process, from disk only).

    Args:
        path: a folder written by ``python -m reportparse.training.stanza_ner`` (default:
            :func:`stanza_model_path`).

    Returns:
        A ``stanza.Pipeline`` (pretokenized input, ``ner`` only).

    Raises:
        StanzaNotInstalledError: stanza is not installed.
        StanzaModelNotFoundError: nothing usable at the path.
    """
    return _load(stanza_model_path(path).resolve())


def entity_token_ranges(tags: list[str]) -> list[tuple[int, int]]:
    """``(first, last + 1)`` token ranges of the entities in BIO or BIOES ``tags``.

    An ``I-``/``E-`` tag without a ``B-`` before it starts an entity (a model may emit one).
    """
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        prefix = tag[:2]
        if start is not None and (tag == "O" or prefix in ("B-", "S-")):
            ranges.append((start, i))
            start = None
        if prefix in ("B-", "S-") or (prefix in ("I-", "E-") and start is None):
            start = i
        if prefix in ("E-", "S-"):
            assert start is not None  # set just above if it was not already
            ranges.append((start, i + 1))
            start = None
    return ranges


def stanza_mentions(pipeline: Any, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the model's entity spans in ``text``, paragraph by paragraph."""
    blocks = []
    for start, end in paragraphs(text):
        tokens = [(start + s, start + e) for s, e in token_offsets(text[start:end])]
        if tokens:
            blocks.append(tokens)
    if not blocks:
        return []
    document = pipeline([[text[s:e] for s, e in tokens] for tokens in blocks])
    spans = []
    for tokens, sentence in zip(blocks, document.sentences, strict=False):
        for first, last in entity_token_ranges([token.ner for token in sentence.tokens]):
            spans.append((tokens[first][0], tokens[last - 1][1]))
    return spans


def as_stanza(mentions: list[OrganizationMention], rules: list[OrganizationMention]) -> list[OrganizationMention]:
    """``mentions`` with every one not among ``rules`` marked ``source="stanza"``."""
    ruled = {id(mention) for mention in rules}
    return [mention if id(mention) in ruled else replace(mention, source=SOURCE) for mention in mentions]
