"""Crash test of impactd: no acknowledged write is lost when the daemon is killed with SIGKILL.

Run by scripts/crash-test.sh, which builds impactd and generates the Python stubs:

    crash_writer.py --impactd PATH --stubs DIR [--rounds 5] [--writers 4] [--seed N]
                    [--durability full|normal] [--max-kill-delay 2.0]

Each round, on one database kept across rounds:
1. start impactd (127.0.0.1 port 0) and wait until it is SERVING;
2. run `--writers` threads that each send a stream of writes, alternating CreateProject of a new
   project and RecordRating of a new rater on it, and append every acknowledged write (with
   the revision the daemon answered) to an acknowledgement file, flushed after each line;
3. at a random moment SIGKILL the daemon; the writers stop at their first failed call;
4. check a copy of the database and its WAL with `PRAGMA integrity_check` (a copy, so that the
   check's own recovery does not stand in for the daemon's);
5. restart impactd on the file, wait until SERVING, and check that every write acknowledged in
   any round so far is there and that the revision is at least the highest acknowledged one;
6. stop it with SIGTERM and expect exit code 0.
Exits 1 on any lost write or failed check, printing what was lost.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import grpc

DEADLINE = 10  # seconds, for every RPC
START_LIMIT = 60  # seconds to listen, then to serve


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--impactd", required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--durability", choices=["full", "normal"], default="full")
    parser.add_argument("--max-kill-delay", type=float, default=2.0, help="seconds after the first acknowledgement")
    parser.add_argument("--workdir", default=None, help="kept after the run when given")
    return parser.parse_args()


arguments = parse_arguments()
sys.path.insert(0, arguments.stubs)
from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402
from impact.v1 import project_pb2, project_service_pb2, project_service_pb2_grpc  # noqa: E402
from impact.v1 import status_service_pb2, status_service_pb2_grpc  # noqa: E402


class Failure(Exception):
    pass


def log(text):
    print(f"[crash-test] {text}", flush=True)


class RunningDaemon:
    """An impactd process on `database`, started and waited on until SERVING."""

    def __init__(self, impactd, database, durability, log_path, demo):
        command = [impactd, "--listen", "127.0.0.1:0", "--database", database, "--durability", durability]
        if demo:
            command.append("--demo")
        self.log_path = log_path
        with open(log_path, "a") as log_file:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log_file, text=True)
        self.address = self._read_address()
        self.channel = grpc.insecure_channel(self.address)
        self._wait_until_serving()

    def _read_address(self):
        found = {}

        def read():
            for line in self.process.stdout:
                match = re.match(r"listening (\S+)", line)
                if match:
                    found["address"] = match.group(1)
                    break
            for _ in self.process.stdout:  # keep the pipe drained
                pass

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + START_LIMIT
        while "address" not in found:
            if self.process.poll() is not None:
                raise Failure(f"impactd exited with {self.process.returncode} before listening:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise Failure(f"impactd did not listen within {START_LIMIT} s")
            time.sleep(0.01)
        return found["address"]

    def _wait_until_serving(self):
        health = health_pb2_grpc.HealthStub(self.channel)
        deadline = time.monotonic() + START_LIMIT
        while time.monotonic() < deadline:
            try:
                response = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
                if response.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.02)
        raise Failure(f"impactd was not SERVING within {START_LIMIT} s:\n{self.log_tail()}")

    def log_tail(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()[-3000:]

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def terminate(self):
        self.channel.close()
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
            raise Failure("impactd did not exit within 60 s of SIGTERM")

    def ensure_stopped(self):
        self.channel.close()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


class Acknowledgements:
    """The acknowledged writes, one JSON object a line, flushed after each one."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")
        self.count = 0

    def record(self, entry):
        line = json.dumps(entry, sort_keys=True)
        with self.lock:
            self.file.write(line + "\n")
            self.file.flush()
            self.count += 1

    def read_all(self):
        with self.lock:
            self.file.flush()
        with open(self.path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]


