"""Ingest: the command line, the batch runner and the writers."""
