"""A database that cannot grow: impactd started with --max-database-size refuses the import that
would pass the limit with RESOURCE_EXHAUSTED, changes nothing in memory or on disk, keeps serving
reads and the writes that fit, and after a restart without the limit holds exactly what it
acknowledged."""

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
)

LIMIT = 2 * 1024 * 1024  # bytes; the demo portfolio needs a few hundred kilobytes


def import_json(daemon, document):
    return daemon.portfolio().ImportPortfolio(
        portfolio_service_pb2.ImportPortfolioRequest(json_document=document), timeout=60
    )


@pytest.mark.time_limit(240)
def test_full_database_refuses_the_write_and_keeps_serving(daemons, workdir):
    database = os.path.join(workdir, "impact.sqlite")
    daemon = daemons("--demo", "--max-database-size", "2M")
    template = export_document(daemon)["projects"]
    before = daemon.status()
    project_before = daemon.projects().GetProject(
        project_service_pb2.GetProjectRequest(id=template[0]["id"]), timeout=DEADLINE
    )

    # About 1.6 MB of JSON, 1 300 projects: more than the 2 MiB the file may hold once stored (rows
    # and journal), and under the 200 000 values one ImportPortfolio parses.
    large = generated_document(template, 1300, "filler")
    assert len(large) < 12 * 1024 * 1024
    for attempt in range(2):
        with pytest.raises(grpc.RpcError) as refused:
            import_json(daemon, large)
        assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, refused.value.details()
        details = refused.value.details()
        assert "the change was not saved" in details
        assert "is full" in details
        assert f"{LIMIT} bytes" in details
        assert "--max-database-size" in details

        # Memory unchanged: same revision, same projects, same project content.
        after = daemon.status()
        assert after.revision == before.revision
        assert after.project_count == before.project_count
        project_after = daemon.projects().GetProject(
            project_service_pb2.GetProjectRequest(id=template[0]["id"]), timeout=DEADLINE
        )
        assert project_after == project_before

    # Reads keep being served.
    assert daemon.health() == "SERVING"
    assert len(daemon.all_projects()) == before.project_count
    assert len(export_document(daemon)["projects"]) == before.project_count

    # A write that fits is still accepted and acknowledged.
    rated = daemon.projects().RecordRating(
        project_service_pb2.RecordRatingRequest(
            project_id=template[0]["id"],
            rating=project_pb2.Rating(criterion="who", rater="disk-full-test", value=2.5),
        ),
        timeout=DEADLINE,
    )
    assert rated.revision == before.revision + 1
    acknowledged = daemon.all_projects()
    assert daemon.terminate() == 0

    # The main file never passed the limit.
    assert os.path.getsize(database) <= LIMIT

    # After a restart without the limit, the disk holds what was acknowledged and nothing else.
    restarted = daemons()
    status = restarted.status()
    assert status.revision == rated.revision
    stored = restarted.all_projects()
    assert stored == acknowledged
    assert not any(project_id.startswith("filler-") for project_id in stored)
    # Without the limit the same import now fits.
    imported = import_json(restarted, large)
    assert imported.created == 1300
    assert restarted.terminate() == 0
    assert integrity_check(database) == ["ok"]
