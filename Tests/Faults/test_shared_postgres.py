"""Several impactd on one PostgreSQL database (issue: beyond one machine).

Three daemons serve one portfolio: writes through each, every daemon's `impact rank --json`
identical within a second of the last write, read-your-writes with `impact-min-revision`,
kill -9 of one daemon during writes (nothing acknowledged lost, the others serve on), and a
PostgreSQL stop and start mid-traffic (health NOT_SERVING meanwhile, then serving again with
nothing acknowledged lost). A daemon that cannot reach its database at start exits with 69.

Needs the server of scripts/with-postgres.sh (IMPACT_TEST_POSTGRES_URL, PGPASSWORD and the
variables to stop and start it); skipped without it. Each test works in a database of its own.
"""

import json
import os
import shlex
import subprocess
import threading
import time
import uuid

import grpc
import pytest

from conftest import DEADLINE, IMPACTD
from impact.v1 import project_service_pb2, scoring_service_pb2

URL = os.environ.get("IMPACT_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(URL is None, reason="no PostgreSQL server (run under scripts/with-postgres.sh)")
IMPACT = os.path.join(os.path.dirname(IMPACTD), "impact")


def psql(database, sql):
    """Runs `sql` as the test role, with psql."""
    base = URL.split("?")[0]
    host_port = base.split("@")[1].split("/")[0]
    host, port = host_port.rsplit(":", 1)
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "impact", "-d", database, "-c", sql],
        check=True, timeout=60, capture_output=True,
    )


@pytest.fixture
def database():
    """A new database for the test, dropped at the end; its location."""
    name = "t_" + uuid.uuid4().hex[:12]
    psql("impact_test", f"CREATE DATABASE {name}")
    yield URL.replace("/impact_test", f"/{name}")
    try:
        psql("impact_test", f"DROP DATABASE {name} WITH (FORCE)")
    except Exception:  # noqa: BLE001 - the server may be down after a failed test
        pass


def pg_ctl(*arguments):
    command = shlex.split(os.environ["IMPACT_TEST_PG_CTL"]) + ["-D", os.environ["IMPACT_TEST_POSTGRES_DATA"], *arguments]
    subprocess.run(command, check=True, timeout=60, capture_output=True)


