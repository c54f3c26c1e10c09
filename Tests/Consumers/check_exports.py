#!/usr/bin/env python3
"""Reads mapc's exports the way their consumers do, and checks what the formats promise.

    check_exports.py ics FILE...                 icalendar (PyPI) parses each feed with no
                                                 component errors; CRLF, <= 75 octets a line,
                                                 unique UIDs, DTSTAMP in UTC, all-day events.
    check_exports.py csv COLUMNS_JSON FILE       Python's csv module reads it back; the header is
                                                 exactly the JSON list COLUMNS_JSON, every row
                                                 has that many cells.
    check_exports.py salesforce FILE             as csv, and ActivityDate is yyyy-MM-dd, Status is
                                                 in Salesforce's Task picklist.

Prints one line per file ("ok FILE: N events" / "ok FILE: N rows") and exits 1 on the first
problem, naming it.
"""

import csv
import io
import json
import re
import sys

SALESFORCE_STATUSES = {"Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"}
SALESFORCE_PRIORITIES = {"High", "Normal", "Low"}


def fail(message):
    print(f"FAIL {message}")
    sys.exit(1)


def check_ics(path):
    import icalendar

    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        fail(f"{path}: does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"{path}:{n}: a bare line break")
        if len(line) > 75:
            fail(f"{path}:{n}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{path}:{n}: a fold splits a UTF-8 sequence")
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        if component.errors:
            fail(f"{path}: {component.name} has errors: {component.errors}")
    for name in ("X-WR-CALNAME", "NAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        if name not in calendar:
            fail(f"{path}: no {name}")
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    if len(uids) != len(set(uids)):
        fail(f"{path}: repeated UIDs")
    for e in events:
        for forbidden in ("ORGANIZER", "ATTENDEE"):
            if forbidden in e:
                fail(f"{path}: {e['UID']} has {forbidden}")
        stamp = e.decoded("DTSTAMP")
        if stamp.tzinfo is None or stamp.utcoffset().total_seconds() != 0:
            fail(f"{path}: {e['UID']} DTSTAMP is not in UTC")
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        if hasattr(start, "hour") or hasattr(end, "hour"):
            fail(f"{path}: {e['UID']} is not an all-day event")
        if end <= start:
            fail(f"{path}: {e['UID']} ends before it starts")
        if str(e.get("TRANSP")) != "TRANSPARENT":
            fail(f"{path}: {e['UID']} is not TRANSPARENT")
        int(e["SEQUENCE"])
    # The raw lines say VALUE=DATE on both ends of every event.
    text = data.replace(b"\r\n ", b"").replace(b"\r\n", b"\n").decode("utf-8")
    if text.count("DTSTART;VALUE=DATE:") != len(events) or text.count("DTEND;VALUE=DATE:") != len(events):
        fail(f"{path}: not every DTSTART/DTEND is a DATE")
    if re.search(r"^DTSTAMP:(?!\d{8}T\d{6}Z$)", text, re.M):
        fail(f"{path}: a DTSTAMP is not written in UTC form")
    print(f"ok {path}: {len(events)} events")


def read_csv(path):
    data = open(path, "rb").read()
    if data and not data.endswith(b"\r\n"):
        fail(f"{path}: the last record does not end with CRLF")
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        fail(f"{path}: no header")
    return rows[0], rows[1:]


def check_csv(columns, path):
    header, rows = read_csv(path)
    if header != columns:
        fail(f"{path}: header {header} is not {columns}")
    for n, row in enumerate(rows, 2):
        if len(row) != len(header):
            fail(f"{path}: record {n} has {len(row)} cells, not {len(header)}")
    print(f"ok {path}: {len(rows)} rows")
    return header, rows


def check_salesforce(path):
    header, rows = read_csv(path)
    for need in ("Subject", "ActivityDate", "Status", "MAPC_External_Id__c"):
        if need not in header:
            fail(f"{path}: no {need} column")
    keys = set()
    for row in rows:
        record = dict(zip(header, row))
        if record["ActivityDate"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["ActivityDate"]):
            fail(f"{path}: ActivityDate {record['ActivityDate']!r} is not yyyy-MM-dd")
        if record["Status"] not in SALESFORCE_STATUSES:
            fail(f"{path}: Status {record['Status']!r} is not in the Task picklist")
        if record.get("Priority", "Normal") not in SALESFORCE_PRIORITIES:
            fail(f"{path}: Priority {record['Priority']!r} is not in the Task picklist")
        if not record["Subject"] or len(record["Subject"]) > 255:
            fail(f"{path}: Subject empty or longer than 255")
        if record["MAPC_External_Id__c"] in keys:
            fail(f"{path}: repeated external id {record['MAPC_External_Id__c']}")
        keys.add(record["MAPC_External_Id__c"])
    print(f"ok {path}: {len(rows)} tasks")


def main():
    mode = sys.argv[1]
    if mode == "ics":
        for path in sys.argv[2:]:
            check_ics(path)
    elif mode == "csv":
        check_csv(json.loads(sys.argv[2]), sys.argv[3])
    elif mode == "salesforce":
        check_salesforce(sys.argv[2])
    else:
        fail(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
