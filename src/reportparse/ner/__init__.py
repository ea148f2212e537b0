"""Statistical organization NER: the shipped spaCy model (:mod:`.model`), the optional Stanza
backend (:mod:`.stanza_backend`) and the choice between them and the rules (:mod:`.backends`).

Nothing is imported here, so that the rules never load a model; training is
:mod:`reportparse.training`.
"""