def template_project(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    listed = projects.ListProjects(project_service_pb2.ListProjectsRequest(page_size=1), timeout=DEADLINE)
    if not listed.projects:
        raise Failure("the database holds no project to copy")
    return listed.projects[0]


def write_stream(channel, template, round_number, writer, acknowledgements, killed, errors):
    """CreateProject then RecordRating, over and over, until a call fails (after the kill, or
    before it: an error to report)."""
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    criteria = sorted({rating.criterion for rating in template.ratings}) or ["what"]
    number = 0
    while True:
        project_id = f"crash-r{round_number}-w{writer}-{number}"
        project = project_pb2.Project()
        project.CopyFrom(template)
        project.id = project_id
        project.name = f"Crash test {round_number}/{writer}/{number}"
        try:
            created = projects.CreateProject(
                project_service_pb2.CreateProjectRequest(project=project), timeout=DEADLINE
            )
            acknowledgements.record({"kind": "project", "id": project_id, "revision": created.revision})
            rater = f"crash-w{writer}-{number}"
            criterion = criteria[number % len(criteria)]
            value = float(1 + number % 4)
            rated = projects.RecordRating(
                project_service_pb2.RecordRatingRequest(
                    project_id=project_id,
                    rating=project_pb2.Rating(criterion=criterion, rater=rater, value=value),
                ),
                timeout=DEADLINE,
            )
            acknowledgements.record(
                {
                    "kind": "rating",
                    "id": project_id,
                    "criterion": criterion,
                    "rater": rater,
                    "value": value,
                    "revision": rated.revision,
                }
            )
        except grpc.RpcError as error:
            if not killed.is_set():
                errors.append(f"writer {writer}: {error.code().name}: {error.details()}")
            return
        number += 1


def check_integrity(database, scratch):
    """`PRAGMA integrity_check` on a copy of the database and its WAL as the kill left them."""
    copy = os.path.join(scratch, "integrity.sqlite")
    for suffix in ["", "-wal"]:
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
        if os.path.exists(database + suffix):
            shutil.copyfile(database + suffix, copy + suffix)
    connection = sqlite3.connect(copy)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    if result != ["ok"]:
        raise Failure(f"PRAGMA integrity_check after the kill: {result}")


def stored_projects(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    found = {}
    token = ""
    while True:
        page = projects.ListProjects(
            project_service_pb2.ListProjectsRequest(page_size=1000, page_token=token), timeout=DEADLINE
        )
        for project in page.projects:
            found[project.id] = project
        token = page.next_page_token
        if not token:
            return found


def verify(channel, acknowledged):
    """The acknowledged writes missing from the daemon, described one a line."""
    stored = stored_projects(channel)
    status = status_service_pb2_grpc.StatusServiceStub(channel).GetStatus(
        status_service_pb2.GetStatusRequest(), timeout=DEADLINE
    )
    lost = []
    for entry in acknowledged:
        project = stored.get(entry["id"])
        if project is None:
            lost.append(f"project {entry['id']} (acknowledged at revision {entry['revision']}) is missing")
        elif entry["kind"] == "rating":
            if not any(
                rating.criterion == entry["criterion"] and rating.rater == entry["rater"] and rating.value == entry["value"]
                for rating in project.ratings
            ):
                lost.append(
                    f"rating {entry['criterion']}/{entry['rater']}={entry['value']} of {entry['id']} "
                    f"(acknowledged at revision {entry['revision']}) is missing"
                )
    highest = max((entry["revision"] for entry in acknowledged), default=0)
    if status.revision < highest:
        lost.append(f"the daemon is at revision {status.revision}, below the acknowledged revision {highest}")
    return lost, status.revision


def run_round(number, database, scratch, acknowledgements, generator):
    log_path = os.path.join(scratch, "impactd.log")
    daemon = RunningDaemon(arguments.impactd, database, arguments.durability, log_path, demo=True)
    killed = threading.Event()
    errors = []
    try:
        template = template_project(daemon.channel)
        before = acknowledgements.count
        writers = [
            threading.Thread(
                target=write_stream,
                args=(daemon.channel, template, number, writer, acknowledgements, killed, errors),
                daemon=True,
            )
            for writer in range(arguments.writers)
        ]
        for thread in writers:
            thread.start()
        deadline = time.monotonic() + 30
        while acknowledgements.count == before and not errors:
            if time.monotonic() > deadline:
                raise Failure("no write was acknowledged within 30 s")
            time.sleep(0.005)
        time.sleep(generator.uniform(0, arguments.max_kill_delay))
        if errors:
            raise Failure("a write failed while the daemon was running:\n" + "\n".join(errors))
        # The writers keep writing: some calls are in flight when the daemon dies.
        killed.set()
        daemon.kill()
        for thread in writers:
            thread.join(timeout=DEADLINE + 5)
        if any(thread.is_alive() for thread in writers):
            raise Failure(f"a writer still runs {DEADLINE + 5} s after the kill")
        written = acknowledgements.count - before
    finally:
        killed.set()
        daemon.ensure_stopped()

    check_integrity(database, scratch)

    restarted = RunningDaemon(arguments.impactd, database, arguments.durability, log_path, demo=False)
    try:
        acknowledged = acknowledgements.read_all()
        lost, revision = verify(restarted.channel, acknowledged)
        code = restarted.terminate()
    finally:
        restarted.ensure_stopped()
    if lost:
        raise Failure(f"round {number}: {len(lost)} acknowledged writes lost:\n" + "\n".join(lost[:50]))
    if code != 0:
        raise Failure(f"round {number}: impactd exited with {code} after SIGTERM:\n{restarted.log_tail()}")
    log(
        f"round {number}: {written} writes acknowledged before SIGKILL, "
        f"all {len(acknowledged)} acknowledged so far present after restart (revision {revision}), integrity ok"
    )


def main():
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 32)
    generator = random.Random(seed)
    scratch = arguments.workdir or tempfile.mkdtemp(prefix="impact-crash-")
    os.makedirs(scratch, exist_ok=True)
    database = os.path.join(scratch, "impact.sqlite")
    acknowledgements = Acknowledgements(os.path.join(scratch, "acknowledged.jsonl"))
    log(f"seed {seed}, {arguments.rounds} rounds, {arguments.writers} writers, durability {arguments.durability}, in {scratch}")
    passed = failed = 0
    try:
        for number in range(1, arguments.rounds + 1):
            try:
                run_round(number, database, scratch, acknowledgements, generator)
                passed += 1
            except Failure as failure:
                failed += 1
                log(f"round {number} FAILED: {failure}")
                break
    finally:
        if arguments.workdir is None and failed == 0:
            shutil.rmtree(scratch, ignore_errors=True)
        elif failed:
            log(f"kept {scratch} for inspection")
    print(f"crash-test: {passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
