"""A client process for test_vanishing_clients.py, killed with SIGKILL while it reads.

    stream_client.py ADDRESS watch    prints "subscribed" once the first change arrives, then reads
                                      the stream forever
    stream_client.py ADDRESS export   prints "exporting", then exports the portfolio over and over

Reads IMPACT_STUBS like the tests.
"""

import os
import sys

import grpc

sys.path.insert(0, os.environ["IMPACT_STUBS"])
from impact.v1 import portfolio_service_pb2, portfolio_service_pb2_grpc  # noqa: E402
from impact.v1 import watch_service_pb2, watch_service_pb2_grpc  # noqa: E402


def main():
    address, mode = sys.argv[1], sys.argv[2]
    channel = grpc.insecure_channel(address)
    if mode == "watch":
        stream = watch_service_pb2_grpc.WatchServiceStub(channel).WatchChanges(
            watch_service_pb2.WatchChangesRequest(since_revision=0)
        )
        for number, _ in enumerate(stream):
            if number == 0:
                print("subscribed", flush=True)
    else:
        portfolio = portfolio_service_pb2_grpc.PortfolioServiceStub(channel)
        print("exporting", flush=True)
        while True:
            portfolio.ExportPortfolio(
                portfolio_service_pb2.ExportPortfolioRequest(format=portfolio_service_pb2.EXPORT_FORMAT_CSV), timeout=60
            )


if __name__ == "__main__":
    main()
