"""Crash test of impactd: no acknowledged write is lost when the daemon is killed with SIGKILL.

Run by scripts/crash-test.sh (or scripts/fault-test.sh), which builds impactd and generates the
Python stubs:

    crash_writer.py --impactd PATH --stubs DIR [--rounds 5] [--writers 4] [--seed N]
                    [--durability full|normal] [--max-kill-delay 1.0] [--max-seconds S]
                    [--kills-per-database 50] [--live-projects 8] [--workdir DIR]

`--rounds` is the number of SIGKILLs. One cycle per kill, on a database kept for
`--kills-per-database` kills (then a fresh one, so that the file stays small and each check fast):
1. start impactd (127.0.0.1 port 0; `--demo` on a fresh database) and wait until it is SERVING;
2. check the previous cycle: the daemon holds every write ever acknowledged on this database
   (present projects and their ratings, absent deleted projects) and its revision is at least the
   highest acknowledged one; resolve the writes that were in flight at the kill (either outcome
   is correct for them);
3. run `--writers` threads, each a sequential stream of CreateProject, RecordRating and, once it
   owns more than `--live-projects` projects, DeleteProject of its oldest one (so the portfolio
   does not grow); every acknowledgement is recorded before the next call;
4. at a random moment (uniform in [0, --max-kill-delay] s after the first acknowledgement of the
   cycle) SIGKILL the daemon while the writers are writing;
5. `PRAGMA integrity_check` on a copy of the database and its WAL as the kill left them (a copy,
   so that the check's own recovery does not stand in for the daemon's).
At the end of each database (and of the run) the daemon is stopped with SIGTERM, which must exit 0.
`--max-seconds` stops starting new cycles after that time (the last checks still run).
Prints the counts: kills, acknowledged writes, lost writes (must be 0), integrity checks.
Exits 1 on any lost write or failed check.
"""

import argparse
import collections
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
    parser.add_argument("--rounds", type=int, default=5, help="number of SIGKILLs")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--durability", choices=["full", "normal"], default="full")
    parser.add_argument("--max-kill-delay", type=float, default=1.0, help="seconds after the first acknowledgement")
    parser.add_argument("--max-seconds", type=float, default=None, help="start no new cycle after this time")
    parser.add_argument("--kills-per-database", type=int, default=50)
    parser.add_argument("--live-projects", type=int, default=8, help="projects each writer keeps before deleting")
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
            time.sleep(0.005)
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
            time.sleep(0.01)
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


