"""A read-only database: impactd started with --read-only on a seeded file serves every read and
refuses every kind of write with FAILED_PRECONDITION; the file's journal, revision and bytes are
unchanged."""

import hashlib
import json
import os

import grpc
import pytest

from conftest import (
    DEADLINE,
    export_document,
    generated_document,
    integrity_check,
    portfolio_service_pb2,
    project_pb2,
    project_service_pb2,
    stored_revision,
)
from impact.v1 import audit_service_pb2, audit_service_pb2_grpc  # noqa: E402
from impact.v1 import scoring_service_pb2, scoring_service_pb2_grpc  # noqa: E402
from impact.v1 import watch_service_pb2, watch_service_pb2_grpc  # noqa: E402


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def seed(daemons, database):
    """The demo portfolio plus a rating and an observation, then a clean stop."""
    daemon = daemons("--demo", database=database)
    project = export_document(daemon)["projects"][0]
    daemon.projects().RecordRating(
        project_service_pb2.RecordRatingRequest(
            project_id=project["id"], rating=project_pb2.Rating(criterion="who", rater="seed", value=3)
        ),
        timeout=DEADLINE,
    )
    daemon.projects().RecordObservation(
        project_service_pb2.RecordObservationRequest(
            observation=project_pb2.Observation(
                project_id=project["id"], outcome_id=project["outcomes"][0]["id"], value=1.0, period="2026"
            )
        ),
        timeout=DEADLINE,
    )
    assert daemon.terminate() == 0
    return project


