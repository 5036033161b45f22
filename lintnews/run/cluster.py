"""The archive job on Dask: shards of the inputs linted on a cluster's workers, results in order.

``--dask local`` starts a ``LocalCluster`` on 127.0.0.1 (worker processes,
one thread each, no dashboard); ``--dask tcp://host:8786`` joins a running
scheduler. The shards (``records.shards``: JSON Lines byte ranges, Parquet
row groups) are the partitions of a ``dask.bag``; each partition reads its
shard on the worker (so the workers must see the input at the same path) and
lints its records with :func:`run.batch.lint_records`, the single-process
code.

The linters are built once, here, from the project's configuration, pickled,
and the bytes sent to every worker once (``Client.scatter``, broadcast); a
worker process unpickles each linter once, for all its tasks (``_linter``,
a cache by the digest of the bytes), and so loads the rules' data once, so
the workers need neither the configuration nor the style folders, only the
same lintnews version (checked by every task). Partitions are computed a
few at a time and their outcomes handed back in shard order, so the output
is the single-process run's, line for line, and the client holds only a
window of shards' results.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import socket
from collections import deque

from ..errors import InputError, LintnewsError, UsageError
from ..version import __version__
from .batch import Job, lint_records
from .records import Shard, read


# No dashboard; the scheduler's own HTTP server (health, metrics) on a free port of 127.0.0.1, not 8787.
LOCAL_SCHEDULER = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}


def _dask():
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(None, "--dask needs dask and distributed: pip install 'lintnews[dask]'") from None
    return db, Client, LocalCluster


class Cluster:
    """A Dask client (and the local cluster it started, if any), closed on exit."""

    def __init__(self, address: str, workers: int | None = None):
        _, Client, LocalCluster = _dask()  # noqa: N806 - classes
        self.cluster = None
        if address == "local":
            n = workers or os.cpu_count() or 1
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address=None, silence_logs=40, scheduler_kwargs=LOCAL_SCHEDULER)
            self.client = Client(self.cluster)
            return
        if not address.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")):
            raise UsageError(None, f"--dask takes 'local' or a scheduler address such as tcp://host:8786, "
                                   f"not {address!r}")
        try:
            self.client = Client(address)  # waits distributed.comm.timeouts.connect (Dask's configuration)
        except (OSError, TimeoutError) as exc:
            raise UsageError(None, f"cannot reach the Dask scheduler at {address} ({exc})") from None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, shards: list[Shard], linters: dict, job: Job, window: int | None = None):
        """Yield, shard by shard in order, the list of outcomes of its records.

        ``linters`` maps each input path to its linter. At most ``window``
        partitions are computed or held at once (default: twice the workers).
        """
        db, _, _ = _dask()
        if not shards:
            return
        sent = {}
        for linter in {id(v): v for v in linters.values()}.values():
            payload = pickle.dumps(linter, protocol=pickle.HIGHEST_PROTOCOL)
            digest = hashlib.sha256(payload).hexdigest()
            sent[id(linter)] = (self.client.scatter(payload, broadcast=True, hash=False), digest)
        parts = []
        for path in dict.fromkeys(s.path for s in shards):  # one bag per input: its linter is one argument
            mine = [s for s in shards if s.path == path]
            bag = db.from_sequence(mine, npartitions=len(mine))
            payload, digest = sent[id(linters[path])]
            parts += bag.map_partitions(_lint_partition, payload, digest, job, __version__).to_delayed()
        window = window or 2 * self.workers()
        pending: deque = deque()
        for part in parts:
            pending.append(self.client.compute(part))
            if len(pending) >= window:
                yield _take(pending.popleft())
        while pending:
            yield _take(pending.popleft())


def _take(future) -> list:
    try:
        outcomes = future.result()
    except LintnewsError:
        raise
    except Exception as exc:  # noqa: BLE001 - what a worker raised, as one line
        raise UsageError(None, f"a Dask task failed ({type(exc).__name__}: {exc}); every worker needs lintnews "
                               f"{__version__} installed, with the archive extra for Parquet") from None
    future.release()
    return outcomes


_LINTERS: dict[str, object] = {}  # in a worker process: the linters unpickled, by the digest of their bytes
_KEPT = 4


def _linter(payload: bytes, digest: str):
    """The linter of ``payload``, unpickled once in this process (its rules' data then load once too)."""
    linter = _LINTERS.pop(digest, None)
    if linter is None:
        linter = pickle.loads(payload)  # noqa: S301 - bytes this run's own client pickled
        while len(_LINTERS) >= _KEPT:
            _LINTERS.pop(next(iter(_LINTERS)))
    _LINTERS[digest] = linter  # most recently used last
    return linter


def _lint_partition(shards, payload: bytes, digest: str, job: Job, version: str) -> list:
    """On a worker: the outcomes of the records of the partition's shards, in order."""
    if version != __version__:
        raise UsageError(None, f"a Dask worker runs lintnews {__version__}, this client {version}: "
                               "install the same version on the workers")
    linter = _linter(payload, digest)
    columns_only = not job.fix
    out = []
    for shard in shards:
        if not os.path.isfile(shard.location):
            raise InputError(shard.path, f"a Dask worker ({socket.gethostname()}) cannot read {shard.location}: "
                                         "the workers must see the inputs at the same path")
        out.extend(lint_records(read(shard, job.fields, columns_only), lambda _: linter, job))
    return out
