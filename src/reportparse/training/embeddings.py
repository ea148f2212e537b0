"""Word vectors from our own text: PPMI co-occurrence + truncated SVD (numpy only).

Stanza's taggers need a pretrained word-embedding file, and none may be downloaded, so the
Stanza recipe builds one from the corpus. On a few thousand sentences count-based vectors are
as good as anything trained by prediction, cheap (seconds), and deterministic for a seed.

Vectors are cased: Stanza lowercases words with ``str.lower``, which is wrong for Azerbaijani
(``İ``, ``I``), so the recipe trains it with ``--no_lowercase`` and looks words up as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def cooccurrence_vectors(
    sentences: Iterable[Sequence[str]],
    *,
    dim: int = 50,
    window: int = 2,
    max_contexts: int = 2000,
    smoothing: float = 0.75,
    seed: int = 0,
) -> tuple[list[str], np.ndarray]:
    """Word vectors from positive PMI over a symmetric window, reduced by randomized SVD.

    Args:
        sentences: token lists.
        dim: vector size (capped by the number of words and contexts).
        window: words on each side counted as context.
        max_contexts: the most frequent words serve as context columns.
        smoothing: exponent of the context distribution (0.75 damps rare contexts' PMI).
        seed: random seed of the SVD projection.

    Returns:
        The vocabulary (most frequent first, ties in first-seen order) and a
        ``len(words) × dim`` float32 matrix of unit-length rows.
    """
    sentences = [list(sentence) for sentence in sentences]
    frequency = Counter(word for sentence in sentences for word in sentence)
    words = [word for word, _ in frequency.most_common()]
    if not words:
        raise ValueError("no text to build word vectors from")
    row = {word: i for i, word in enumerate(words)}
    column = {word: i for i, word in enumerate(words[:max_contexts])}
    counts = np.zeros((len(words), len(column)), dtype=np.float64)
    for sentence in sentences:
        for i, word in enumerate(sentence):
            for j in range(max(0, i - window), min(len(sentence), i + window + 1)):
                if j != i and sentence[j] in column:
                    counts[row[word], column[sentence[j]]] += 1.0
    total = counts.sum() or 1.0
    word_probability = counts.sum(axis=1, keepdims=True) / total
    context_mass = counts.sum(axis=0) ** smoothing
    context_probability = context_mass / (context_mass.sum() or 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((counts / total) / (word_probability * context_probability))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    vectors = _truncated_svd(ppmi, min(dim, *ppmi.shape), seed=seed)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return words, (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def _truncated_svd(matrix: np.ndarray, rank: int, *, seed: int, oversample: int = 10) -> np.ndarray:
    """``U·√S`` of the rank-``rank`` SVD of ``matrix`` (randomized range finder, two power steps)."""
    rng = np.random.default_rng(seed)
    sketch = matrix @ rng.standard_normal((matrix.shape[1], min(matrix.shape[1], rank + oversample)))
    for _ in range(2):
        sketch = matrix @ (matrix.T @ np.linalg.qr(sketch)[0])
    basis = np.linalg.qr(sketch)[0]
    u, s, _ = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    vectors = (basis @ u)[:, :rank] * np.sqrt(s[:rank])
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), range(vectors.shape[1])])  # a fixed sign per axis
    return vectors * np.where(signs == 0, 1.0, signs)


def write_word2vec_text(path: str | Path, words: Sequence[str], vectors: np.ndarray) -> None:
    """Write vectors in word2vec text format (a ``count dim`` header, then ``word v1 v2 ...``).

    Raises:
        ValueError: a word contains whitespace (the format separates fields by spaces).
    """
    if len(words) != len(vectors):
        raise ValueError(f"{len(words)} words but {len(vectors)} vectors")
    lines = [f"{len(words)} {vectors.shape[1]}"]
    for word, vector in zip(words, vectors, strict=True):
        if not word or any(char.isspace() for char in word):
            raise ValueError(f"a word of a word2vec file cannot be empty or contain whitespace: {word!r}")
        lines.append(word + " " + " ".join(f"{value:.6f}" for value in vector))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
