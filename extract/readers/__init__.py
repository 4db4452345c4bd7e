"""Readers: one file -> a Document of ordered blocks with provenance (location, page, OCR flag), NFC text."""
