#!/usr/bin/env python3
"""index.html in a real browser: headless Debian Chromium driven through
chromium-driver (python3-selenium), with the network off.

usage: index_html.py PATH-TO-ACTORGRAPH [--screenshot FILE]

Runs `actorgraph run` on the shipped dataset into a temporary folder, opens
out/new-great-game/index.html from file:// and checks what a reader does:
the page loads with no console errors and asks for nothing outside the
file; picking an era shows that era's diagram and hides the others;
clicking Pakistan in the diagram lists its relations with their cites;
the search finds Shoigu and his 2014 visit with its cite; sorting a table
by betweenness orders it; without JavaScript every section is shown.
Exits 77 (skipped) when Chromium, its driver or Selenium is absent.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def skip(why):
    print(f"skipped: {why}")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.action_chains import ActionChains
except ImportError:
    skip("python3-selenium is not installed")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not os.access(CHROMIUM, os.X_OK) or not os.access(DRIVER, os.X_OK):
    skip("chromium or chromedriver is not installed")

failures = 0


def check(ok, what, detail=""):
    global failures
    if ok:
        print(f"ok   {what}")
    else:
        failures += 1
        print(f"FAIL {what}" + (f"\n     {detail}" if detail else ""))


def browser(profile, javascript=True):
    o = Options()
    o.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--window-size=1400,1000",
              # The network is off: any name resolves to nothing.
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
              f"--user-data-dir={profile}"):
        o.add_argument(a)
    if not javascript:
        o.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def visible_views(d):
    return [s.get_attribute("data-view") for s in d.find_elements(By.CSS_SELECTOR, "section.view")
            if s.is_displayed()]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    tool = sys.argv[1]
    shot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    tmp = tempfile.mkdtemp(prefix="ag-browser-")
    try:
        out = os.path.join(tmp, "out")
        subprocess.run([tool, "run", "graphs/new-great-game", "-o", out], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        page = os.path.join(out, "new-great-game", "index.html")
        check(os.path.isfile(page), "run writes index.html")
        html = open(page, encoding="utf-8").read()
        external = [u for u in re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', html)
                    if re.match(r"(?i)(https?:)?//", u)]
        check(not external, "no external resources (scripts, styles, fonts, images)",
              ", ".join(external[:5]))
        check("<script" in html and "<style" in html, "CSS and JavaScript are inline")

        try:
            d = browser(os.path.join(tmp, "profile"))
        except Exception as e:  # a browser that can't start here
            skip(f"chromium could not start: {str(e).splitlines()[0]}")
        try:
            d.get("file://" + page)
            errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
            check(not errors, "no console errors", "; ".join(e["message"] for e in errors[:3]))

            views = visible_views(d)
            check(len(views) == 1, "one era at a time with JavaScript", f"visible: {views}")
            buttons = d.find_elements(By.CSS_SELECTOR, "#picker button")
            labels = [b.get_attribute("data-view") for b in buttons]
            check("era-post-2001" in labels and "compare" in labels,
                  "the era picker lists the eras and the comparison", f"{labels}")

            d.find_element(By.CSS_SELECTOR, '#picker button[data-view="era-post-2001"]').click()
            check(visible_views(d) == ["era-post-2001"], "picking post-2001 shows that era only",
                  f"visible: {visible_views(d)}")
            sec = d.find_element(By.CSS_SELECTOR, 'section[data-view="era-post-2001"]')
            svg = sec.find_elements(By.CSS_SELECTOR, "figure svg")
            check(svg and svg[0].is_displayed() and svg[0].size["height"] > 200,
                  "its diagram is shown")

            # Pakistan in the diagram: a real click on its shape.
            node = None
            for g in sec.find_elements(By.CSS_SELECTOR, "svg g.node"):
                if g.find_element(By.TAG_NAME, "title").get_attribute("textContent") == "PAK":
                    node = g
            check(node is not None, "Pakistan is a node of the post-2001 diagram")
            if node is not None:
                shape = node.find_elements(By.CSS_SELECTOR, "polygon, ellipse, path")[0]
                d.execute_script("arguments[0].scrollIntoView({block: 'center'})", shape)
                ActionChains(d).move_to_element(shape).click().perform()
                panel = d.find_element(By.ID, "panel")
                title = d.find_element(By.ID, "panel-title").text if panel.is_displayed() else ""
                check("PAK" in title, "clicking Pakistan opens its panel", f"title: {title!r}")
                rows = panel.find_elements(By.CSS_SELECTOR, "table.relations tbody tr")
                cites = [r.find_element(By.CSS_SELECTOR, "td.cite").text for r in rows]
                check(len(rows) > 20 and all(cites), "its relations are listed, each with its cite",
                      f"{len(rows)} rows, {sum(1 for c in cites if not c)} without cite")
                d.find_element(By.ID, "panel-close").click()

            box = d.find_element(By.ID, "search")
            box.send_keys("Shoigu")
            res = d.find_element(By.ID, "search-results")
            check(res.is_displayed() and "shoigu" in res.text.lower(), "the search finds Shoigu",
                  res.text[:200])
            link = res.find_element(By.CSS_SELECTOR, 'a.actor[data-actor="shoigu"]')
            link.click()
            panel = d.find_element(By.ID, "panel")
            rows = panel.find_elements(By.CSS_SELECTOR, "table.relations tbody tr")
            visit = [r for r in rows if r.find_element(By.CSS_SELECTOR, "td.date").text.startswith("2014")
                     and r.find_elements(By.TAG_NAME, "td")[3].text == "visit"]
            check(visit and visit[0].find_element(By.CSS_SELECTOR, "td.cite").text,
                  "his 2014 visit is listed with its cite",
                  " | ".join(r.text for r in rows[:5]))
            d.find_element(By.ID, "panel-close").click()

            # Sorting the post-2001 actors table by betweenness.
            table = sec.find_element(By.CSS_SELECTOR, "table.sortable[id$=\"-actors\"]")
            heads = table.find_elements(By.CSS_SELECTOR, "thead th")
            col = [h.text.strip().split(" ")[0] for h in heads].index("betweenness")
            heads[col].find_element(By.TAG_NAME, "button").click()
            vals = [float(r.find_elements(By.TAG_NAME, "td")[col].get_attribute("data-v"))
                    for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
            check(len(vals) > 5 and vals == sorted(vals, reverse=True),
                  "sorting by betweenness orders the table, largest first", f"{vals[:6]}")
            heads[col].find_element(By.TAG_NAME, "button").click()
            vals = [float(r.find_elements(By.TAG_NAME, "td")[col].get_attribute("data-v"))
                    for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
            check(vals == sorted(vals), "a second click sorts it the other way")

            d.find_element(By.CSS_SELECTOR, '#picker button[data-view="compare"]').click()
            comp = d.find_element(By.CSS_SELECTOR, 'section[data-view="compare"]')
            check(comp.is_displayed() and "flipped" in comp.text.lower(),
                  "the comparison says what flipped")
            if shot:
                d.find_element(By.CSS_SELECTOR, '#picker button[data-view="era-post-2001"]').click()
                if node is not None:
                    d.execute_script("window.scrollTo(0, 0)")
                    shape = node.find_elements(By.CSS_SELECTOR, "polygon, ellipse, path")[0]
                    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", shape)
                d.save_screenshot(shot)
            errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
            check(not errors, "still no console errors after clicking around",
                  "; ".join(e["message"] for e in errors[:3]))
        finally:
            d.quit()

        d = browser(os.path.join(tmp, "profile-nojs"), javascript=False)
        try:
            d.get("file://" + page)
            views = visible_views(d)
            all_views = d.find_elements(By.CSS_SELECTOR, "section.view")
            check(len(views) == len(all_views) and len(views) >= 10,
                  "without JavaScript every section is shown", f"{len(views)} of {len(all_views)}")
        finally:
            d.quit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"browser: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
