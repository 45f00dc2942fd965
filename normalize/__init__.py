"""Normalizers: pure functions from the document model to SPEC records."""
