"""Evaluation against the gold corpus: reading and validating it (:mod:`.gold`), scoring the
pipeline (:mod:`.score`) and the commitment statuses (:mod:`.commitments`)."""
