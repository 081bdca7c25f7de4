"""Checks the open data of a built site with the tools journalists' software relies on:
the Frictionless validator on date/datapackage.json (every resource, with its primary and
foreign keys, bytes and hash), openpyxl on every .xlsx (the rows of the CSV beside it, cell by
cell), jsonschema on every JSON file against its published JSON Schema, rdflib on the DCAT-AP
description (JSON-LD), feedparser on the Atom feed, and that every URL of the feed and of the
sitemap exists in the build.

Usage: python3 tests/data/check_open_data.py PUBLIC_DIR BASE_URL
"""
import csv
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

import feedparser
import openpyxl
from frictionless import validate
from jsonschema import Draft202012Validator, FormatChecker
from rdflib import RDF, Graph, Namespace

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


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


DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
# What DCAT-AP requires (mandatory) or recommends of each class; the description gives them all.
DCAT_AP = {
    DCAT.Catalog: [DCT.title, DCT.description, DCT.publisher, DCAT.dataset],
    DCAT.Dataset: [DCT.title, DCT.description, DCT.publisher, DCAT.contactPoint, DCAT.distribution,
                   DCAT.keyword, DCAT.theme, DCT.spatial, DCT.temporal, DCT.issued, DCT.modified],
    DCAT.Distribution: [DCAT.accessURL, DCAT.downloadURL, DCT["format"], DCAT.mediaType, DCT.license,
                        DCAT.byteSize],
}


def check_dcat(public, base_url):
    """date/dcat.jsonld parses as JSON-LD into one catalogue and one data set with the DCAT-AP
    properties, and one distribution for each data file at the top of date/, of its size."""
    graph = Graph().parse(os.path.join(public, "date", "dcat.jsonld"), format="json-ld")
    failures = []
    for kind, properties in DCAT_AP.items():
        nodes = list(graph.subjects(RDF.type, kind))
        if not nodes:
            failures.append(f"dcat: no {kind}")
        for node, prop in ((n, p) for n in nodes for p in properties):
            if graph.value(node, prop) is None:
                failures.append(f"dcat: {node} has no {prop}")
    sizes = {}
    for node in graph.subjects(RDF.type, DCAT.Distribution):
        url = str(graph.value(node, DCAT.downloadURL))
        path = local_file(public, base_url, url)
        sizes[os.path.relpath(path, public)] = int(graph.value(node, DCAT.byteSize))
        if not os.path.isfile(path) or os.path.getsize(path) != sizes[os.path.relpath(path, public)]:
            failures.append(f"dcat: {url} is missing or of another size")
    data = [f"date/{n}" for n in os.listdir(os.path.join(public, "date"))
            if n.rsplit(".", 1)[-1] in ("csv", "xlsx", "json", "zip")
            and not n.endswith(".schema.json") and n != "datapackage.json"]
    failures.extend(f"dcat: {p} is not a distribution" for p in sorted(set(data) - set(sizes)))
    print(f"dcat: {len(graph)} triples, {len(sizes)} distributions, {len(failures)} problems")
    return failures


def xlsx_cell(value):
    """An XLSX cell as the CSV writes it: empty for none, digits for a number, and a text that
    starts a formula after an apostrophe (the CSV's formula safety; the XLSX keeps the text)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(int(value))
    if value.lstrip().startswith(FORMULA_STARTS) or value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def check_xlsx(public):
    """Each .xlsx under date/ against the CSV beside it: same header, same rows, same cells."""
    failures, checked = [], 0
    for folder, _, names in os.walk(os.path.join(public, "date")):
        for name in sorted(n for n in names if n.endswith(".xlsx")):
            path = os.path.join(folder, name)
            with open(path[: -len(".xlsx")] + ".csv", encoding="utf-8-sig", newline="") as f:
                expected = list(csv.reader(f))
            sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
            found = [[xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            # read_only sheets may report trailing empty cells: pad to the header's width.
            width = len(expected[0])
            found = [row + [""] * (width - len(row)) for row in found]
            checked += 1
            if len(found) != len(expected):
                failures.append(f"{path}: {len(found)} rows, its CSV has {len(expected)}")
                continue
            for n, (a, b) in enumerate(zip(found, expected)):
                if a != b:
                    failures.append(f"{path}: row {n + 1} differs from the CSV: {a[:4]} != {b[:4]}")
                    break
    return checked, failures


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

    # Every CSV published under date/ is a resource of the package, and the package has keys.
    with open(os.path.join(public, "date", "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    described = {r["path"] for r in package["resources"] if r.get("format") == "csv"}
    published = {
        os.path.relpath(os.path.join(folder, n), os.path.join(public, "date")).replace(os.sep, "/")
        for folder, _, names in os.walk(os.path.join(public, "date"))
        for n in names
        if n.endswith(".csv")
    }
    failures.extend(f"{p} is published but not described by the data package" for p in sorted(published - described))
    keys = sum(1 for r in package["resources"] if isinstance(r.get("schema"), dict) and r["schema"].get("primaryKey"))
    print(f"datapackage: {len(described)} CSV resources of {len(published)} CSV files, {keys} inline primary keys")
    if keys == 0 or "version" not in package or "created" not in package:
        failures.append("the data package has no primary keys, version or created date")

    checked, xlsx_failures = check_xlsx(public)
    print(f"xlsx: {checked} files opened with openpyxl, {len(xlsx_failures)} differ from their CSV")
    if checked == 0:
        failures.append("no .xlsx file under date/")
    failures.extend(xlsx_failures)

    failures.extend(check_json_schemas(public))
    failures.extend(check_dcat(public, base_url))

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
    print("6 passed, 0 failed")


if __name__ == "__main__":
    main()
