"""Readers: file -> Document (blocks with provenance)."""