class Ledger:
    """What the daemon acknowledged on one database, and so must hold after any crash.

    `present` maps each project whose creation was acknowledged (and whose deletion was not yet
    attempted) to its acknowledged ratings; `deleted` holds the projects whose deletion was
    acknowledged. The write each writer had in flight at the kill is in `in_flight` until the
    restarted daemon shows which way it went.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.present = {}
        self.deleted = set()
        self.in_flight = {}  # writer -> (kind, project id, rating key, value)
        self.highest_revision = 0
        self.acknowledged = 0

    def attempt(self, writer, write):
        with self.lock:
            self.in_flight[writer] = write

    def acknowledge(self, writer, revision):
        with self.lock:
            kind, project_id, key, value = self.in_flight.pop(writer)
            if kind == "create":
                self.present[project_id] = {}
            elif kind == "rate":
                self.present[project_id][key] = value
            else:
                self.present.pop(project_id, None)
                self.deleted.add(project_id)
            self.highest_revision = max(self.highest_revision, revision)
            self.acknowledged += 1

    def unsettled(self):
        """Projects whose state depends on a write in flight at the kill."""
        return {write[1] for write in self.in_flight.values()}

    def lost(self, stored, revision):
        """The acknowledged writes missing from `stored` (id -> project), one a line."""
        lost = []
        unsettled = self.unsettled()
        for project_id, ratings in self.present.items():
            if project_id in unsettled and self.in_flight_kind(project_id) == "delete":
                continue
            project = stored.get(project_id)
            if project is None:
                lost.append(f"project {project_id} is missing")
                continue
            held = {(rating.criterion, rating.rater): rating.value for rating in project.ratings}
            for key, value in ratings.items():
                if held.get(key) != value:
                    lost.append(f"rating {key[0]}/{key[1]}={value} of {project_id} is missing")
        for project_id in self.deleted & stored.keys():
            lost.append(f"project {project_id} is back although its deletion was acknowledged")
        if revision < self.highest_revision:
            lost.append(f"the daemon is at revision {revision}, below the acknowledged revision {self.highest_revision}")
        return lost

    def in_flight_kind(self, project_id):
        return next((write[0] for write in self.in_flight.values() if write[1] == project_id), None)

    def settle(self, stored, owned):
        """Records how the writes in flight at the kill ended, from what the daemon holds, and
        gives back to each writer (`owned`) the projects it must go on deleting."""
        for writer, (kind, project_id, key, value) in self.in_flight.items():
            project = stored.get(project_id)
            if kind == "create" and project is not None:
                self.present[project_id] = {}
                owned[writer].append(project_id)
            elif kind == "rate" and project is not None:
                if any((rating.criterion, rating.rater) == key for rating in project.ratings):
                    self.present[project_id][key] = value
            elif kind == "delete" and project is None:
                self.present.pop(project_id, None)
                self.deleted.add(project_id)
                if owned[writer] and owned[writer][0] == project_id:
                    owned[writer].popleft()
        self.in_flight.clear()


def template_project(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    listed = projects.ListProjects(project_service_pb2.ListProjectsRequest(page_size=1), timeout=DEADLINE)
    if not listed.projects:
        raise Failure("the database holds no project to copy")
    return listed.projects[0]


def write_stream(channel, template, writer, owned, counters, ledger, killed, errors):
    """Create, rate, and delete the oldest owned project, until a call fails (after the kill,
    or before it: an error to report)."""
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    criteria = sorted({rating.criterion for rating in template.ratings}) or ["what"]
    try:
        while True:
            if len(owned) > arguments.live_projects:
                victim = owned[0]
                ledger.attempt(writer, ("delete", victim, None, None))
                deleted = projects.DeleteProject(project_service_pb2.DeleteProjectRequest(id=victim), timeout=DEADLINE)
                owned.popleft()
                ledger.acknowledge(writer, deleted.revision)
                continue
            number = counters[writer]
            counters[writer] += 1
            project_id = f"crash-w{writer}-{number}"
            project = project_pb2.Project()
            project.CopyFrom(template)
            project.id = project_id
            project.name = f"Crash test {writer}/{number}"
            ledger.attempt(writer, ("create", project_id, None, None))
            created = projects.CreateProject(project_service_pb2.CreateProjectRequest(project=project), timeout=DEADLINE)
            owned.append(project_id)
            ledger.acknowledge(writer, created.revision)
            key = (criteria[number % len(criteria)], f"crash-rater-{number}")
            value = float(1 + number % 4)
            ledger.attempt(writer, ("rate", project_id, key, value))
            rated = projects.RecordRating(
                project_service_pb2.RecordRatingRequest(
                    project_id=project_id, rating=project_pb2.Rating(criterion=key[0], rater=key[1], value=value)
                ),
                timeout=DEADLINE,
            )
            ledger.acknowledge(writer, rated.revision)
    except grpc.RpcError as error:
        if not killed.is_set():
            errors.append(f"writer {writer}: {error.code().name}: {error.details()}")


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


def stored_state(channel):
    """Every stored project by id, and the daemon's revision."""
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
            break
    status = status_service_pb2_grpc.StatusServiceStub(channel).GetStatus(
        status_service_pb2.GetStatusRequest(), timeout=DEADLINE
    )
    return found, status.revision


def verify(daemon, ledger, owned, context):
    stored, revision = stored_state(daemon.channel)
    lost = ledger.lost(stored, revision)
    if lost:
        raise Failure(f"{context}: {len(lost)} acknowledged writes lost:\n" + "\n".join(lost[:50]))
    ledger.settle(stored, owned)
    return revision


class Totals:
    def __init__(self):
        self.kills = 0
        self.acknowledged = 0
        self.integrity_checks = 0
        self.databases = 0
        self.starts = 0


