"""What the quality gate's steps share: the site's pages, its languages, and a step's count."""

import os
import pathlib
import re
import sys
import urllib.parse


def html_files(site):
    """Every .html file under the site folder, as sorted paths relative to it ('en/index.html')."""
    site = pathlib.Path(site)
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.is_file())


def is_not_found_page(relative):
    """The 404 pages: shown by the server for missing URLs, so no page links to them."""
    return relative == "404.html" or relative.endswith("/404.html")


def languages(site):
    """The language folders: the top-level folders that have an index.html, sorted."""
    site = pathlib.Path(site)
    return sorted(p.name for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file())


def event_page(site, language):
    """One event page of a language: the first page in its folder, by name, that is an
    article (not the index, a year's page or the 404 page)."""
    folder = pathlib.Path(site) / language
    for page in sorted(folder.glob("*.html")):
        if page.name != "404.html" and "<article" in page.read_text(encoding="utf-8", errors="replace"):
            return f"{language}/{page.name}"
    return None


def base_url(site):
    """Where the site says it lives: the canonical URL of its root page, when it has one
    (sitegen writes it from base_url). Absolute links into it (sitemap, feeds, canonical
    and alternate links) and the 404 pages' links depend on it."""
    index = (pathlib.Path(site) / "index.html").read_text(encoding="utf-8", errors="replace")
    for tag in re.findall(r"<link\b[^>]*>", index):
        if re.search(r"""\brel=["']?canonical\b""", tag):
            href = re.search(r"""\bhref=["']([^"']+)["']""", tag)
            if href and urllib.parse.urlsplit(href.group(1)).scheme in ("http", "https"):
                url = href.group(1)
                return url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"
    return None


def write_count(path, count):
    """Writes a step's count of problems where the gate's script reads it."""
    if path:
        pathlib.Path(path).write_text(f"{count}\n", encoding="utf-8")


def say(message=""):
    print(message, flush=True)


def fail(message):
    print(f"quality-gate: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def env(name):
    value = os.environ.get(name)
    if not value:
        fail(f"{name} is not set")
    return value


if __name__ == "__main__" and sys.argv[1:2] == ["base-path"]:
    # For the gate's script: the path of the site's base URL, or nothing.
    url = base_url(sys.argv[2])
    print(urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url else "")
