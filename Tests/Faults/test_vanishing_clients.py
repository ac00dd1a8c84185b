"""Clients that vanish mid-stream: child processes watch changes (up to the daemon's watch limit)
and export the portfolio, and are killed with SIGKILL while they read, round after round, while
another client writes. Afterwards the daemon still serves, every watch slot was released (as many
new watchers as the limit are accepted, one more is refused) and health says SERVING."""

import json
import os
import random
import subprocess
import sys
import threading
import time

import grpc
import pytest

from conftest import (
    DEADLINE,
    STUBS,
    export_document,
    generated_document,
    portfolio_service_pb2,
    project_pb2,
    project_service_pb2,
)
from impact.v1 import watch_service_pb2, watch_service_pb2_grpc  # noqa: E402

WATCH_LIMIT = 8
ROUNDS = int(os.environ.get("FAULT_VANISHING_ROUNDS", "10"))
EXPORTERS = 2
CLIENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stream_client.py")


def spawn(address, mode):
    return subprocess.Popen(
        [sys.executable, CLIENT, address, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "IMPACT_STUBS": STUBS},
    )


def wait_for_line(child, expected, limit=30):
    """The child's first line, which must be `expected`, read within `limit` seconds."""
    found = {}
    reader = threading.Thread(target=lambda: found.setdefault("line", child.stdout.readline().strip()), daemon=True)
    reader.start()
    reader.join(limit)
    line = found.get("line")
    if line != expected:
        child.kill()
        _, errors = child.communicate(timeout=30)
        raise AssertionError(f"a {expected} client printed {line!r} (exit {child.returncode}):\n{errors[-2000:]}")


def keep_writing(daemon, project_id, stop, results):
    """RecordRating over and over until `stop`; counts acknowledgements and errors."""
    projects = daemon.projects()
    number = 0
    while not stop.is_set():
        try:
            projects.RecordRating(
                project_service_pb2.RecordRatingRequest(
                    project_id=project_id,
                    rating=project_pb2.Rating(criterion="who", rater=f"vanishing-{number % 50}", value=float(number % 5)),
                ),
                timeout=DEADLINE,
            )
            results["acknowledged"] += 1
        except grpc.RpcError as error:
            results["errors"].append(f"{error.code().name}: {error.details()}")
        number += 1


def open_watchers(daemon, count, limit=30):
    """`count` open watch streams, each past its first event; retries RESOURCE_EXHAUSTED (a
    killed client's slot is released when the server notices the closed connection)."""
    stub = watch_service_pb2_grpc.WatchServiceStub(daemon.channel)
    calls = []
    deadline = time.monotonic() + limit
    while len(calls) < count:
        call = stub.WatchChanges(watch_service_pb2.WatchChangesRequest(since_revision=0), timeout=120)
        try:
            next(call)
            calls.append(call)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.RESOURCE_EXHAUSTED or time.monotonic() > deadline:
                for open_call in calls:
                    open_call.cancel()
                raise AssertionError(
                    f"watcher {len(calls) + 1} of {count} refused: {error.code().name}: {error.details()}"
                ) from error
            time.sleep(0.1)
    return calls


# Starting ten Python clients takes a few seconds of CPU a round on two cores.
@pytest.mark.time_limit(120 + 15 * ROUNDS)
def test_killed_stream_clients_release_their_slots(daemons, workdir):
    configuration = os.path.join(workdir, "impactd.json")
    with open(configuration, "w") as handle:
        json.dump({"limits": {"maxWatchSubscribers": WATCH_LIMIT}}, handle)
    daemon = daemons("--demo", "--config", configuration)
    template = export_document(daemon)["projects"]
    # A larger portfolio, so that an export is still being written when its client dies: 2 000
    # projects, in two documents (one ImportPortfolio parses at most 200 000 values).
    for part in ("bulk-a", "bulk-b"):
        daemon.portfolio().ImportPortfolio(
            portfolio_service_pb2.ImportPortfolioRequest(json_document=generated_document(template, 1000, part)),
            timeout=60,
        )

    stop = threading.Event()
    results = {"acknowledged": 0, "errors": []}
    writer = threading.Thread(target=keep_writing, args=(daemon, template[0]["id"], stop, results), daemon=True)
    writer.start()
    generator = random.Random(int(os.environ.get("FAULT_SEED", "5")))
    killed = 0
    try:
        for _ in range(ROUNDS):
            children = [(spawn(daemon.address, "watch"), "subscribed") for _ in range(WATCH_LIMIT)]
            children += [(spawn(daemon.address, "export"), "exporting") for _ in range(EXPORTERS)]
            for child, line in children:
                wait_for_line(child, line)
            time.sleep(generator.uniform(0, 0.3))  # let changes and exports flow to the children
            for child, _ in children:
                child.kill()
            for child, _ in children:
                child.communicate(timeout=30)
                killed += 1
            assert daemon.process.poll() is None, daemon.log_tail()
    finally:
        stop.set()
        writer.join(timeout=DEADLINE + 5)

    assert killed == ROUNDS * (WATCH_LIMIT + EXPORTERS)
    assert results["errors"] == []
    assert results["acknowledged"] > 0

    # Every slot came back: the limit's worth of watchers is accepted, one more is refused.
    calls = open_watchers(daemon, WATCH_LIMIT)
    try:
        extra = watch_service_pb2_grpc.WatchServiceStub(daemon.channel).WatchChanges(
            watch_service_pb2.WatchChangesRequest(since_revision=0), timeout=DEADLINE
        )
        with pytest.raises(grpc.RpcError) as refused:
            next(extra)
        assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert f"at most {WATCH_LIMIT}" in refused.value.details()
    finally:
        for call in calls:
            call.cancel()

    assert daemon.health() == "SERVING"
    status = daemon.status()
    assert status.project_count == len(template) + 2000
    assert daemon.terminate() == 0
