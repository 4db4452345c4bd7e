"""baocao extraction: readers (file -> Document) and rules (Document -> figures, tasks)."""

__version__ = "0.1.0"
