"""A client process for test_vanishing_clients.py, killed with SIGKILL while it reads.

    stream_client.py ADDRESS watch    prints "subscribed" once the first change arrives, then reads
                                      the stream forever
    stream_client.py ADDRESS export   prints "exporting", then exports the portfolio over and over
    stream_client.py ADDRESS import   streams copies of the stored projects (new ids) in an
                                      ImportPortfolioStream, 50 to a chunk, one chunk every 50 ms;
                                      prints "importing" after the first chunk, and never ends
                                      the stream

Reads IMPACT_STUBS like the tests.
"""

import os
import sys

import grpc

sys.path.insert(0, os.environ["IMPACT_STUBS"])
from impact.v1 import portfolio_service_pb2, portfolio_service_pb2_grpc  # noqa: E402
from impact.v1 import watch_service_pb2, watch_service_pb2_grpc  # noqa: E402
from impact.v1 import project_service_pb2, project_service_pb2_grpc  # noqa: E402


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
    elif mode == "import":
        import time

        templates = list(
            project_service_pb2_grpc.ProjectServiceStub(channel)
            .ListProjects(project_service_pb2.ListProjectsRequest(page_size=100), timeout=30)
            .projects
        )

        def requests():
            yield portfolio_service_pb2.ImportPortfolioStreamRequest(header=portfolio_service_pb2.ImportStreamHeader())
            number = 0
            while True:
                chunk = portfolio_service_pb2.ImportStreamChunk()
                for index in range(50):
                    project = chunk.projects.add()
                    project.CopyFrom(templates[index % len(templates)])
                    project.id = f"killed-{number}-{index}"
                    for rating in project.ratings:
                        rating.ClearField("rated_at")
                yield portfolio_service_pb2.ImportPortfolioStreamRequest(chunk=chunk)
                if number == 0:
                    print("importing", flush=True)
                number += 1
                time.sleep(0.05)

        portfolio_service_pb2_grpc.PortfolioServiceStub(channel).ImportPortfolioStream(requests(), timeout=600)
    else:
        portfolio = portfolio_service_pb2_grpc.PortfolioServiceStub(channel)
        print("exporting", flush=True)
        while True:
            portfolio.ExportPortfolio(
                portfolio_service_pb2.ExportPortfolioRequest(format=portfolio_service_pb2.EXPORT_FORMAT_CSV), timeout=60
            )


if __name__ == "__main__":
    main()