def run_database(number, kills, scratch, generator, totals, deadline):
    """`kills` cycles on a fresh database; returns the kills done."""
    database = os.path.join(scratch, f"impact-{number}.sqlite")
    log_path = os.path.join(scratch, "impactd.log")
    ledger = Ledger()
    owned = collections.defaultdict(collections.deque)
    counters = collections.defaultdict(int)
    totals.databases += 1
    done = 0
    daemon = RunningDaemon(arguments.impactd, database, arguments.durability, log_path, demo=True)
    totals.starts += 1
    try:
        template = template_project(daemon.channel)
        while done < kills and (deadline is None or time.monotonic() < deadline):
            killed = threading.Event()
            errors = []
            before = ledger.acknowledged
            writers = [
                threading.Thread(
                    target=write_stream,
                    args=(daemon.channel, template, writer, owned[writer], counters, ledger, killed, errors),
                    daemon=True,
                )
                for writer in range(arguments.writers)
            ]
            for thread in writers:
                thread.start()
            first_deadline = time.monotonic() + 30
            while ledger.acknowledged == before and not errors:
                if time.monotonic() > first_deadline:
                    raise Failure("no write was acknowledged within 30 s")
                time.sleep(0.002)
            time.sleep(generator.uniform(0, arguments.max_kill_delay))
            if errors:
                raise Failure("a write failed while the daemon was running:\n" + "\n".join(errors))
            # The writers keep writing: some calls are in flight when the daemon dies.
            killed.set()
            daemon.kill()
            done += 1
            totals.kills += 1
            for thread in writers:
                thread.join(timeout=DEADLINE + 5)
            if any(thread.is_alive() for thread in writers):
                raise Failure(f"a writer still runs {DEADLINE + 5} s after the kill")
            daemon.ensure_stopped()

            check_integrity(database, scratch)
            totals.integrity_checks += 1

            daemon = RunningDaemon(arguments.impactd, database, arguments.durability, log_path, demo=False)
            totals.starts += 1
            revision = verify(daemon, ledger, owned, f"kill {totals.kills}")
            if totals.kills % 50 == 0:
                log(
                    f"{totals.kills} kills, {totals.acknowledged + ledger.acknowledged} writes acknowledged, "
                    f"0 lost (database {number}, revision {revision})"
                )
        verify(daemon, ledger, owned, f"database {number}, before SIGTERM")
        code = daemon.terminate()
        if code != 0:
            raise Failure(f"impactd exited with {code} after SIGTERM:\n{daemon.log_tail()}")
    finally:
        totals.acknowledged += ledger.acknowledged
        daemon.ensure_stopped()
    if os.path.exists(database + "-wal") and os.path.getsize(database + "-wal") > 0:
        raise Failure(f"the WAL of {database} was not checkpointed by the clean stop")
    connection = sqlite3.connect(database)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    if result != ["ok"]:
        raise Failure(f"PRAGMA integrity_check after SIGTERM: {result}")
    totals.integrity_checks += 1
    for suffix in ["", "-wal", "-shm", ".lock"]:
        if os.path.exists(database + suffix) and arguments.workdir is None:
            os.remove(database + suffix)
    return done


def main():
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 32)
    generator = random.Random(seed)
    scratch = arguments.workdir or tempfile.mkdtemp(prefix="impact-crash-")
    os.makedirs(scratch, exist_ok=True)
    log(
        f"seed {seed}, {arguments.rounds} kills, {arguments.writers} writers, durability {arguments.durability}, "
        f"kill within {arguments.max_kill_delay} s, {arguments.kills_per_database} kills per database, in {scratch}"
    )
    started = time.monotonic()
    deadline = started + arguments.max_seconds if arguments.max_seconds else None
    totals = Totals()
    failure = None
    try:
        number = 0
        while totals.kills < arguments.rounds and (deadline is None or time.monotonic() < deadline):
            number += 1
            run_database(
                number, min(arguments.kills_per_database, arguments.rounds - totals.kills), scratch, generator, totals, deadline
            )
    except Failure as error:
        failure = error
        log(f"FAILED: {error}")
    finally:
        if arguments.workdir is None and failure is None:
            shutil.rmtree(scratch, ignore_errors=True)
        elif failure is not None:
            log(f"kept {scratch} for inspection")
    elapsed = time.monotonic() - started
    lost = "unknown (failed)" if failure else "0"
    print(
        f"crash-test: kills {totals.kills}, acknowledged writes {totals.acknowledged}, lost {lost}, "
        f"integrity checks {totals.integrity_checks} ok, databases {totals.databases}, starts {totals.starts}, "
        f"{elapsed:.0f} s, seed {seed}"
    )
    if failure is None and totals.kills < arguments.rounds:
        print(f"crash-test: stopped by --max-seconds after {totals.kills} of {arguments.rounds} kills")
    return 1 if failure or totals.kills == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
