"""The statistical organization NER model: training data from the gold corpus, training, use.

    python -m reportparse.ner.train --out models/az_org_ner      # retrain the shipped model

:func:`load_model` loads the shipped pipeline (no network); :func:`model_mentions` runs it and
:func:`merge_mentions` combines its spans with the rule grammar's.
"""

from .model import DEFAULT_MODEL, load_model, merge_mentions, model_mentions

__all__ = ["DEFAULT_MODEL", "load_model", "merge_mentions", "model_mentions"]
