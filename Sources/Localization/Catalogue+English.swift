// The English catalogue. Keep the same keys, in the same order, as Catalogue+French.swift;
// each area has its own MARK so that texts of one command stay together.

extension Catalogue {
  static let english: [String: String] = [
    // MARK: common words
    "common.yes": "yes",
    "common.no": "no",
    "common.absent": "–",


    // MARK: connection, status, watch, impactd (connection-monitoring)
    "connection.server.invalid": "{source} {value}: {reason}; accepted forms: HOST:PORT, [IPV6]:PORT, http://HOST:PORT or https://HOST:PORT (such as 127.0.0.1:7420 or https://impact.example.org)",
    "connection.server.bad-scheme": "only http:// and https:// are accepted",
    "connection.server.path": "a gRPC address has no path, query or user name",
    "connection.server.no-host": "the host is missing",
    "connection.server.bracket": "an IPv6 address in brackets is followed by :PORT and nothing else",
    "connection.server.bad-ipv6": "the text in brackets is not an IPv6 address",
    "connection.server.unbracketed-ipv6": "too many ':'; write an IPv6 address in brackets, such as [::1]:7420",
    "connection.server.bad-host": "a host name holds only letters, digits, '-' and '.'",
    "connection.server.bad-port": "the port must be a number from 1 to 65535",
    "connection.server.no-port": "the port is missing",
    "connection.not-grpc": "cannot reach impactd at {address}: this is not a gRPC server ({protocol} answered); check --server (is it the metrics port or a web server?)",
    "connection.http-status": "cannot reach impactd at {address}: this is not a gRPC server (HTTP status {status} answered, from a proxy or a web server); check --server",
    "watch.lost": "connection to impactd at {address} lost ({reason}); reconnecting, resuming after revision {revision}",
    "watch.stream-ended": "the daemon ended the stream",
    "watch.reconnected": "reconnected to impactd at {address}; resuming after revision {revision}",
    "watch.gave-up": "gave up: impactd at {address} unreachable for {duration} (--give-up-after); last revision shown {revision}",
    "watch.give-up.invalid": "--give-up-after must be a duration such as 90s, 5m or 1h, or 0 to stop at the first loss, not '{value}'",
    "connection.unreachable": "cannot reach impactd at {address}: {reason}",
    "connection.reason.refused": "connection refused",
    "connection.reason.no-route": "no route to host",
    "connection.reason.network": "network is unreachable",
    "connection.reason.unknown-host": "unknown host",
    "connection.timeout": "impactd at {address} did not answer within {seconds} (is it running? see --server and --timeout)",
    "connection.deadline": "impactd at {address} did not answer within {seconds}: {detail}",
    "connection.no-answer": "the call to impactd at {address} ended without an answer",
    "connection.cancelled": "cancelled",
    "connection.tls-files": "cannot use the TLS files ({files}): {reason}",
    "connection.hint.token": "see --token or IMPACT_TOKEN",
    "connection.hint.token-certificate": "see --token or IMPACT_TOKEN, --cert and --key",
    "tls.failure.plaintext-refused": "the daemon closed the connection before HTTP/2 began; it probably requires TLS (see --ca, --tls, --cert and --key)",
    "tls.failure.trusted-ca": "the certificates in --ca {path}",
    "tls.failure.trusted-system": "the system's trust roots",
    "tls.failure.server-host": "the --server host",
    "tls.failure.hostname": "TLS handshake failed: the daemon's certificate does not name {name} (see --tls-server-name)",
    "tls.failure.untrusted": "TLS handshake failed: the daemon's certificate is not signed by {trusted} (see --ca)",
    "tls.failure.certificate-required": "TLS handshake failed: the daemon requires a client certificate (see --cert and --key)",
    "tls.failure.not-tls": "TLS handshake failed: the daemon does not answer in TLS (is it serving plaintext?)",
    "tls.failure.alert": "TLS handshake failed: the daemon refused it with the alert {alert}",
    "tls.failure.alert-certificate": "TLS handshake failed: the daemon refused it with the alert {alert}; it does not accept the client certificate --cert {path}",
    "tls.failure.other": "TLS handshake failed: {reason}",

    // MARK: import, export, scores (import-safety)

    // MARK: Excel and CSV files (excel-csv)

    // MARK: tables, compare, what-if, scheme (tables)

    // MARK: filters, find, observations (filters-observations)

    // MARK: labels and errors of every command (french)

    // MARK: errors sent by the daemon (daemon-errors)
  ]
}
