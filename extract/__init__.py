"""baocao extraction, file -> Extraction, pure (never opens the warehouse).

readers/ (file -> Document with provenance) -> language/ (Vietnamese text: numbers, periods, sentences,
headings) -> figures/, tasks, metadata (Document -> figures, tasks, relations) -> pipeline (the chain).
"""

__version__ = "0.1.0"
