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
    "connection.unreachable": "impossible de joindre impactd à {address} : {reason}",
    "connection.reason.refused": "connexion refusée",
    "connection.reason.no-route": "aucune route vers l’hôte",
    "connection.reason.network": "réseau injoignable",
    "connection.reason.unknown-host": "hôte inconnu",
    "connection.timeout": "impactd à {address} n’a pas répondu dans les {seconds} (est-il démarré ? voir --server et --timeout)",
    "connection.deadline": "impactd à {address} n’a pas répondu dans les {seconds} : {detail}",
    "connection.no-answer": "l’appel à impactd à {address} s’est terminé sans réponse",
    "connection.cancelled": "annulé",
    "connection.tls-files": "impossible d’utiliser les fichiers TLS ({files}) : {reason}",
    "connection.hint.token": "voir --token ou IMPACT_TOKEN",
    "connection.hint.token-certificate": "voir --token ou IMPACT_TOKEN, --cert et --key",
    "tls.failure.plaintext-refused": "le démon a fermé la connexion avant le début de HTTP/2 ; il exige probablement TLS (voir --ca, --tls, --cert et --key)",
    "tls.failure.trusted-ca": "les certificats de --ca {path}",
    "tls.failure.trusted-system": "les autorités de confiance du système",
    "tls.failure.server-host": "l’hôte de --server",
    "tls.failure.hostname": "échec de la négociation TLS : le certificat du démon ne nomme pas {name} (voir --tls-server-name)",
    "tls.failure.untrusted": "échec de la négociation TLS : le certificat du démon n’est pas signé par {trusted} (voir --ca)",
    "tls.failure.certificate-required": "échec de la négociation TLS : le démon exige un certificat client (voir --cert et --key)",
    "tls.failure.not-tls": "échec de la négociation TLS : le démon ne répond pas en TLS (sert-il en clair ?)",
    "tls.failure.alert": "échec de la négociation TLS : le démon l’a refusée avec l’alerte {alert}",
    "tls.failure.alert-certificate": "échec de la négociation TLS : le démon l’a refusée avec l’alerte {alert} ; il n’accepte pas le certificat client --cert {path}",
    "tls.failure.other": "échec de la négociation TLS : {reason}",

    // MARK: import, export, scores (import-safety)

    // MARK: Excel and CSV files (excel-csv)

    // MARK: tables, compare, what-if, scheme (tables)

    // MARK: filters, find, observations (filters-observations)

    // MARK: labels and errors of every command (french)

    // MARK: errors sent by the daemon (daemon-errors)
  ]
}
