"""Developer tools: synthetic test documents (PDFs made with fpdf2).

These need the ``[dev]`` extra: ``pip install "reportparse[dev]"``.
"""
