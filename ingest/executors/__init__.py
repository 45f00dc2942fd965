"""Executors run documents (ingest.worker.Task) and yield their outcomes as they
finish: `ingest.worker.WorkerPool` on this machine, `dask.DaskExecutor` on a Dask
cluster. Both are context managers with `submit(task)` and `results()`."""
