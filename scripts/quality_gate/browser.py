"""Steps 4 and 5: axe-core on every page, then screenshots, in headless Chromium.

axe-core (bundled by selenium-axe-python) runs with every rule it enables by default, on
every page as served under the prefix, twice: in the light colour scheme at 1280x900 and
in the dark one at 390x844 (a phone), because the stylesheet changes colours in dark mode
and layout on narrow screens. One browser per core shares out the pages. Any violation, whatever its impact, counts once per page and
rule. Then it screenshots the root, each language's index and one event page per
language at 1280x900 and 390x844 into the screenshots folder.

usage: browser.py SITE BASE_URL TEMP_DIR SCREENSHOT_DIR COUNT_FILE
"""

import os
import pathlib
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium_axe_python import Axe

from common import event_page, html_files, languages, say, write_count

PASSES = [("light", 1280, 900), ("dark", 390, 844)]
SIZES = [(1280, 900), (390, 844)]
BROWSERS = max(1, min(4, os.cpu_count() or 1))


def start_browser(temp, name="chromium"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in [
        "--headless=new",
        "--no-sandbox",  # as root, and in containers, Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={temp / (name + '-profile')}",
        "--window-size=1280,900",
    ]:
        options.add_argument(argument)
    service = Service(executable_path="/usr/bin/chromedriver", log_output=str(temp / f"chromedriver-{name}.log"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def emulate(driver, scheme, width, height):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )


def load(driver, url):
    driver.get(url)
    driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());")


def run_axe_on(driver, base, pages, found, incomplete, lock):
    """axe in every pass on each of pages, adding to found {(page, rule): {...}} and
    incomplete {(rule, reason): {pages}}. A page is loaded once: the passes switch the
    colour scheme and the viewport on the loaded page, and the stylesheet follows."""
    axe = Axe(driver)
    for page in pages:
        for number, (scheme, width, height) in enumerate(PASSES):
            emulate(driver, scheme, width, height)
            if number == 0:
                load(driver, base + page)
                axe.inject()
            results = axe.run(options={"resultTypes": ["violations", "incomplete"]})
            with lock:
                record(page, f"{scheme} {width}x{height}", results, found, incomplete)


def record(page, name, results, found, incomplete):
    for violation in results["violations"]:
        entry = found.setdefault(
            (page, violation["id"]),
            {"impact": violation["impact"], "help": violation["help"], "url": violation["helpUrl"], "passes": set(), "nodes": []},
        )
        entry["passes"].add(name)
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            line = f"{' '.join(map(str, node['target']))}: {summary}"
            if line not in entry["nodes"]:
                entry["nodes"].append(line)
    for result in results["incomplete"]:
        for node in result["nodes"]:
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                data = check.get("data")
                reason = data.get("messageKey") if isinstance(data, dict) else None
                incomplete.setdefault((result["id"], reason or check.get("id")), set()).add(page)


def run_axe(drivers, base, pages):
    """The pages shared out between the browsers (the machine has more than one core)."""
    found, incomplete, lock, errors = {}, {}, threading.Lock(), []

    def work(driver, share):
        try:
            run_axe_on(driver, base, share, found, incomplete, lock)
        except Exception as error:  # reported after the other browsers end
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(driver, pages[index :: len(drivers)])) for index, driver in enumerate(drivers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return found, incomplete


def screenshots(driver, site, base, folder):
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    codes = languages(site)
    first = event_page(site, codes[0]) if codes else None
    slug = first.split("/", 1)[1] if first else None
    pages = [("root", "index.html")]
    for code in codes:
        pages.append((f"{code}-index", f"{code}/index.html"))
        event = f"{code}/{slug}" if slug and (site / code / slug).is_file() else event_page(site, code)
        if event:
            pages.append((f"{code}-{pathlib.PurePosixPath(event).stem}", event))
    taken = []
    for width, height in SIZES:
        emulate(driver, "light", width, height)
        for name, page in pages:
            load(driver, base + page)
            path = folder / f"{name}-{width}x{height}.png"
            driver.save_screenshot(str(path))
            taken.append(path)
    return taken


def sampled(pages):
    """Every page, or with QUALITY_GATE_AXE_SAMPLE=N for a site of thousands of pages, every
    page that is not an event's (indexes, year and topic pages, 404s) and N event pages
    spread evenly over the rest: axe takes about half a second a page. Nu and linkchecker
    always see every page."""
    limit = int(os.environ.get("QUALITY_GATE_AXE_SAMPLE", "0") or 0)

    def is_event(page):
        parts = pathlib.PurePosixPath(page).parts
        return len(parts) == 2 and parts[1] not in ("index.html", "404.html")

    events = [page for page in pages if is_event(page)]
    if limit <= 0 or len(events) <= limit:
        return pages
    step = len(events) / limit
    chosen = {events[int(index * step)] for index in range(limit)}
    say(f"  axe runs on a sample: {limit} of {len(events)} event pages, and every other page")
    return [page for page in pages if not is_event(page) or page in chosen]


def main():
    site, base = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
    temp, shots, count_file = pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4]), sys.argv[5]
    pages = sampled(html_files(site))
    drivers = []
    try:
        for index in range(BROWSERS):
            drivers.append(start_browser(temp, f"chromium-{index}"))
        driver = drivers[0]
        started = time.monotonic()
        found, incomplete = run_axe(drivers, base, pages)
        axe_time = time.monotonic() - started
        by_page = {}
        for (page, rule), entry in sorted(found.items()):
            by_page.setdefault(page, []).append((rule, entry))
        for page, violations in by_page.items():
            say(f"  {page}: {len(violations)} violations")
            for rule, entry in violations:
                say(f"    {rule} ({entry['impact']}, {', '.join(sorted(entry['passes']))}): {entry['help']} <{entry['url']}>")
                for node in entry["nodes"][:5]:
                    say(f"      {node}")
                if len(entry["nodes"]) > 5:
                    say(f"      ... and {len(entry['nodes']) - 5} more elements")
        for (rule, reason), where in sorted(incomplete.items()):
            say(f"  note: axe could not decide {rule} ({reason}) on {len(where)} pages, e.g. {sorted(where)[0]} "
                "(needs review by a person; not counted)")
        say(
            f"  axe-core {driver.execute_script('return axe.version')}: {len(pages)} pages x {len(PASSES)} passes "
            f"({', '.join(f'{s} {w}x{h}' for s, w, h in PASSES)}) in {axe_time:.1f} s: {len(found)} violations "
            f"on {len(by_page)} pages"
        )
        write_count(count_file, len(found))

        started = time.monotonic()
        taken = screenshots(driver, site, base, shots)
        say(f"  step 5, screenshots: {len(taken)} in {shots}/ in {time.monotonic() - started:.1f} s")
    finally:
        for each in drivers:
            each.quit()


if __name__ == "__main__":
    main()
