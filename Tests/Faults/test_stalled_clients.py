"""Clients that hold the daemon without reading, and connections that never speak HTTP/2.

- A Health/Watch and an ExportPortfolio opened by hand on raw sockets whose reader never reads
  (nor answers a PING) must not keep impactd alive after SIGTERM: it exits within the grace
  period and a few seconds (it stayed alive 150 s).
- 300 raw TCP connections that never send the HTTP/2 preface, against a daemon limited to 256
  file descriptors, must neither stop it from serving nor stay open: past the connection cap
  they are closed at once, and the others after the preface timeout.
"""

import resource
import socket
import struct
import time

import pytest

from conftest import export_document, generated_document, portfolio_service_pb2

GRACE = 2


def frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def request_headers(stream, path):
    """HEADERS opening a gRPC call, each field a literal without indexing (RFC 7541, 6.2.2)."""
    block = b""
    for name, value in [
        (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
        ("content-type", "application/grpc"), ("te", "trailers"),
    ]:
        block += bytes([0, len(name)]) + name.encode() + bytes([len(value)]) + value.encode()
    return frame(1, 0x4, stream, block)


def stalled_call(address, path, message):
    """A socket that opens one call with `message` and then never reads anything."""
    host, port = address.rsplit(":", 1)
    connection = socket.create_connection((host, int(port)))
    # A small receive buffer, so that the daemon's writes stall soon.
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    body = b"\x00" + struct.pack(">I", len(message)) + message
    connection.sendall(
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(4, 0, 0) + request_headers(1, path) + frame(0, 0x1, 1, body)
    )
    return connection


@pytest.mark.time_limit(120)
def test_sigterm_with_readers_that_never_read(daemons):
    daemon = daemons("--demo", "--grace-period", str(GRACE))
    # A portfolio whose export (about 2 MB) is far larger than what the stalled reader's
    # HTTP/2 window and socket buffers take.
    document = generated_document(export_document(daemon)["projects"], 1000, "stalled")
    daemon.portfolio().ImportPortfolio(
        portfolio_service_pb2.ImportPortfolioRequest(json_document=document), timeout=60
    )
    export = portfolio_service_pb2.ExportPortfolioRequest(format=portfolio_service_pb2.EXPORT_FORMAT_JSON)
    stalled = [
        stalled_call(daemon.address, "/grpc.health.v1.Health/Watch", b""),
        stalled_call(daemon.address, "/impact.v1.PortfolioService/ExportPortfolio", export.SerializeToString()),
        stalled_call(daemon.address, "/impact.v1.PortfolioService/ExportPortfolio", export.SerializeToString()),
    ]
    time.sleep(1)
    started = time.monotonic()
    try:
        code = daemon.terminate(limit=GRACE + 20)
    finally:
        for connection in stalled:
            connection.close()
    elapsed = time.monotonic() - started
    assert code == 0, daemon.log_tail()
    assert elapsed < GRACE + 8, f"impactd took {elapsed:.1f} s to exit after SIGTERM (grace {GRACE} s)"


@pytest.mark.time_limit(120)
def test_connections_without_preface_do_not_exhaust_descriptors(daemons):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # The daemon inherits a 256-descriptor limit; this process gets its own back at once.
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
    try:
        daemon = daemons("--metrics-listen", "127.0.0.1:0", wait_serving=False)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    daemon.wait_serving()
    host, port = daemon.address.rsplit(":", 1)
    silent = []
    for _ in range(300):
        connection = socket.create_connection((host, int(port)))
        connection.settimeout(20)
        silent.append(connection)
    try:
        # Served while the silent connections are open or being closed.
        assert daemon.health() == "SERVING"
        started = time.monotonic()
        for connection in silent:
            # The daemon's own SETTINGS may come first; then the connection must end.
            while connection.recv(4096):
                pass
        assert time.monotonic() - started < 15, "silent connections stayed open past the preface timeout"
        assert daemon.health() == "SERVING"
    finally:
        for connection in silent:
            connection.close()
    assert daemon.terminate() == 0
