"""Batch parsing: finding input files (:mod:`.discover`), isolated worker processes
(:mod:`.workers`), Dask (:mod:`.dask`) and the progress display (:mod:`.progress`)."""