def rank_json(daemon):
    """`impact rank --json` against `daemon`: the text a script would read."""
    result = subprocess.run(
        [IMPACT, "rank", "--json", "--server", daemon.address], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def new_project(template, project_id):
    project = project_service_pb2.CreateProjectRequest().project
    project.CopyFrom(template)
    project.id = project_id
    project.name = f"Project {project_id}"
    return project


class Writer(threading.Thread):
    """Creates projects through one daemon until stopped; keeps what was acknowledged."""

    def __init__(self, daemon, template, prefix, pause=0.0, tolerate=False):
        super().__init__(daemon=True)
        self.daemon_under_test = daemon
        self.template = template
        self.prefix = prefix
        self.pause = pause
        self.tolerate = tolerate
        self.acknowledged = {}
        self.failures = 0
        self.stopping = threading.Event()

    def run(self):
        number = 0
        while not self.stopping.is_set():
            project_id = f"{self.prefix}-{number}"
            number += 1
            try:
                response = self.daemon_under_test.projects().CreateProject(
                    project_service_pb2.CreateProjectRequest(project=new_project(self.template, project_id)),
                    timeout=DEADLINE,
                )
                self.acknowledged[project_id] = response.revision
            except grpc.RpcError:
                self.failures += 1
                if not self.tolerate:
                    return
                time.sleep(0.05)
            if self.pause:
                time.sleep(self.pause)

    def stop(self):
        self.stopping.set()
        self.join(timeout=60)


def converged(daemons, limit):
    """Seconds until every daemon's `rank --json` is the same text; fails past `limit`."""
    start = time.monotonic()
    while True:
        answers = [rank_json(daemon) for daemon in daemons]
        if all(answer == answers[0] for answer in answers):
            return time.monotonic() - start, json.loads(answers[0])
        assert time.monotonic() - start < limit, "the daemons did not converge"
        time.sleep(0.05)


@pytest.mark.time_limit(240)
def test_three_daemons_serve_one_portfolio(daemons, database):
    first = daemons("--demo", database=database)
    others = [daemons(database=database), daemons(database=database)]
    every = [first, *others]
    template = next(iter(first.all_projects().values()))
    writers = [Writer(daemon, template, f"d{index}", pause=0.01) for index, daemon in enumerate(every)]
    for writer in writers:
        writer.start()
    time.sleep(3)
    for writer in writers:
        writer.stop()
    acknowledged = {}
    for writer in writers:
        assert writer.failures == 0
        assert len(writer.acknowledged) > 5
        acknowledged.update(writer.acknowledged)
    # Every revision was given once.
    assert len(set(acknowledged.values())) == len(acknowledged)
    seconds, ranking = converged(every, limit=1.0)
    print(f"\nthree daemons: {len(acknowledged)} writes, rank --json identical after {seconds:.3f} s")
    ranked = {entry["project_id"] for entry in ranking["projects"]}
    assert set(acknowledged) <= ranked
    for daemon in every:
        assert daemon.health() == "SERVING"
    # Following the others never took their changes for a database gone back.
    with open(first.log_path) as log:
        assert "went back" not in log.read()

    # Read-your-writes: a write through one daemon, read at once through another.
    created = first.projects().CreateProject(
        project_service_pb2.CreateProjectRequest(project=new_project(template, "read-your-writes")), timeout=DEADLINE
    )
    found = others[1].projects().GetProject(
        project_service_pb2.GetProjectRequest(id="read-your-writes"),
        timeout=DEADLINE,
        metadata=(("impact-min-revision", str(created.revision)),),
    )
    assert found.project.id == "read-your-writes" and found.revision >= created.revision
    # The same through the CLI, and a revision no daemon has yet is refused after the wait.
    result = subprocess.run(
        [IMPACT, "rank", "--json", "--server", others[0].address, "--min-revision", str(created.revision)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["revision"] >= created.revision
    with pytest.raises(grpc.RpcError) as refused:
        others[0].projects().GetProject(
            project_service_pb2.GetProjectRequest(id="read-your-writes"),
            timeout=DEADLINE,
            metadata=(("impact-min-revision", str(created.revision + 1000)),),
        )
    assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    assert "not yet" in refused.value.details()


@pytest.mark.time_limit(240)
def test_kill_9_of_one_daemon_loses_nothing_and_the_others_serve(daemons, database):
    first = daemons("--demo", database=database)
    second = daemons(database=database)
    third = daemons(database=database)
    template = next(iter(first.all_projects().values()))
    writers = [Writer(daemon, template, f"k{index}", tolerate=index == 1) for index, daemon in enumerate([first, second, third])]
    for writer in writers:
        writer.start()
    time.sleep(1.5)
    second.process.kill()
    second.process.wait(timeout=30)
    time.sleep(1.5)
    for writer in writers:
        writer.stop()
    assert writers[0].failures == 0 and writers[2].failures == 0
    acknowledged = {}
    for writer in writers:
        acknowledged.update(writer.acknowledged)
    seconds, ranking = converged([first, third], limit=2.0)
    ranked = {entry["project_id"] for entry in ranking["projects"]}
    lost = set(acknowledged) - ranked
    assert not lost, f"acknowledged and lost: {sorted(lost)[:5]}"
    print(f"\nkill -9 of one of three: {len(acknowledged)} acknowledged, none lost; converged in {seconds:.3f} s")
    # The killed daemon, started again, serves the same portfolio.
    restarted = daemons(database=database)
    converged([first, restarted], limit=2.0)


@pytest.mark.time_limit(240)
def test_postgres_stop_and_start_mid_traffic(daemons, database):
    first = daemons("--demo", database=database)
    second = daemons(database=database)
    template = next(iter(first.all_projects().values()))
    writer = Writer(first, template, "r", pause=0.01, tolerate=True)
    writer.start()
    time.sleep(1)
    pg_ctl("-m", "fast", "-w", "stop")
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {first.health(), second.health()} != {"NOT_SERVING"}:
            time.sleep(0.1)
        assert first.health() == "NOT_SERVING" and second.health() == "NOT_SERVING"
    finally:
        pg_ctl("-o", os.environ["IMPACT_TEST_PG_OPTIONS"], "-l", os.environ["IMPACT_TEST_PG_LOG"], "-w", "start")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and {first.health(), second.health()} != {"SERVING"}:
        time.sleep(0.1)
    assert first.health() == "SERVING" and second.health() == "SERVING"
    time.sleep(1)
    writer.stop()
    assert writer.failures > 0, "the writes were refused while the database was down"
    seconds, ranking = converged([first, second], limit=2.0)
    ranked = {entry["project_id"] for entry in ranking["projects"]}
    assert set(writer.acknowledged) <= ranked
    print(f"\nPostgreSQL stopped and started: {len(writer.acknowledged)} acknowledged, {writer.failures} refused meanwhile")


@pytest.mark.time_limit(180)
def test_backup_restored_under_running_daemons(daemons, database, workdir):
    """pg_dump, more writes, pg_restore --clean while two daemons run: both go back to the
    dump's portfolio within seconds (it is what the database holds), a watch stream ends saying
    why, and writes go on from there."""
    first = daemons("--demo", database=database)
    second = daemons(database=database)
    template = next(iter(first.all_projects().values()))
    for number in range(5):
        first.projects().CreateProject(
            project_service_pb2.CreateProjectRequest(project=new_project(template, f"kept-{number}")), timeout=DEADLINE
        )
    converged([first, second], limit=2.0)
    at_dump = json.loads(rank_json(second))
    dump = os.path.join(workdir, "impact.dump")
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", database], check=True, timeout=120)
    for number in range(5):
        second.projects().CreateProject(
            project_service_pb2.CreateProjectRequest(project=new_project(template, f"after-{number}")), timeout=DEADLINE
        )
    converged([first, second], limit=2.0)
    watch = subprocess.Popen(
        [IMPACT, "watch", "--json", "--server", second.address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.0)  # the watch is connected
    subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--single-transaction", f"--dbname={database}", dump],
        check=True, timeout=120, capture_output=True,
    )
    seconds, ranking = converged([first, second], limit=5.0)
    deadline = time.monotonic() + 10
    while json.loads(rank_json(first))["revision"] != at_dump["revision"]:
        assert time.monotonic() < deadline, "the daemons did not go back to the restored revision"
        time.sleep(0.1)
    ranking = json.loads(rank_json(first))
    assert ranking["projects"] == at_dump["projects"]
    assert json.loads(rank_json(second))["projects"] == at_dump["projects"]
    _, errors = watch.communicate(timeout=30)
    assert watch.returncode != 0
    assert f"went back from revision {at_dump['revision'] + 5} to revision {at_dump['revision']}" in errors, errors
    with open(first.log_path) as log:
        assert "went back" in log.read()
    # Writes go on from the restored revision, and both daemons serve them.
    created = second.projects().CreateProject(
        project_service_pb2.CreateProjectRequest(project=new_project(template, "after-restore")), timeout=DEADLINE
    )
    assert created.revision == at_dump["revision"] + 1
    converged([first, second], limit=2.0)
    print(f"\nbackup restored under two daemons: back to revision {at_dump['revision']}")


def test_unreachable_database_at_start_exits_69(workdir):
    result = subprocess.run(
        [IMPACTD, "--listen", "127.0.0.1:0", "--database", "postgres://impact@127.0.0.1:1/none?sslmode=disable"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 69, result.stderr
    assert "cannot reach the database postgres://impact@127.0.0.1:1/none" in result.stderr


def test_password_from_a_file_and_settings_postgres_does_not_have(daemons, database, workdir):
    """The password comes from the file --database-password-file (or the configuration's
    databasePasswordFile) names; without one the start fails with 69 and says so; a setting of
    the SQLite file is refused with 78, naming it."""
    without_password = {name: value for name, value in os.environ.items() if name != "PGPASSWORD"}
    password_file = os.path.join(workdir, "pg-password")
    with open(password_file, "w") as handle:
        handle.write(os.environ["PGPASSWORD"] + "\n")

    missing = subprocess.run(
        [IMPACTD, "--listen", "127.0.0.1:0", "--database", database],
        capture_output=True, text=True, timeout=60, env=without_password,
    )
    assert missing.returncode == 69, missing.stderr
    assert "asks for a password and none was given" in missing.stderr

    daemon = daemons("--demo", "--database-password-file", password_file, database=database, env=without_password)
    assert daemon.health() == "SERVING"
    config = os.path.join(workdir, "impactd.json")
    with open(config, "w") as handle:
        json.dump({"database": database, "databasePasswordFile": password_file}, handle)
    listed = subprocess.run(
        [IMPACTD, "token", "list", "--config", config], capture_output=True, text=True, timeout=60, env=without_password
    )
    assert listed.returncode == 0, listed.stderr

    for flags, setting in (
        (["--durability", "normal"], "--durability"),
        (["--integrity", "full"], "--integrity"),
        (["--max-database-size", "1G"], "--max-database-size"),
    ):
        refused = subprocess.run(
            [IMPACTD, "--listen", "127.0.0.1:0", "--database", database, *flags],
            capture_output=True, text=True, timeout=60,
        )
        assert refused.returncode == 78, refused.stderr
        assert f"{setting}: applies to a SQLite file only" in refused.stderr


@pytest.mark.time_limit(120)
def test_tokens_of_the_shared_database_hold_for_every_daemon(daemons, database):
    created = subprocess.run(
        [IMPACTD, "token", "create", "amel", "--role", "editor", "--database", database],
        capture_output=True, text=True, timeout=60,
    )
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    first = daemons("--auth", "on", "--demo", database=database)
    second = daemons("--auth", "on", database=database)
    call = [IMPACT, "rank", "--top", "1", "--json"]
    refused = subprocess.run(call + ["--server", second.address], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 77, refused.stderr
    for daemon in (first, second):
        answered = subprocess.run(
            call + ["--server", daemon.address, "--token", token], capture_output=True, text=True, timeout=60
        )
        assert answered.returncode == 0, answered.stderr
    revoked = subprocess.run(
        [IMPACTD, "token", "revoke", "amel", "--database", database], capture_output=True, text=True, timeout=60
    )
    assert revoked.returncode == 0, revoked.stderr
    time.sleep(1.5)  # the verifiers keep an answer for a second
    for daemon in (first, second):
        answered = subprocess.run(
            call + ["--server", daemon.address, "--token", token], capture_output=True, text=True, timeout=60
        )
        assert answered.returncode == 77, answered.stdout
