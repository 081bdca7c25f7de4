"""Checks the open data of a built site with the tools journalists' software relies on:
the Frictionless validator on date/datapackage.json, jsonschema on every JSON file against its
published JSON Schema, feedparser on the Atom feed, and that every URL of the feed and of the
sitemap exists in the build.

Usage: python3 tests/data/check_open_data.py PUBLIC_DIR BASE_URL
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

import feedparser
from frictionless import validate
from jsonschema import Draft202012Validator, FormatChecker


def local_file(public, base_url, url):
    assert url.startswith(base_url), f"{url} is not under {base_url}"
    path = url[len(base_url):].split("#")[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return os.path.join(public, path)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_json_schemas(public):
    """Every JSON download against its published schema: planuri.json and each plan's file
    (the schema's $defs/PlanJson), each framework's file; the errors, one line each."""
    data = os.path.join(public, "date")
    plans = load(os.path.join(data, "planuri.schema.json"))
    frameworks = load(os.path.join(data, "strategii.schema.json"))
    one_plan = {"$defs": plans["$defs"], "$ref": "#/$defs/PlanJson"}
    checks = [(plans, os.path.join(data, "planuri.json"))]
    checks += [(one_plan, p) for p in sorted(glob.glob(os.path.join(data, "planuri", "*.json")))]
    checks += [(frameworks, p) for p in sorted(glob.glob(os.path.join(data, "strategii", "*.json")))]
    failures = []
    for schema, path in checks:
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        for error in list(validator.iter_errors(load(path)))[:5]:
            failures.append(f"jsonschema {os.path.relpath(path, public)}: {error.json_path}: {error.message}")
    print(f"jsonschema: {len(checks)} files, {len(failures)} errors")
    return failures


def main():
    public, base_url = sys.argv[1], sys.argv[2]
    failures = []

    report = validate(os.path.join(public, "date", "datapackage.json"))
    tasks = report.tasks
    rows = sum((t.stats.get("rows") or 0) for t in tasks)
    print(f"frictionless: {len(tasks)} resources, {rows} rows, valid={report.valid}")
    if not report.valid:
        for task in tasks:
            for error in task.errors[:5]:
                failures.append(f"frictionless {task.name}: {error.message}")
        for error in report.errors[:5]:
            failures.append(f"frictionless: {error.message}")

    failures.extend(check_json_schemas(public))

    feed = feedparser.parse(os.path.join(public, "publicatii.xml"))
    print(f"feed: version={feed.version}, {len(feed.entries)} entries, bozo={feed.bozo}")
    if feed.bozo or feed.version != "atom10":
        failures.append(f"the feed does not parse as Atom: {feed.get('bozo_exception')}")
    for entry in feed.entries:
        if not os.path.isfile(local_file(public, base_url, entry.link)):
            failures.append(f"feed entry {entry.link} does not exist in the build")

    sitemap = ET.parse(os.path.join(public, "sitemap.xml"))
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    missing = [u for u in locs if not os.path.isfile(local_file(public, base_url, u))]
    print(f"sitemap: {len(locs)} URLs, {len(missing)} missing")
    failures.extend(f"sitemap URL {u} does not exist in the build" for u in missing)

    if failures:
        print("\n".join(failures))
        print(f"0 passed, {len(failures)} failed")
        sys.exit(1)
    print("4 passed, 0 failed")


if __name__ == "__main__":
    main()
