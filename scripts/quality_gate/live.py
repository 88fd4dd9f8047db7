"""Step 6: the live preview in a real browser.

Starts `sitegen serve` on a copy of Content/ and Templates/ in a temporary folder, opens an
event page in headless Chromium, and, without reloading the page by hand: changes the
note's title on disk and waits for the new title; breaks the note's YAML and waits for the
error overlay naming the file (the page behind it is still the last good build); fixes the
note and waits for the overlay to go and the fixed title to show. Then stops the server
with SIGINT and checks it exits with status 0 and removes its temporary folder. Each check
that fails counts one; the seconds from each save to the page changing are printed.

usage: live.py SITEGEN_BINARY REPO TEMP_DIR COUNT_FILE
"""

import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import time

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import start_browser
from common import say, write_count

TIMEOUT = 30


def start_server(sitegen, folder):
    tmp = folder / "tmp"
    tmp.mkdir()
    environment = dict(os.environ, TMPDIR=str(tmp))
    server = subprocess.Popen(
        [sitegen, "serve", "--port", "0", "--content", "Content", "--templates", "Templates"],
        cwd=folder, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        match = re.match(r"Serving (http://\S+)", line)
        if match:
            return server, match.group(1), tmp
    server.kill()
    raise SystemExit(f"quality-gate: sitegen serve did not start: {server.stderr.read()}")


def save(path, text):
    """Writes a file the way many editors do: a temporary file, then a rename over it."""
    temporary = path.with_name(path.name + ".tmp-save")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return time.monotonic()


def main():
    sitegen, repo, temp, count_file = sys.argv[1:5]
    folder = pathlib.Path(temp) / "live"
    folder.mkdir()
    shutil.copytree(pathlib.Path(repo) / "Content", folder / "Content")
    shutil.copytree(pathlib.Path(repo) / "Templates", folder / "Templates")
    slug = sorted(p.name for p in (folder / "Content/events").iterdir() if (p / "en.md").exists())[0]
    note = folder / "Content/events" / slug / "en.md"
    original = note.read_text(encoding="utf-8")
    server, base, tmp = start_server(sitegen, folder)
    failures = 0

    def check(name, condition, started=None):
        nonlocal failures
        try:
            # The page reloads itself while it is being read: an element found just before
            # a reload is stale just after, which means "not yet", as a missing one does.
            WebDriverWait(driver, TIMEOUT, poll_frequency=0.02,
                          ignored_exceptions=(NoSuchElementException,
                                              StaleElementReferenceException)
                          ).until(lambda d: condition(d))
            took = f" in {time.monotonic() - started:.2f} s after the save" if started else ""
            say(f"   ok: {name}{took}")
        except Exception as error:  # a time-out, or the page going away
            failures += 1
            say(f"   FAIL: {name} ({type(error).__name__})")

    def heading(d):
        return d.find_element(By.TAG_NAME, "h1").text

    def overlay(d):
        found = d.find_elements(By.ID, "sitegen-overlay")
        return found[0].text if found else None

    driver = start_browser(pathlib.Path(temp), name="live")
    try:
        driver.get(f"{base}en/{slug}.html")
        check("the event page loads with the live-reload script", lambda d: heading(d) and d.execute_script(
            "return !!document.querySelector('script[src=\"/__sitegen/live.js\"]')"))
        time.sleep(0.5)  # the page's event stream connects
        edited = re.sub(r'(?m)^title: .*$', 'title: "Live preview: edited title"', original, count=1)
        started = save(note, edited)
        check("the new title shows without a reload", lambda d: heading(d) == "Live preview: edited title", started)
        broken = re.sub(r'(?m)^title: .*$', "title: [", original, count=1)
        started = save(note, broken)
        check("a broken note shows the overlay naming the file",
              lambda d: f"events/{slug}/en.md" in (overlay(d) or ""), started)
        check("the page behind the overlay is the last good build",
              lambda d: heading(d) == "Live preview: edited title")
        fixed = re.sub(r'(?m)^title: .*$', 'title: "Live preview: fixed title"', original, count=1)
        started = save(note, fixed)
        check("the fix removes the overlay and shows the page",
              lambda d: overlay(d) is None and heading(d) == "Live preview: fixed title", started)
    finally:
        driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            status = None
    if status == 0 and not any(tmp.iterdir()):
        say("   ok: Ctrl-C stops the server with status 0 and removes its temporary folder")
    else:
        failures += 1
        say(f"   FAIL: after Ctrl-C: status {status}, left {[p.name for p in tmp.iterdir()]}")
    say(f"   {failures} live-preview failures")
    write_count(count_file, failures)


if __name__ == "__main__":
    main()
