#!/usr/bin/env python3
"""The plain Python loader the daemon's import is measured against (issue 14, docs/benchmarks.md).

    python3 scripts/import-floor.py DATABASE DOCUMENT

DATABASE is an empty impactd database (its schema made by impactd); DOCUMENT an
impact-portfolio JSON document. json.load, then executemany into the daemon's own tables
(projects, outcomes, risks, ratings, rating_history) in one transaction, WAL,
synchronous=FULL, foreign keys on. Prints the milliseconds taken, from reading the file to
the commit, on standard output.
"""
import json
import sqlite3
import sys
import time


def main() -> None:
    database, document = sys.argv[1], sys.argv[2]
    start = time.monotonic()
    with open(document, encoding="utf-8") as handle:
        portfolio = json.load(handle)
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    stamp = "2026-11-28T00:00:00.000Z"
    projects, outcomes, risks, ratings = [], [], [], []
    for position, project in enumerate(portfolio["projects"]):
        pid = project["id"]
        projects.append((
            pid, position, project["name"], project.get("programme", ""), project.get("territory", ""),
            project.get("status", "pipeline"), project.get("amount", 0), project.get("evidence_level"),
            json.dumps(project["extra"]) if "extra" in project else None, 1, 1))
        for index, outcome in enumerate(project.get("outcomes", [])):
            survey = outcome.get("survey") or {}
            outcomes.append((
                pid, index, outcome["id"], outcome["domain"], outcome.get("share"), outcome.get("indicator"),
                outcome.get("unit"), outcome.get("direction"), outcome.get("baseline"), outcome.get("threshold"),
                outcome.get("target"), outcome.get("actual"), survey.get("very_much"), survey.get("slightly"),
                outcome.get("reach"), outcome.get("duration_years"), outcome.get("drop_off"),
                outcome.get("deadweight"), outcome.get("attribution"), outcome.get("displacement"),
                outcome.get("financial_proxy"), 1 if outcome.get("harmful") else 0,
                outcome.get("nature", "solution"), outcome.get("indicator_id"),
                json.dumps(outcome["targets"]) if outcome.get("targets") else None))
        for risk_type, level in project.get("risks", {}).items():
            risks.append((pid, risk_type, level))
        for index, rating in enumerate(project.get("ratings", [])):
            ratings.append((pid, index, rating["criterion"], rating["rater"], rating["value"], rating.get("comment"),
                            stamp, 1))
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO projects (id, position, name, programme, territory, status, amount, evidence_level, extra,"
        " created_revision, updated_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projects)
    connection.executemany(
        "INSERT INTO outcomes (project_id, position, id, domain, share, indicator, unit, direction, baseline,"
        " threshold, target, actual, survey_very_much, survey_slightly, reach, duration_years, drop_off,"
        " deadweight, attribution, displacement, financial_proxy, harmful, nature, indicator_id, targets)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outcomes)
    connection.executemany("INSERT INTO risks (project_id, risk_type, level) VALUES (?, ?, ?)", risks)
    connection.executemany(
        "INSERT INTO ratings (project_id, position, criterion, rater, value, comment, rated_at, revision)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ratings)
    connection.executemany(
        "INSERT INTO rating_history (project_id, criterion, rater, value, comment, rated_at, revision)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", [(r[0], r[2], r[3], r[4], r[5], r[6], r[7]) for r in ratings])
    connection.execute("COMMIT")
    connection.close()
    print(round((time.monotonic() - start) * 1000, 1))


if __name__ == "__main__":
    main()
