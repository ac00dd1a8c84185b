"""A streamed import whose client process is killed with SIGKILL mid-stream, round after round.

A streamed import holds the daemon's writes from its header on, its rows written as its chunks
arrive, in one open transaction. A client that dies must leave nothing: the transaction rolled
back, the portfolio and the revision as before, and the writes free again at once (not after
`limits.importIdleSeconds`, which is set far beyond the test's limits here)."""

import json
import os
import subprocess
import sys
import threading
import time

import pytest

from conftest import DEADLINE, STUBS, project_pb2, project_service_pb2

CLIENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stream_client.py")
ROUNDS = 3


def first_line(child, limit=30):
    found = {}
    reader = threading.Thread(target=lambda: found.setdefault("line", child.stdout.readline().strip()), daemon=True)
    reader.start()
    reader.join(limit)
    return found.get("line")


@pytest.mark.time_limit(180)
def test_killed_import_client_changes_nothing_and_frees_the_writes(daemons, workdir):
    configuration = os.path.join(workdir, "impactd.json")
    with open(configuration, "w") as handle:
        json.dump({"limits": {"importIdleSeconds": 3600}}, handle)
    daemon = daemons("--demo", "--config", configuration)
    template = next(iter(daemon.all_projects().values()))
    for round_number in range(ROUNDS):
        before = daemon.status()
        child = subprocess.Popen(
            [sys.executable, CLIENT, daemon.address, "import"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "IMPACT_STUBS": STUBS},
        )
        line = first_line(child)
        if line != "importing":
            child.kill()
            _, errors = child.communicate(timeout=30)
            raise AssertionError(f"the import client printed {line!r} (exit {child.returncode}):\n{errors[-2000:]}")
        time.sleep(0.5)  # a few more chunks written in the open transaction
        child.kill()
        child.communicate(timeout=30)

        # The writes are free again at once: a write is acknowledged well within the RPC deadline.
        started = time.monotonic()
        project = project_pb2.Project()
        project.CopyFrom(template)
        project.id = f"after-kill-{round_number}"
        for rating in project.ratings:
            rating.ClearField("rated_at")
        created = daemon.projects().CreateProject(project_service_pb2.CreateProjectRequest(project=project), timeout=DEADLINE)
        waited = time.monotonic() - started
        assert waited < DEADLINE, f"the write waited {waited:.1f} s after the import client died"

        # Nothing of the import is there: one revision and one project more, the create's.
        after = daemon.status()
        assert created.revision == before.revision + 1
        assert after.revision == before.revision + 1
        assert after.project_count == before.project_count + 1
        assert not any(stored.startswith("killed-") for stored in daemon.all_projects())
        assert daemon.process.poll() is None, daemon.log_tail()

    assert daemon.health() == "SERVING"
    assert daemon.terminate() == 0
