// Le catalogue français. Mêmes clés, dans le même ordre, que Catalogue+English.swift.

extension Catalogue {
  static let french: [String: String] = [
    // MARK: common words
    "common.yes": "oui",
    "common.no": "non",
    "common.absent": "–",


    // MARK: connection, status, watch, impactd (connection-monitoring)
    "connection.server.invalid": "{source} {value} : {reason} ; formes acceptées : HÔTE:PORT, [IPV6]:PORT, http://HÔTE:PORT ou https://HÔTE:PORT (par exemple 127.0.0.1:7420 ou https://impact.example.org)",
    "connection.server.bad-scheme": "seuls http:// et https:// sont acceptés",
    "connection.server.path": "une adresse gRPC n’a ni chemin, ni paramètres, ni nom d’utilisateur",
    "connection.server.no-host": "l’hôte manque",
    "connection.server.bracket": "une adresse IPv6 entre crochets est suivie de :PORT, et de rien d’autre",
    "connection.server.bad-ipv6": "le texte entre crochets n’est pas une adresse IPv6",
    "connection.server.unbracketed-ipv6": "trop de « : » ; écrivez une adresse IPv6 entre crochets, par exemple [::1]:7420",
    "connection.server.bad-host": "un nom d’hôte ne contient que des lettres, des chiffres, « - » et « . »",
    "connection.server.bad-port": "le port doit être un nombre entre 1 et 65 535",
    "connection.server.no-port": "le port manque",
    "connection.not-grpc": "impossible de joindre impactd à {address} : ce n’est pas un serveur gRPC ({protocol} a répondu) ; vérifiez --server (port des métriques ou serveur web ?)",
    "connection.http-status": "impossible de joindre impactd à {address} : ce n’est pas un serveur gRPC (statut HTTP {status} reçu, d’un proxy ou d’un serveur web) ; vérifiez --server",
    "watch.lost": "connexion à impactd à {address} perdue ({reason}) ; reconnexion en cours, reprise après la révision {revision}",
    "watch.stream-ended": "le démon a fermé le flux",
    "watch.reconnected": "reconnecté à impactd à {address} ; reprise après la révision {revision}",
    "watch.gave-up": "abandon : impactd à {address} injoignable depuis {duration} (--give-up-after) ; dernière révision affichée : {revision}",
    "watch.give-up.invalid": "--give-up-after attend une durée comme 90s, 5m ou 1h, ou 0 pour s’arrêter à la première coupure, pas « {value} »",

    // MARK: import, export, scores (import-safety)

    // MARK: Excel and CSV files (excel-csv)

    // MARK: tables, compare, what-if, scheme (tables)

    // MARK: filters, find, observations (filters-observations)

    // MARK: labels and errors of every command (french)

    // MARK: errors sent by the daemon (daemon-errors)
  ]
}
