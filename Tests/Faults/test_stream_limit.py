"""The concurrent-stream limit of one HTTP/2 connection (limits.maxConcurrentStreamsPerConnection):
the daemon announces it in its SETTINGS, so a client holding that many open streams on one
connection waits before starting another there; another connection is served at once, and the
waiting call runs as soon as a stream closes."""

import json
import os
import threading

import grpc
import pytest

from conftest import status_service_pb2, status_service_pb2_grpc
from impact.v1 import watch_service_pb2, watch_service_pb2_grpc  # noqa: E402

STREAM_LIMIT = 2


@pytest.mark.time_limit(120)
def test_streams_beyond_the_limit_wait_on_their_connection(daemons, workdir):
    configuration = os.path.join(workdir, "impactd.json")
    with open(configuration, "w") as handle:
        json.dump({"limits": {"maxConcurrentStreamsPerConnection": STREAM_LIMIT}}, handle)
    daemon = daemons("--demo", "--config", configuration)

    watch = watch_service_pb2_grpc.WatchServiceStub(daemon.channel)
    streams = [watch.WatchChanges(watch_service_pb2.WatchChangesRequest(since_revision=0), timeout=60) for _ in range(STREAM_LIMIT)]
    try:
        for stream in streams:
            assert next(stream).revision == 1

        # A third stream on the same connection is not started while both are open.
        status = status_service_pb2_grpc.StatusServiceStub(daemon.channel)
        with pytest.raises(grpc.RpcError) as waited:
            status.GetStatus(status_service_pb2.GetStatusRequest(), timeout=1)
        assert waited.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED

        # Another connection is served at once (a channel option keeps grpcio from sharing one).
        with grpc.insecure_channel(daemon.address, options=[("grpc.use_local_subchannel_pool", 1)]) as other:
            served = status_service_pb2_grpc.StatusServiceStub(other).GetStatus(
                status_service_pb2.GetStatusRequest(), timeout=10
            )
            assert served.serving

        # Once a stream closes, the waiting call runs on the first connection.
        answer = {}
        caller = threading.Thread(
            target=lambda: answer.setdefault("status", status.GetStatus(status_service_pb2.GetStatusRequest(), timeout=20))
        )
        caller.start()
        streams[0].cancel()
        caller.join(30)
        assert "status" in answer and answer["status"].serving
    finally:
        for stream in streams:
            stream.cancel()
    assert daemon.terminate() == 0
