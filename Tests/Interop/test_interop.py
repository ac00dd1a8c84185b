"""An external client against the real impactd: Python grpcio with stubs generated from Proto/.

Run by scripts/interop-python.sh, which sets IMPACTD (the daemon binary) and IMPACT_STUBS (the
folder holding the Python code protoc generated from Proto/). Every call has a deadline; the
daemon runs on 127.0.0.1 port 0 with a temporary database and is stopped by the last test with
SIGTERM (or killed by the fixture if a test failed before that).
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import grpc
import pytest

STUBS = os.environ["IMPACT_STUBS"]
sys.path.insert(0, STUBS)

# The stock client from grpcio-health-checking, generated from its own copy of health.proto.
from grpc_health.v1 import health_pb2 as stock_health_pb2  # noqa: E402
from grpc_health.v1 import health_pb2_grpc as stock_health_pb2_grpc  # noqa: E402

# protoc puts the project's health.proto under grpc/health/v1/, inside the name of grpcio's own
# `grpc` package: make that package's path reach the generated folder too.
grpc.__path__.append(os.path.join(STUBS, "grpc"))
from grpc.health.v1 import health_pb2 as generated_health_pb2  # noqa: E402
from grpc.health.v1 import health_pb2_grpc as generated_health_pb2_grpc  # noqa: E402

# grpcio aliases `grpc.reflection` to grpcio-reflection's `grpc_reflection` package, which has
# v1alpha only: the v1 stubs generated from Proto/ are reached through that package's path.
import grpc_reflection  # noqa: E402

grpc_reflection.__path__.append(os.path.join(STUBS, "grpc", "reflection"))
from grpc.reflection.v1 import reflection_pb2, reflection_pb2_grpc  # noqa: E402

# Server reflection as tools use it: grpcio-reflection's descriptor database (v1alpha) behind a
# protobuf descriptor pool, so messages are built from what the daemon describes.
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory  # noqa: E402
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (  # noqa: E402
    ProtoReflectionDescriptorDatabase,
)

from impact.v1 import portfolio_service_pb2, portfolio_service_pb2_grpc  # noqa: E402
from impact.v1 import project_pb2  # noqa: E402
from impact.v1 import project_service_pb2, project_service_pb2_grpc  # noqa: E402
from impact.v1 import scoring_service_pb2, scoring_service_pb2_grpc  # noqa: E402
from impact.v1 import status_service_pb2, status_service_pb2_grpc  # noqa: E402

DEADLINE = 10  # seconds, for every RPC
START_LIMIT = 60  # seconds for the daemon to listen, then to be SERVING


class Daemon:
    """A running impactd process and the address it listens on."""

    def __init__(self, process, address, log_path):
        self.process = process
        self.address = address
        self.log_path = log_path

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()[-4000:]


def read_listening_line(process, limit):
    """The `listening HOST:PORT` line impactd prints once bound, read with a time limit."""
    found = {}

    def read():
        for line in process.stdout:
            match = re.match(r"listening (\S+)", line)
            if match:
                found["address"] = match.group(1)
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(limit)
    return found.get("address")


@pytest.fixture(scope="module")
def daemon():
    workdir = tempfile.mkdtemp(prefix="impact-interop-")
    log_path = os.path.join(workdir, "impactd.log")
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                os.environ["IMPACTD"],
                "--demo",
                "--listen",
                "127.0.0.1:0",
                "--database",
                os.path.join(workdir, "impact.sqlite"),
            ],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    try:
        address = read_listening_line(process, START_LIMIT)
        assert address, f"impactd printed no 'listening' line within {START_LIMIT} s"
        yield Daemon(process, address, log_path)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def channel(daemon):
    with grpc.insecure_channel(daemon.address) as channel:
        grpc.channel_ready_future(channel).result(timeout=DEADLINE)
        yield channel


def wait_until_serving(check):
    """Calls `check()` until it answers SERVING or START_LIMIT passes; returns the last status."""
    deadline = time.monotonic() + START_LIMIT
    status = None
    while time.monotonic() < deadline:
        status = check()
        if status == "SERVING":
            return status
        time.sleep(0.05)
    return status


def test_health_check_with_the_stock_client_is_serving(channel):
    stub = stock_health_pb2_grpc.HealthStub(channel)

    def check():
        response = stub.Check(stock_health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
        return stock_health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)

    assert wait_until_serving(check) == "SERVING"


def test_health_check_with_the_generated_client_is_serving(channel):
    stub = generated_health_pb2_grpc.HealthStub(channel)

    def check():
        response = stub.Check(generated_health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE)
        return generated_health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)

    assert wait_until_serving(check) == "SERVING"
    services = stub.List(generated_health_pb2.HealthListRequest(), timeout=DEADLINE).statuses
    assert "impact.v1.ScoringService" in services
    assert services["impact.v1.ScoringService"].status == generated_health_pb2.HealthCheckResponse.SERVING


def test_health_check_of_an_unknown_service_is_not_found(channel):
    stub = stock_health_pb2_grpc.HealthStub(channel)
    with pytest.raises(grpc.RpcError) as caught:
        stub.Check(stock_health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=DEADLINE)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


def test_status_reports_the_demo_portfolio(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    listed = projects.ListProjects(project_service_pb2.ListProjectsRequest(page_size=1), timeout=DEADLINE)
    status = status_service_pb2_grpc.StatusServiceStub(channel).GetStatus(
        status_service_pb2.GetStatusRequest(), timeout=DEADLINE
    )
    assert status.serving
    assert status.project_count == listed.total_size
    assert status.project_count > 0
    assert status.revision == listed.revision


def test_get_project_score_of_a_listed_project(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    listed = projects.ListProjects(project_service_pb2.ListProjectsRequest(page_size=5), timeout=DEADLINE)
    assert len(listed.projects) == 5
    assert listed.next_page_token
    project = listed.projects[2]

    scoring = scoring_service_pb2_grpc.ScoringServiceStub(channel)
    response = scoring.GetProjectScore(
        scoring_service_pb2.GetProjectScoreRequest(id=project.id, explain=True), timeout=DEADLINE
    )
    score = response.score
    assert score.project_id == project.id
    assert score.name == project.name
    assert score.amount == project.amount
    assert [outcome.outcome_id for outcome in score.outcomes] == [outcome.id for outcome in project.outcomes]
    assert 0 <= score.composite <= 100
    assert 1 <= score.rank <= listed.total_size
    assert len(score.explanation.steps) > 0
    assert response.revision == listed.revision


def test_rank_projects_agrees_with_project_scores(channel):
    scoring = scoring_service_pb2_grpc.ScoringServiceStub(channel)
    ranked = scoring.RankProjects(scoring_service_pb2.RankProjectsRequest(top=5), timeout=DEADLINE)
    assert len(ranked.projects) == 5
    assert ranked.total_size >= 5
    assert [entry.rank for entry in ranked.projects] == [1, 2, 3, 4, 5]
    scores = [entry.rank_score for entry in ranked.projects]
    assert scores == sorted(scores, reverse=True)
    for entry in ranked.projects:
        score = scoring.GetProjectScore(
            scoring_service_pb2.GetProjectScoreRequest(id=entry.project_id), timeout=DEADLINE
        ).score
        assert score.rank == entry.rank
        assert score.rank_score == pytest.approx(entry.rank_score, abs=1e-12)
        assert score.composite == pytest.approx(entry.composite, abs=1e-12)


def test_portfolio_summary_covers_the_ranked_projects(channel):
    scoring = scoring_service_pb2_grpc.ScoringServiceStub(channel)
    summary_response = scoring.GetPortfolioSummary(
        scoring_service_pb2.GetPortfolioSummaryRequest(), timeout=DEADLINE
    )
    ranked = scoring.RankProjects(scoring_service_pb2.RankProjectsRequest(), timeout=DEADLINE)
    summary = summary_response.summary
    assert summary.scheme_id == ranked.scheme_id
    assert summary.projects == ranked.total_size
    assert summary.total_amount == pytest.approx(sum(entry.amount for entry in ranked.projects))
    assert 0 < summary.coverage <= 1
    assert len(summary.exposure) > 0
    assert summary_response.revision == ranked.revision


def test_the_summary_lists_the_largest_contributions_only(channel):
    scoring = scoring_service_pb2_grpc.ScoringServiceStub(channel)
    ranked = scoring.RankProjects(scoring_service_pb2.RankProjectsRequest(), timeout=DEADLINE)
    response = scoring.GetPortfolioSummary(
        scoring_service_pb2.GetPortfolioSummaryRequest(top_contributions=3), timeout=DEADLINE
    )
    listed = [entry.contribution for entry in response.summary.contributions]
    assert len(listed) == 3
    assert listed == sorted(listed, reverse=True)
    assert response.contribution_count == ranked.total_size
    streamed = scoring.StreamProjectScores(scoring_service_pb2.StreamProjectScoresRequest(), timeout=DEADLINE)
    every = sorted((m.score.contribution for m in streamed if m.WhichOneof("item") == "score"), reverse=True)
    assert listed == pytest.approx(every[:3], abs=1e-12)


def test_a_streamed_export_is_the_one_message_export(channel):
    portfolio = portfolio_service_pb2_grpc.PortfolioServiceStub(channel)
    messages = list(
        portfolio.ExportPortfolioStream(portfolio_service_pb2.ExportPortfolioStreamRequest(), timeout=DEADLINE)
    )
    header = messages[0].header
    chunks = [message.chunk for message in messages[1:]]
    assert messages[0].WhichOneof("part") == "header"
    assert all(message.WhichOneof("part") == "chunk" for message in messages[1:])
    assert all(len(chunk.projects) <= 250 for chunk in chunks)
    streamed = [project for chunk in chunks for project in chunk.projects]
    assert len(streamed) == header.project_count
    assert [project.id for project in streamed] == sorted(project.id for project in streamed)
    whole = portfolio.ExportPortfolio(portfolio_service_pb2.ExportPortfolioRequest(), timeout=DEADLINE)
    assert whole.revision == header.revision
    for project in streamed:
        assert '"' + project.id + '"' in whole.json_document


def test_a_negative_top_is_invalid_argument_naming_the_field(channel):
    scoring = scoring_service_pb2_grpc.ScoringServiceStub(channel)
    with pytest.raises(grpc.RpcError) as caught:
        scoring.RankProjects(scoring_service_pb2.RankProjectsRequest(top=-1), timeout=DEADLINE)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.details().startswith("top:")


def test_an_invalid_project_is_invalid_argument_naming_the_field(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    template = projects.ListProjects(
        project_service_pb2.ListProjectsRequest(page_size=1), timeout=DEADLINE
    ).projects[0]
    project = project_pb2.Project()
    project.CopyFrom(template)
    project.id = "interop-invalid-share"
    project.outcomes[0].share = 7
    with pytest.raises(grpc.RpcError) as caught:
        projects.CreateProject(project_service_pb2.CreateProjectRequest(project=project), timeout=DEADLINE)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert f"projects[interop-invalid-share].outcomes[{template.outcomes[0].id}].share" in caught.value.details()
    with pytest.raises(grpc.RpcError) as missing:
        projects.GetProject(project_service_pb2.GetProjectRequest(id="interop-invalid-share"), timeout=DEADLINE)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND


def read_fields(data):
    """The fields of a protobuf message as (number, value) pairs: ints for varints, bytes for
    length-delimited fields (the only wire types google.rpc.Status and its details use)."""
    fields, index = [], 0

    def varint():
        nonlocal index
        value, shift = 0, 0
        while True:
            byte = data[index]
            index += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    while index < len(data):
        key = varint()
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            fields.append((number, varint()))
        elif wire_type == 2:
            length = varint()
            fields.append((number, data[index:index + length]))
            index += length
        else:
            raise ValueError(f"unexpected wire type {wire_type}")
    return fields


def status_details(error):
    """The details of the google.rpc.Status in grpc-status-details-bin, by type name, each
    as its fields; read by hand so the test needs no googleapis-common-protos."""
    trailers = dict(error.trailing_metadata() or ())
    status = read_fields(trailers["grpc-status-details-bin"])
    details = {}
    for number, value in status:
        if number == 3:
            any_fields = dict(read_fields(value))
            type_name = any_fields[1].decode().rsplit("/", 1)[-1]
            details[type_name] = read_fields(any_fields.get(2, b""))
    return status, details


def test_a_refusal_carries_error_info_and_a_french_localized_message(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    with pytest.raises(grpc.RpcError) as caught:
        projects.GetProject(
            project_service_pb2.GetProjectRequest(id="nope"),
            metadata=[("accept-language", "fr-FR")],
            timeout=DEADLINE,
        )
    error = caught.value
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert error.details() == "project 'nope' not found"
    status, details = status_details(error)
    assert (1, grpc.StatusCode.NOT_FOUND.value[0]) in status
    info = details["google.rpc.ErrorInfo"]
    assert (1, b"PROJECT_NOT_FOUND") in info
    assert (2, b"impact.v1") in info
    metadata = {dict(read_fields(entry))[1]: dict(read_fields(entry))[2] for number, entry in info if number == 3}
    assert metadata[b"project"] == b"nope"
    localized = dict(details["google.rpc.LocalizedMessage"])
    assert localized[1] == b"fr"
    assert localized[2].decode() == "projet « nope » introuvable"


def test_a_validation_refusal_lists_bad_fields_in_bad_request(channel):
    projects = project_service_pb2_grpc.ProjectServiceStub(channel)
    template = projects.ListProjects(
        project_service_pb2.ListProjectsRequest(page_size=1), timeout=DEADLINE
    ).projects[0]
    project = project_pb2.Project()
    project.CopyFrom(template)
    project.id = "interop-invalid-amount"
    project.amount = -1
    with pytest.raises(grpc.RpcError) as caught:
        projects.CreateProject(
            project_service_pb2.CreateProjectRequest(project=project),
            metadata=[("accept-language", "fr")],
            timeout=DEADLINE,
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    _, details = status_details(caught.value)
    assert (1, b"VALIDATION_FAILED") in details["google.rpc.ErrorInfo"]
    violations = [dict(read_fields(value)) for number, value in details["google.rpc.BadRequest"] if number == 1]
    assert violations[0][1] == b"projects[interop-invalid-amount].amount"
    assert violations[0][3] == b"AMOUNT_RANGE"
    assert dict(details["google.rpc.LocalizedMessage"])[2].decode().startswith("données refusées, 1 problème :")


def dynamic_unary(channel, pool, service, method):
    """A callable for `service/method` whose request and response classes come from `pool`."""
    descriptor = pool.FindServiceByName(service).methods_by_name[method]
    request_class = message_factory.GetMessageClass(descriptor.input_type)
    response_class = message_factory.GetMessageClass(descriptor.output_type)
    call = channel.unary_unary(
        f"/{service}/{method}",
        request_serializer=request_class.SerializeToString,
        response_deserializer=response_class.FromString,
    )
    return request_class, call


def test_reflection_lets_a_client_without_stubs_call_get_project_score(channel):
    database = ProtoReflectionDescriptorDatabase(channel)
    services = database.get_services()
    for service in [
        "impact.v1.ScoringService",
        "impact.v1.ProjectService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ]:
        assert service in services
    pool = descriptor_pool.DescriptorPool(database)
    scoring = pool.FindServiceByName("impact.v1.ScoringService")
    assert "GetProjectScore" in scoring.methods_by_name

    # A project of the demo portfolio, listed through reflection too.
    list_request, list_projects = dynamic_unary(channel, pool, "impact.v1.ProjectService", "ListProjects")
    listed = list_projects(list_request(page_size=3), timeout=DEADLINE)
    project = listed.projects[2]

    score_request, get_project_score = dynamic_unary(channel, pool, "impact.v1.ScoringService", "GetProjectScore")
    response = get_project_score(score_request(id=project.id), timeout=DEADLINE)
    assert response.HasField("score")
    assert response.score.project_id == project.id
    assert 0 <= response.score.composite <= 100
    assert response.revision == listed.revision

    # The dynamic answer is the one the generated stubs read.
    generated = scoring_service_pb2_grpc.ScoringServiceStub(channel).GetProjectScore(
        scoring_service_pb2.GetProjectScoreRequest(id=project.id), timeout=DEADLINE
    )
    assert generated.SerializeToString(deterministic=True) == response.SerializeToString(deterministic=True)


def test_reflection_v1_with_its_stubs(channel):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    requests = [
        reflection_pb2.ServerReflectionRequest(list_services=""),
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="impact.v1.ScoringService.GetProjectScore"),
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="impact.v1.NoSuchService"),
        reflection_pb2.ServerReflectionRequest(file_by_filename="impact/v1/score.proto"),
    ]
    responses = list(stub.ServerReflectionInfo(iter(requests), timeout=DEADLINE))
    assert len(responses) == 4

    listed = {service.name for service in responses[0].list_services_response.service}
    assert "impact.v1.ScoringService" in listed
    assert "grpc.reflection.v1.ServerReflection" in listed

    files = [
        descriptor_pb2.FileDescriptorProto.FromString(data)
        for data in responses[1].file_descriptor_response.file_descriptor_proto
    ]
    assert files[0].name == "impact/v1/scoring_service.proto"
    scoring = [service for service in files[0].service if service.name == "ScoringService"][0]
    assert "GetProjectScore" in [method.name for method in scoring.method]
    names = {file.name for file in files}
    assert all(dependency in names for file in files for dependency in file.dependency)

    assert responses[2].WhichOneof("message_response") == "error_response"
    assert responses[2].error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]

    # score.proto's imports were sent on this stream already: the file alone.
    again = responses[3].file_descriptor_response.file_descriptor_proto
    assert [descriptor_pb2.FileDescriptorProto.FromString(data).name for data in again] == ["impact/v1/score.proto"]


def test_sigterm_stops_the_daemon_with_exit_code_zero(daemon, channel):
    daemon.process.send_signal(signal.SIGTERM)
    try:
        code = daemon.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("impactd did not exit within 30 s of SIGTERM:\n" + daemon.log())
    assert code == 0, daemon.log()
