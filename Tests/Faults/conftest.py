"""Shared support of the fault tests: the impactd processes a test starts, their clients, and a
hard time limit per test.

Run by scripts/fault-test.sh, which sets IMPACTD (the daemon binary) and IMPACT_STUBS (the Python
code protoc generated from Proto/). Every daemon listens on 127.0.0.1 port 0 (loopback: no
credentials needed) on a database in the test's own temporary folder, and is killed at the end
of the test whatever happened.
"""

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import grpc
import pytest

IMPACTD = os.environ["IMPACTD"]
STUBS = os.environ["IMPACT_STUBS"]
sys.path.insert(0, STUBS)

from grpc_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402  (grpcio-health-checking)
from impact.v1 import portfolio_service_pb2, portfolio_service_pb2_grpc  # noqa: E402
from impact.v1 import project_pb2  # noqa: E402
from impact.v1 import project_service_pb2, project_service_pb2_grpc  # noqa: E402
from impact.v1 import status_service_pb2, status_service_pb2_grpc  # noqa: E402

DEADLINE = 15  # seconds, for every RPC
START_LIMIT = 60  # seconds to listen, then to be SERVING
DEFAULT_TIME_LIMIT = 180  # seconds per test, unless marked time_limit(seconds)


def pytest_configure(config):
    config.addinivalue_line("markers", "time_limit(seconds): hard time limit of the test (SIGALRM)")


@pytest.fixture(autouse=True)
def hard_time_limit(request):
    """Fails the test with TimeoutError when it runs longer than its limit. Set up before the
    daemons fixture, so the daemons are still killed when the limit strikes."""
    marker = request.node.get_closest_marker("time_limit")
    limit = int(marker.args[0]) if marker else DEFAULT_TIME_LIMIT

    def expire(signum, frame):
        raise TimeoutError(f"{request.node.name} ran longer than its {limit} s limit")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(limit)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


class Daemon:
    """One impactd process on `database`, started and waited on until SERVING."""

    def __init__(self, database, log_path, *flags, wait_serving=True, env=None):
        command = [IMPACTD, "--listen", "127.0.0.1:0", "--database", database, *flags]
        self.log_path = log_path
        with open(log_path, "a") as log_file:
            log_file.write(f"\n$ {' '.join(command)}\n")
            log_file.flush()
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log_file, text=True, env=env)
        self.address = self._read_address()
        self.channel = grpc.insecure_channel(self.address)
        if wait_serving:
            self.wait_serving()

    def _read_address(self):
        found = {}

        def read():
            for line in self.process.stdout:
                match = re.match(r"listening (\S+)", line)
                if match and "address" not in found:
                    found["address"] = match.group(1)
            # Keeps the pipe drained until the process ends.

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + START_LIMIT
        while "address" not in found:
            if self.process.poll() is not None:
                raise AssertionError(f"impactd exited with {self.process.returncode} before listening:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"impactd did not listen within {START_LIMIT} s")
            time.sleep(0.01)
        return found["address"]

    def health(self):
        """The overall health status name, or the gRPC code name when the check fails."""
        try:
            response = health_pb2_grpc.HealthStub(self.channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE
            )
            return health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
        except grpc.RpcError as error:
            return error.code().name

    def wait_serving(self):
        deadline = time.monotonic() + START_LIMIT
        while time.monotonic() < deadline:
            if self.health() == "SERVING":
                return
            if self.process.poll() is not None:
                raise AssertionError(f"impactd exited with {self.process.returncode}:\n{self.log_tail()}")
            time.sleep(0.02)
        raise AssertionError(f"impactd was not SERVING within {START_LIMIT} s:\n{self.log_tail()}")

    def log_tail(self, size=4000):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()[-size:]

    # Clients.
    def projects(self):
        return project_service_pb2_grpc.ProjectServiceStub(self.channel)

    def portfolio(self):
        return portfolio_service_pb2_grpc.PortfolioServiceStub(self.channel)

    def status(self):
        return status_service_pb2_grpc.StatusServiceStub(self.channel).GetStatus(
            status_service_pb2.GetStatusRequest(), timeout=DEADLINE
        )

    def all_projects(self):
        """Every stored project by id, read page by page."""
        found = {}
        token = ""
        while True:
            page = self.projects().ListProjects(
                project_service_pb2.ListProjectsRequest(page_size=1000, page_token=token), timeout=DEADLINE
            )
            for project in page.projects:
                found[project.id] = project
            token = page.next_page_token
            if not token:
                return found

    # Stopping.
    def terminate(self, limit=30):
        """SIGTERM, then the exit code; fails if the process outlives `limit` seconds."""
        self.channel.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
            raise AssertionError(f"impactd did not exit within {limit} s of SIGTERM:\n{self.log_tail()}")

    def kill(self):
        self.channel.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture
def workdir(tmp_path):
    return str(tmp_path)


@pytest.fixture
def daemons(workdir):
    """`start(*flags, database=..., env=...)` starts an impactd (in `env`, else this process's
    environment); every one started is killed at the end."""
    started = []
    log_path = os.path.join(workdir, "impactd.log")

    def start(*flags, database=None, wait_serving=True, env=None):
        daemon = Daemon(
            database or os.path.join(workdir, "impact.sqlite"), log_path, *flags, wait_serving=wait_serving, env=env
        )
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        try:
            daemon.kill()
        except Exception:  # noqa: BLE001 - cleanup goes on for the others
            pass


def export_document(daemon):
    """The stored portfolio as a parsed impact-portfolio/1 JSON document."""
    exported = daemon.portfolio().ExportPortfolio(
        portfolio_service_pb2.ExportPortfolioRequest(format=portfolio_service_pb2.EXPORT_FORMAT_JSON),
        timeout=DEADLINE,
    )
    return json.loads(exported.json_document)


def generated_document(template_projects, count, prefix):
    """A portfolio document of `count` copies of the template projects under new ids."""
    projects = []
    for number in range(count):
        project = json.loads(json.dumps(template_projects[number % len(template_projects)]))
        project["id"] = f"{prefix}-{number}"
        project["name"] = f"{prefix} {number}"
        projects.append(project)
    return json.dumps({"format": "impact-portfolio/1", "projects": projects})


def integrity_check(database):
    """`PRAGMA integrity_check` of the database file, opened after the daemon stopped."""
    connection = sqlite3.connect(database)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def stored_revision(database):
    """The revision and journal length stored in the file, read with sqlite3."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        revision = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
        journal = connection.execute("SELECT count(*) FROM journal").fetchone()[0]
        return revision, journal
    finally:
        connection.close()
