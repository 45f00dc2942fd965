"""Writers: every SPEC table as CSV and Parquet, plus datapackage.json, into one
output folder that is replaced atomically (`output.write_dataset`)."""

from .output import write_dataset

__all__ = ["write_dataset"]
