// swift-tools-version:6.1
import PackageDescription

/// Every target shares these settings: Swift 6 mode and the upcoming features that keep
/// imports and existentials explicit.
let defaultSwiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "impact",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "impactd", targets: ["impactd"]),
    .executable(name: "impact", targets: ["impact"]),
    .library(name: "Analytics", targets: ["Analytics"]),
  ],
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
  ],
  targets: [
    // The scoring method, the domain model and the exchange formats. Foundation only.
    .target(
      name: "Analytics",
      // The indicator bank, compiled into the binary (`PackageResources.impact_indicators_1_json`).
      resources: [.embedInCode("Referential/Resources/impact-indicators-1.json")],
      swiftSettings: defaultSwiftSettings
    ),
    .testTarget(
      name: "AnalyticsTests",
      dependencies: ["Analytics", "SyntheticData"],
      resources: [.copy("Fixtures")],
      swiftSettings: defaultSwiftSettings
    ),

    // Every text a person reads, in French and English: one catalogue per language.
    .target(
      name: "Localization",
      swiftSettings: defaultSwiftSettings
    ),
    .testTarget(
      name: "LocalizationTests",
      dependencies: ["Localization"],
      swiftSettings: defaultSwiftSettings
    ),

    // Reports: values in, self-contained HTML pages with inline SVG charts out. No I/O.
    .target(
      name: "Reports",
      dependencies: ["Localization"],
      swiftSettings: defaultSwiftSettings
    ),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "Localization"],
      swiftSettings: defaultSwiftSettings
    ),

    // The version and the git commit of this build (stamped by BuildCommitPlugin).
    .target(
      name: "BuildInfo",
      swiftSettings: defaultSwiftSettings,
      plugins: ["BuildCommitPlugin"]
    ),
    .plugin(
      name: "BuildCommitPlugin",
      capability: .buildTool()
    ),

    // Deterministic generated portfolios for benchmarks, property tests and load tests.
    .target(
      name: "SyntheticData",
      dependencies: ["Analytics"],
      swiftSettings: defaultSwiftSettings
    ),

    // Code generated from Proto/ (committed) and the mapping between messages and Analytics.
    .target(
      name: "ImpactAPI",
      dependencies: [
        "Analytics",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // Who may call and how they prove it: roles, principals, bearer tokens. Below storage, which
    // keeps the credentials.
    .target(
      name: "ImpactCredentials",
      dependencies: [
        .product(name: "Crypto", package: "swift-crypto")
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // The database: schema, journal, snapshots, credentials. GRDB and SQLite; no gRPC.
    .target(
      name: "ImpactStorage",
      dependencies: [
        "Analytics",
        "ImpactCredentials",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // The in-memory store: the snapshot, its one writer, the watchers, the history. No gRPC.
    .target(
      name: "ImpactStore",
      dependencies: [
        "Analytics",
        "ImpactStorage",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // The daemon's settings: layers (defaults, file, environment, flags), ranges, limits.
    .target(
      name: "ImpactConfiguration",
      dependencies: [
        "ImpactStorage",
        "Localization",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // PostgreSQL: connections to the database a `postgres://` location names (postgres-nio).
    .target(
      name: "ImpactPostgres",
      dependencies: [
        "ImpactConfiguration", "ImpactStorage", "ImpactCredentials", "Analytics",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: defaultSwiftSettings
    ),
    .testTarget(
      name: "ImpactPostgresTests",
      dependencies: [
        "ImpactPostgres", "ImpactConfiguration", "ImpactStorage", "Localization",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // The RPC services: the mapping between messages and the store, error explanations, the
    // access policy and its interceptor, server reflection.
    .target(
      name: "ImpactRPC",
      dependencies: [
        "Analytics",
        "BuildInfo",
        "ImpactAPI",
        "ImpactConfiguration",
        "ImpactCredentials",
        "ImpactStorage",
        "ImpactStore",
        "Localization",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "X509", package: "swift-certificates"),
      ],
      swiftSettings: defaultSwiftSettings
    ),

    // The daemon's runtime and assembly: lifecycle, health, metrics endpoint, transport
    // guards and interceptors, the demo portfolio.
    .target(
      name: "DaemonCore",
      dependencies: [
        "Analytics",
        "ImpactAPI",
        "ImpactConfiguration",
        "ImpactPostgres",
        "ImpactRPC",
        "ImpactStorage",
        "ImpactStore",
        "Localization",
        "BuildInfo",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTP2", package: "swift-nio-http2"),
        .product(name: "NIOHPACK", package: "swift-nio-http2"),
      ],
      // The demo portfolio, compiled into the binary (`PackageResources.demo_portfolio_json`).
      resources: [.embedInCode("Demo/demo-portfolio.json"), .embedInCode("Demo/demo-framework.json")],
      swiftSettings: defaultSwiftSettings
    ),
    // The in-process daemon harness and time limits of the tests, benchmarks and fuzzer.
    .target(
      name: "DaemonTestSupport",
      dependencies: [
        "DaemonCore",
        "ImpactConfiguration",
        "ImpactStorage",
        "Analytics",
        "ImpactAPI",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: defaultSwiftSettings
    ),
    .testTarget(
      name: "DaemonCoreTests",
      dependencies: [
        "DaemonCore",
        "Analytics",
        "ImpactPostgres",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        "ImpactConfiguration",
        "ImpactCredentials",
        "ImpactRPC",
        "ImpactStorage",
        "ImpactStore",
        "DaemonTestSupport",
        // `impactd serve`'s flags (ServeOptions) and the certificates of `impactd tls`.
        "impactd",
        "ImpactAPI",
        "Localization",
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        "SyntheticData",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: defaultSwiftSettings
    ),
    .executableTarget(
      name: "impactd",
      dependencies: [
        "DaemonCore",
        "ImpactConfiguration",
        "ImpactPostgres",
        "ImpactCredentials",
        "ImpactStorage",
        "ImpactStore",
        "Localization",
        "BuildInfo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ],
      path: "Sources/Daemon",
      swiftSettings: defaultSwiftSettings
    ),

    // The command-line client: subcommands, rendering, exit codes.
    .target(
      name: "ClientCore",
      dependencies: [
        "BuildInfo",
        "Analytics",
        "Localization",
        "ImpactAPI",
        "Reports",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: defaultSwiftSettings
    ),
    .executableTarget(
      name: "impact",
      dependencies: ["ClientCore"],
      path: "Sources/Client",
      swiftSettings: defaultSwiftSettings
    ),

    // End-to-end tests: real impactd and impact processes on ephemeral ports.
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "Analytics",
        "ImpactAPI",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ],
      exclude: ["Golden"],
      swiftSettings: defaultSwiftSettings
    ),

    // Benchmarks, run in release mode (see README).
    .executableTarget(
      name: "impact-bench-analytics",
      dependencies: [
        "Analytics",
        "SyntheticData",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/Benchmarks/AnalyticsBenchmark",
      swiftSettings: defaultSwiftSettings
    ),
    .executableTarget(
      name: "impact-bench-daemon",
      dependencies: [
        "DaemonCore",
        "ImpactPostgres",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        "ImpactConfiguration",
        "ImpactCredentials",
        "ImpactRPC",
        "ImpactStorage",
        "DaemonTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "ImpactAPI",
        "SyntheticData",
        "Analytics",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Sources/Benchmarks/DaemonBenchmark",
      swiftSettings: defaultSwiftSettings
    ),

    // Malformed requests against a real in-process daemon (see docs/fuzzing.md).
    .executableTarget(
      name: "impact-fuzz-requests",
      dependencies: [
        "DaemonCore",
        "ImpactConfiguration",
        "ImpactStorage",
        "ImpactStore",
        "DaemonTestSupport",
        "ImpactAPI",
        "Analytics",
        "SyntheticData",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Sources/FuzzRequests",
      swiftSettings: defaultSwiftSettings
    ),
  ]
)
