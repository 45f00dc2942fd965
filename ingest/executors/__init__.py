"""Executors run documents (ingest.worker.Task) and yield their outcomes as they
finish: `ingest.worker.WorkerPool` on this machine, `dask.DaskExecutor` on a Dask
cluster. Both are context managers with `submit(task)` and `results()`."""


EXECUTORS = ("local", "dask")


def check_executor(name: str, error: type[Exception] = ValueError) -> None:
    """Raise `error` unless `name` is an executor that can run here."""
    import importlib.util

    if name not in EXECUTORS:
        raise error(f"--executor must be one of {', '.join(EXECUTORS)}, not {name!r}.")
    if name == "dask" and importlib.util.find_spec("distributed") is None:
        raise error("--executor dask needs Dask: pip install 'workplan-ingest[dask]'.")
