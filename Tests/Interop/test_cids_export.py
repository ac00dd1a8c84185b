"""`impact export --format cids` read by a JSON-LD processor (pyld from PyPI).

Run by scripts/interop-python.sh, which sets IMPACTD and IMPACT (the daemon and CLI
binaries). The daemon serves the demo portfolio on 127.0.0.1 port 0 with a temporary database;
one observation is recorded so that an indicator report carries a period. The export is expanded
as JSON-LD, so every class and property below is checked by its full IRI, as any CIDS consumer
reads it: the Basic Tier's required properties on every node, and the Essential Tier's on
impact reports.
"""

import json
import os
import re
import subprocess
import tempfile
import threading

import pytest
from pyld import jsonld

CIDS = "https://ontology.commonapproach.org/cids#"
ORG = "http://ontology.eil.utoronto.ca/tove/organization#"
I72 = "http://ontology.eil.utoronto.ca/ISO21972/iso21972#"
PROV = "http://www.w3.org/ns/prov#"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
LIMIT = 60  # seconds for the daemon to listen, and for each command

REQUIRED = {
    CIDS + "Organization": [ORG + "hasLegalName"],
    CIDS + "Theme": [ORG + "hasName", CIDS + "hasDescription"],
    CIDS + "Outcome": [ORG + "hasName", CIDS + "hasDescription", CIDS + "forOrganization"],
    CIDS + "Indicator": [ORG + "hasName", CIDS + "hasDescription", CIDS + "unitDescription", CIDS + "forOrganization"],
    CIDS + "IndicatorReport": [
        ORG + "hasName", I72 + "value", PROV + "startedAtTime", PROV + "endedAtTime",
        CIDS + "forIndicator", CIDS + "forOrganization",
    ],
    CIDS + "ImpactReport": [
        ORG + "hasName", PROV + "startedAtTime", PROV + "endedAtTime", CIDS + "hasImpactScale",
        CIDS + "hasImpactDepth", CIDS + "hasComment", CIDS + "forOutcome", CIDS + "forOrganization",
    ],
}


@pytest.fixture(scope="module")
def export():
    workdir = tempfile.mkdtemp(prefix="impact-cids-")
    with open(os.path.join(workdir, "impactd.log"), "w") as log:
        process = subprocess.Popen(
            [os.environ["IMPACTD"], "--demo", "--listen", "127.0.0.1:0", "--database",
             os.path.join(workdir, "impact.sqlite")],
            stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        found = {}

        def read():
            for line in process.stdout:
                match = re.match(r"listening (\S+)", line)
                if match:
                    found["address"] = match.group(1)
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(LIMIT)
        assert "address" in found, "impactd printed no 'listening' line"
        env = dict(os.environ, IMPACT_SERVER=found["address"], IMPACT_LANG="en")

        def impact(*arguments):
            return subprocess.run([os.environ["IMPACT"], *arguments], env=env, capture_output=True,
                                  text=True, timeout=LIMIT)

        observed = impact("observe", "pension-de-famille-rennes", "maintien-logement", "88", "--period", "2026-S1")
        assert observed.returncode == 0, observed.stderr
        # Without --organization, the organisation the demo's framework names.
        defaulted = impact("export", "--format", "cids")
        assert defaulted.returncode == 0, defaulted.stderr
        assert "Secours et Solidarité France" in defaulted.stdout
        result = impact("export", "--format", "cids", "--organization", "Fondation Exemple")
        assert result.returncode == 0, result.stderr
        yield json.loads(result.stdout)
    finally:
        process.kill()
        process.wait(timeout=30)


def nodes(document):
    return jsonld.expand(document)


def test_the_context_is_the_cids_namespace(export):
    assert export["@context"]["cids"] == CIDS


def test_every_node_has_its_class_and_the_required_properties(export):
    expanded = nodes(export)
    classes = {}
    for node in expanded:
        (kind,) = node["@type"]
        classes[kind] = classes.get(kind, 0) + 1
        for prop in REQUIRED.get(kind, []):
            assert prop in node, f"{node['@id']} ({kind}) lacks {prop}"
    assert classes[CIDS + "Organization"] == 1
    for kind in REQUIRED:
        assert classes.get(kind, 0) >= 1, f"no {kind} in the export"


def test_references_and_values_have_their_json_ld_shape(export):
    expanded = nodes(export)
    ids = {node["@id"] for node in expanded}
    organization = next(n for n in expanded if n["@type"] == [CIDS + "Organization"])
    for node in expanded:
        for prop in (CIDS + "forOrganization", CIDS + "forIndicator", CIDS + "forOutcome"):
            for target in node.get(prop, []):
                assert target["@id"] in ids, f"{node['@id']} {prop} points nowhere"
        if node["@type"] == [CIDS + "IndicatorReport"]:
            assert node[CIDS + "forOrganization"] == [{"@id": organization["@id"]}]
            (measure,) = node[I72 + "value"]
            assert measure["@type"] == [I72 + "Measure"]
            float(measure[I72 + "hasNumericalValue"][0]["@value"])
            assert node[PROV + "startedAtTime"][0]["@type"] == XSD_DATETIME


def test_an_observation_period_becomes_its_start_and_end(export):
    expanded = nodes(export)
    reports = [n for n in expanded if n["@type"] == [CIDS + "IndicatorReport"]
               and "pension-de-famille-rennes/maintien-logement" in n["@id"]]
    starts = {r[PROV + "startedAtTime"][0]["@value"]: r[PROV + "endedAtTime"][0]["@value"] for r in reports}
    assert starts.get("2026-01-01T00:00:00Z") == "2026-06-30T23:59:59Z"
