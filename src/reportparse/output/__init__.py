"""Output: atomic file writers (:mod:`.writers`) and the output folder of a batch (:mod:`.folder`)."""
