"""Step 1: the site served by nginx under a path prefix.

The site is served under an arbitrary prefix and, when it has a base_url, under that
URL's path too. Checks, under each, that the root, every language's index (as 'en/' and
'en/index.html') and missing URLs behave: the pages come back with status 200 and exactly
the bytes on disk; a missing URL at the top and in each language's folder (and, under
base_url's path, two folders down) comes back with status 404 and that folder's 404.html,
and every link, stylesheet and icon of that 404 page resolves from the missing URL (a 404
page is shown at the missing URL's address, not at its own).

usage: serve.py SITE ORIGIN PREFIX COUNT_FILE    (ORIGIN: http://127.0.0.1:PORT)
"""

import html.parser
import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request

from common import base_url, languages, say, write_count


def fetch(url):
    """(status, content type, body) of a GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


class Links(html.parser.HTMLParser):
    """The URLs a page loads or links to, and its ids."""

    ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "area": "href"}

    def __init__(self):
        super().__init__()
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        name = self.ATTRIBUTES.get(tag)
        if name and attrs.get(name) is not None:
            self.urls.append(attrs[name])


def check_page(url, status_wanted, expected, problems):
    status, content_type, body = fetch(url)
    if status != status_wanted:
        problems.append(f"{url}: status {status}, expected {status_wanted}")
        return None
    if not content_type.startswith("text/html"):
        problems.append(f"{url}: Content-Type {content_type!r}, expected text/html")
    if body != expected.read_bytes():
        problems.append(f"{url}: the body is not {expected}")
        return None
    return body


def check_links(prefixes, page_url, body, problems):
    """Every link of a page shown at page_url: same-page anchors exist, and links to this
    server stay inside one of the prefixes the site is served under and answer 200."""
    parser = Links()
    parser.feed(body.decode("utf-8"))
    checked = 0
    origin = urllib.parse.urlsplit(prefixes[0])
    page = urllib.parse.urlunsplit(urllib.parse.urlsplit(page_url)._replace(fragment=""))
    for href in parser.urls:
        target = urllib.parse.urljoin(page_url, href)
        parts = urllib.parse.urlsplit(target)
        if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
            continue  # an absolute link elsewhere (a source, base_url's host): not this server's
        without_fragment = urllib.parse.urlunsplit(parts._replace(fragment=""))
        checked += 1
        if not any(target.startswith(prefix) for prefix in prefixes):
            problems.append(f"{page_url}: link {href!r} leads out of the site to {target}")
        elif without_fragment == page:
            if parts.fragment and urllib.parse.unquote(parts.fragment) not in parser.ids:
                problems.append(f"{page_url}: link {href!r}: no element has id {parts.fragment!r}")
        else:
            status, _, _ = fetch(without_fragment)
            if status != 200:
                problems.append(f"{page_url}: link {href!r} -> {target}: status {status}")
    return checked


def check_prefix(site, base, prefixes, deep, problems):
    """The pages and the 404 handling of the site served under base; returns the number of checks."""
    checks = 0
    for path, expected in [("", "index.html"), ("index.html", "index.html")] + [
        (f"{code}{suffix}", f"{code}/index.html") for code in languages(site) for suffix in ("/", "/index.html")
    ]:
        checks += 1
        check_page(base + path, 200, site / expected, problems)

    folders = [""] + [f"{code}/" for code in languages(site)]
    missing = [(folder, f"{folder}no-such-page-quality-gate.html") for folder in folders]
    if deep:
        missing += [(folders[-1], f"{folders[-1]}no/such/folder/page.html")]
    for folder, path in missing:
        not_found = site / folder / "404.html"
        if not not_found.is_file():
            not_found = site / "404.html"
        checks += 1
        body = check_page(base + path, 404, not_found, problems)
        if body is not None:
            checks += check_links(prefixes, base + path, body, problems)
    return checks


def main():
    site, origin, prefix, count_file = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    problems = []
    if not (site / "404.html").is_file():
        problems.append("the site has no 404.html")
    site_url = base_url(site)
    base_path = urllib.parse.unquote(urllib.parse.urlsplit(site_url).path) if site_url else None
    prefixes = [origin + prefix] + ([origin + base_path] if base_path and base_path != prefix else [])

    # Under any prefix: the pages, and a 404 page at a missing URL in each folder. Without
    # base_url, the 404 pages' links are relative to their folder, so a missing URL deeper
    # down cannot show one whose links work: that is what base_url is for.
    checks = check_prefix(site, prefixes[0], prefixes, deep=False, problems=problems)
    # Under base_url's path, where its 404 pages' links point: at any depth.
    if len(prefixes) > 1:
        checks += check_prefix(site, prefixes[1], prefixes, deep=True, problems=problems)

    for problem in problems:
        say(f"  FAIL {problem}")
    say(f"  {checks - len(problems)} of {checks} checks of the served site passed (under {', '.join(prefixes)})")
    if site_url is None:
        say("  note: the site has no base_url (no canonical link on its root page): 404 pages work only at "
            "missing URLs directly in the top folder or a language folder")
    write_count(count_file, len(problems))


if __name__ == "__main__":
    main()
