"""The Dask job over partitions of a corpus (``quoth dask``) and reading its Parquet output back (``quoth load``).

Nothing here re-implements extraction: workers run ``quoth.pipeline.extract_many`` on each partition, so the
output equals a single-process run over the same articles.
"""

from .job import process_partition, run_dask
from .manifest import Manifest, OutputMismatch, PartitionStatus
from .partitions import DEFAULT_PARTITION_BYTES, PartitionSpec, plan_partitions
from .tables import SCHEMAS, read_dask_output, read_failure_sources

__all__ = [
    "DEFAULT_PARTITION_BYTES", "Manifest", "OutputMismatch", "PartitionSpec", "PartitionStatus", "SCHEMAS",
    "plan_partitions", "process_partition", "read_dask_output", "read_failure_sources", "run_dask",
]
