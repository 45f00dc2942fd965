"""Imported by the worker fork server (ingest.worker): warms the pipeline once, so
that every worker forked from the server starts warm (see `worker.warm_up`)."""

from ingest.worker import warm_up

warm_up()