@pytest.mark.time_limit(180)
def test_read_only_serves_reads_and_refuses_every_write(daemons, workdir):
    database = os.path.join(workdir, "impact.sqlite")
    seeded = seed(daemons, database)
    revision, journal = stored_revision(database)
    file_digest = digest(database)

    daemon = daemons("--read-only", database=database)
    projects = daemon.projects()
    portfolio = daemon.portfolio()
    scoring = scoring_service_pb2_grpc.ScoringServiceStub(daemon.channel)

    # Reads.
    status = daemon.status()
    assert status.revision == revision
    stored = daemon.all_projects()
    assert len(stored) == status.project_count
    project = projects.GetProject(project_service_pb2.GetProjectRequest(id=seeded["id"]), timeout=DEADLINE).project
    assert any(rating.rater == "seed" for rating in project.ratings)
    document = export_document(daemon)
    assert len(document["projects"]) == status.project_count
    scheme = portfolio.GetScheme(portfolio_service_pb2.GetSchemeRequest(), timeout=DEADLINE)
    assert scoring.RankProjects(scoring_service_pb2.RankProjectsRequest(top=3), timeout=DEADLINE).projects
    assert scoring.GetPortfolioSummary(scoring_service_pb2.GetPortfolioSummaryRequest(), timeout=DEADLINE).revision == revision
    observations = projects.ListObservations(
        project_service_pb2.ListObservationsRequest(project_id=seeded["id"]), timeout=DEADLINE
    )
    assert len(observations.observations) == 1
    audit = audit_service_pb2_grpc.AuditServiceStub(daemon.channel).ListAuditEntries(
        audit_service_pb2.ListAuditEntriesRequest(page_size=100), timeout=DEADLINE
    )
    assert len(audit.entries) == journal
    replay = watch_service_pb2_grpc.WatchServiceStub(daemon.channel).WatchChanges(
        watch_service_pb2.WatchChangesRequest(since_revision=0), timeout=DEADLINE
    )
    first = next(replay)
    assert first.revision == 1
    replay.cancel()
    # A dry run writes nothing, so it is served.
    dry = portfolio.ImportPortfolio(
        portfolio_service_pb2.ImportPortfolioRequest(json_document=json.dumps(document), validate_only=True),
        timeout=DEADLINE,
    )
    assert dry.revision == revision

    # Every kind of write.
    new_project = project_pb2.Project()
    new_project.CopyFrom(project)
    new_project.id = "read-only-new"
    renamed = project_pb2.Project()
    renamed.CopyFrom(project)
    renamed.name = "Renamed while read-only"
    writes = {
        "CreateProject": lambda: projects.CreateProject(
            project_service_pb2.CreateProjectRequest(project=new_project), timeout=DEADLINE
        ),
        "UpdateProject": lambda: projects.UpdateProject(
            project_service_pb2.UpdateProjectRequest(project=renamed), timeout=DEADLINE
        ),
        "DeleteProject": lambda: projects.DeleteProject(
            project_service_pb2.DeleteProjectRequest(id=seeded["id"]), timeout=DEADLINE
        ),
        "RecordRating": lambda: projects.RecordRating(
            project_service_pb2.RecordRatingRequest(
                project_id=seeded["id"], rating=project_pb2.Rating(criterion="who", rater="blocked", value=1)
            ),
            timeout=DEADLINE,
        ),
        "RecordObservation": lambda: projects.RecordObservation(
            project_service_pb2.RecordObservationRequest(
                observation=project_pb2.Observation(
                    project_id=seeded["id"], outcome_id=seeded["outcomes"][0]["id"], value=2.0, period="2026"
                )
            ),
            timeout=DEADLINE,
        ),
        "ImportPortfolio upsert": lambda: portfolio.ImportPortfolio(
            portfolio_service_pb2.ImportPortfolioRequest(
                json_document=generated_document(document["projects"], 5, "read-only")
            ),
            timeout=DEADLINE,
        ),
        "ImportPortfolio replace": lambda: portfolio.ImportPortfolio(
            portfolio_service_pb2.ImportPortfolioRequest(
                json_document=generated_document(document["projects"], 5, "read-only"),
                mode=portfolio_service_pb2.IMPORT_MODE_REPLACE,
                # It would also delete every stored project and undo newer ratings: read-only
                # is still the reason given, before any other.
            ),
            timeout=DEADLINE,
        ),
        "SetScheme": lambda: portfolio.SetScheme(
            portfolio_service_pb2.SetSchemeRequest(document_json=scheme.document_json), timeout=DEADLINE
        ),
    }
    for name, write in writes.items():
        with pytest.raises(grpc.RpcError) as refused:
            write()
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION, f"{name}: {refused.value.details()}"
        assert "read-only; the change was not saved" in refused.value.details(), name
        assert daemon.status().revision == revision, name

    assert daemon.all_projects() == stored
    assert daemon.health() == "SERVING"
    assert daemon.terminate() == 0

    assert stored_revision(database) == (revision, journal)
    assert digest(database) == file_digest
    assert integrity_check(database) == ["ok"]

    # The same file opens writable again afterwards.
    writable = daemons(database=database)
    assert writable.status().revision == revision
    assert writable.terminate() == 0


@pytest.mark.time_limit(120)
def test_read_only_after_a_crash_serves_the_acknowledged_writes(daemons, workdir):
    """After kill -9 the acknowledged writes are still in the WAL: a read-only daemon reads them
    from there and changes neither the file nor the WAL."""
    database = os.path.join(workdir, "impact.sqlite")
    daemon = daemons("--demo", database=database)
    project = export_document(daemon)["projects"][0]
    rated = daemon.projects().RecordRating(
        project_service_pb2.RecordRatingRequest(
            project_id=project["id"], rating=project_pb2.Rating(criterion="who", rater="before-crash", value=2)
        ),
        timeout=DEADLINE,
    )
    daemon.kill()
    digests = {suffix: digest(database + suffix) for suffix in ["", "-wal"] if os.path.exists(database + suffix)}

    reader = daemons("--read-only", database=database)
    assert reader.status().revision == rated.revision
    stored = reader.projects().GetProject(project_service_pb2.GetProjectRequest(id=project["id"]), timeout=DEADLINE)
    assert any(rating.rater == "before-crash" for rating in stored.project.ratings)
    with pytest.raises(grpc.RpcError) as refused:
        reader.projects().DeleteProject(project_service_pb2.DeleteProjectRequest(id=project["id"]), timeout=DEADLINE)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert reader.terminate() == 0
    assert {suffix: digest(database + suffix) for suffix in digests} == digests
