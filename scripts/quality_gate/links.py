"""Step 2: links, anchors and orphans, with linkchecker.

Crawls the site twice at once, with AnchorCheck on:
- over HTTP from the prefix's root: broken links and anchors, and the pages it reached,
  which must be every .html file on disk but the 404 pages (no page links to those: the
  server shows them);
- from disk (file:// URLs), from index.html: broken links and anchors as a reader who
  opens the folder sees them, and links that point at a folder, which work over HTTP (the
  server adds index.html) but open a file listing from disk.
The 404 pages are linked by no page: step 1 checks their links where they are shown, at
missing URLs. Absolute links into the site's own base_url (canonical, alternates, sitemap,
feeds, JSON) are checked against the site's files.
On either crawl a link that leaves the site's folder is broken, though linkchecker only
reports it as outside its domain filter. Links to other sites are not checked (no
network): they are counted.

usage: links.py SITE BASE_URL TEMP_DIR COUNT_FILE_LINKS COUNT_FILE_ANCHORS COUNT_FILE_ORPHANS
"""

import csv
import html
import pathlib
import re
import subprocess
import sys
import time
import urllib.parse

from common import base_url, html_files, is_not_found_page, say, write_count

RC = """\
# Written by scripts/quality-gate for one run of linkchecker.
[checking]
# The local server and disk answer at once: no rate limit (nginx sends the LinkChecker
# header that lets linkchecker go above 10 requests a second; it then waits 1/rate to
# 6/rate seconds between requests), short timeouts. Parsing, not waiting, is then its
# limit, so a few threads suffice.
threads=8
timeout=10
aborttimeout=10
maxrequestspersecond=1000000
# Check every page, whatever a future robots.txt says.
robotstxt=0
[filtering]
checkextern=0
internlinks={internal}
[output]
status=0
[AnchorCheck]
"""

TEXT_SUFFIXES = {".html", ".xml", ".json", ".txt", ".webmanifest", ".svg", ".css"}
ANCHOR = re.compile(r"Anchor `.*' \(decoded: `.*'\) not found")


def run_linkchecker(temp, name, internal, start_urls):
    rc = temp / f"linkcheckerrc-{name}"
    rc.write_text(RC.format(internal=internal), encoding="utf-8")
    rc.chmod(0o644)  # linkchecker run as root drops to the user nobody
    command = ["linkchecker", "--config", str(rc), "--output", "csv/utf-8", "--verbose", "--no-status", *start_urls]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def rows(process, temp, name, problems):
    out, err = process.communicate()
    if process.returncode not in (0, 1):  # 1: it found problems, which the rows tell
        problems.append(f"linkchecker ({name}) failed with status {process.returncode}: {err.decode(errors='replace')}")
        return []
    (temp / f"linkchecker-{name}.csv").write_bytes(out)
    # Its comments start with '# '; a row can start with '#' ('#main;...', a same-page link).
    lines = [line for line in out.decode("utf-8").splitlines(keepends=True) if not line.startswith("# ")]
    return list(csv.DictReader(lines, delimiter=";"))


class Findings:
    """Problems keyed by where the link is (page relative to the site, line, column, link),
    so that one link found broken by both crawls counts once."""

    def __init__(self, folder):
        self.found = {}
        self.folder = folder  # the site's folder, left out of messages as the URLs are

    def add(self, kind, row, root, message, crawl):
        parent = row.get("parentname") or ""
        page = parent[len(root) :] if parent.startswith(root) else parent or "(start URL)"
        key = (kind, urllib.parse.unquote(page), row.get("line"), row.get("column"), row.get("urlname"))
        # The same message from both crawls is said once, naming both.
        message = message.replace(root, "").replace(self.folder, "")
        self.found.setdefault(key, {}).setdefault(message, []).append(crawl)

    def lines(self, kind):
        return [
            f"{page}{f':{line}:{column}' if line else ''}: {link!r}: "
            + "; ".join(f"{message} ({', '.join(crawls)})" for message, crawls in messages.items())
            for (k, page, line, column, link), messages in sorted(self.found.items(), key=lambda i: tuple(map(str, i[0])))
            if k == kind
        ]


def classify(row, root, crawl, same_space, findings, external):
    url = row.get("url") or row.get("urlname") or ""
    for warning in filter(None, (row.get("warningstring") or "").split("\n")):
        findings.add("anchor" if ANCHOR.search(warning) else "link", row, root, warning, crawl)
    if row.get("result") == "filtered":
        if same_space(url) and not url.startswith(root):
            findings.add("link", row, root, f"leads out of the site's folder, to {url}", crawl)
        elif not same_space(url):
            external.add(url)
    elif row.get("valid") != "True":
        findings.add("link", row, root, f"{row.get('result')} {row.get('infostring') or ''}".rstrip(), crawl)


def absolute_links(site, site_url):
    """Absolute links into the site's own base_url, in any of its text files (canonical and
    alternate links, sitemap.xml, robots.txt, feeds, JSON): linkchecker sees them as links to
    another site, so they are checked here against the files: each must name a file of the
    site ('.../en/' names en/index.html), and an anchor must name an id of that page."""
    pattern = re.compile(re.escape(site_url) + r"""[^\s"'<>\\)]*""")
    ids, broken, checked = {}, [], 0
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\\/", "/")  # JSON may escape '/'
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                url = html.unescape(match.group(0))
                checked += 1
                parts = urllib.parse.urlsplit(url)
                relative = urllib.parse.unquote(parts.path[len(urllib.parse.urlsplit(site_url).path) :])
                if relative == "" or relative.endswith("/"):
                    relative += "index.html"
                target = site / relative
                where = f"{path.relative_to(site).as_posix()}:{number}: {url!r}"
                if not target.is_file():
                    broken.append(f"{where}: names no file of the site ({relative})")
                elif parts.fragment and target.suffix == ".html":
                    if relative not in ids:
                        ids[relative] = set(re.findall(r"""\bid=["']?([^"'\s>]+)""", target.read_text(encoding="utf-8")))
                        ids[relative] = {html.unescape(i) for i in ids[relative]}
                    if urllib.parse.unquote(parts.fragment) not in ids[relative]:
                        broken.append(f"{where}: no element of {relative} has id {parts.fragment!r}")
    return checked, broken


def main():
    site, base, temp = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], pathlib.Path(sys.argv[3])
    links_file, anchors_file, orphans_file = sys.argv[4:7]
    site_uri = site.as_uri() + "/"
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))

    started = time.monotonic()
    http = run_linkchecker(temp, "http", "^" + re.escape(base), [base])
    not_found_pages = [p for p in html_files(site) if is_not_found_page(p)]
    disk = run_linkchecker(temp, "file", "^" + re.escape(site_uri), [(site / "index.html").as_uri()])

    problems, findings, external = [], Findings(f"{site}/"), set()
    http_rows = rows(http, temp, "http", problems)
    disk_rows = rows(disk, temp, "file", problems)

    visited = set()
    for row in http_rows:
        classify(row, base, "HTTP", lambda u: u.startswith(origin), findings, external)
        url = row.get("url") or ""
        if row.get("valid") == "True" and url.startswith(base):
            path = urllib.parse.unquote(urllib.parse.urlsplit(url[len(base) :]).path)
            visited.add(path + "index.html" if path == "" or path.endswith("/") else path)

    for row in disk_rows:
        classify(row, site_uri, "disk", lambda u: u.startswith("file:"), findings, external)
        if row.get("result") == "directory" and row.get("parentname"):
            findings.add("link", row, site_uri, "points at a folder: from disk that opens a file listing", "disk")

    site_url = base_url(site)
    site_links = {url for url in external if site_url and url.startswith(site_url)}
    absolute_checked, absolute = absolute_links(site, site_url) if site_url else (0, [])
    broken = problems + findings.lines("link") + absolute
    anchors = findings.lines("anchor")
    orphans = [p for p in html_files(site) if p not in visited and not is_not_found_page(p)]

    for line in broken:
        say(f"  BROKEN LINK {line}")
    for line in anchors:
        say(f"  BROKEN ANCHOR {line}")
    for page in orphans:
        say(f"  ORPHAN {page}: no chain of links from the root reaches it")
    say(
        f"  {len(http_rows)} URLs checked over HTTP, {len(disk_rows)} from disk, in {time.monotonic() - started:.1f} s; "
        f"{len(visited & set(html_files(site)))} of {len(html_files(site))} pages reached from the root "
        f"({len(not_found_pages)} 404 pages are linked by no page, by design: step 1 checks them); "
        + (f"{absolute_checked} absolute links into {site_url} checked against the files; " if site_url else "")
        + f"{len(external - set(site_links))} links to other sites not checked (no network)"
    )
    write_count(links_file, len(broken))
    write_count(anchors_file, len(anchors))
    write_count(orphans_file, len(orphans))


if __name__ == "__main__":
    main()
