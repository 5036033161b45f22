"""--format html in a real browser: headless Chromium driven by Selenium opens the page the
installed command wrote and checks what an editor sees and does: the marks sit on the
finding's words, the filters hide and show marks and articles, a mark focused from the
keyboard (or hovered) shows its message, nothing is fetched from the network, and the
page fits a phone's width. Screenshots go to the test's output folder (printed).

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); skipped without them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from htmlpage import HOSTILE_ARTICLE, HOSTILE_NAME, MARKDOWN_ARTICLE, SPACES_ARTICLE
from reportcorpus import CLEAN_ARTICLE, SEED
from testkit import lintnews_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
    pytest.skip("Chromium and ChromeDriver are not installed (Debian: apt-get install chromium chromium-driver)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SUGGESTION_ONLY = "Harbour plan goes to council\n\nThe council will review the harbour plan on Monday, its chair said.\n"
ARTICLES = {
    "council-budget.md": MARKDOWN_ARTICLE,
    "seed.txt": SEED.read_text(encoding="utf-8"),
    "harbour.txt": SUGGESTION_ONLY,
    HOSTILE_NAME: HOSTILE_ARTICLE,
    "clean.txt": CLEAN_ARTICLE,
    "storm.txt": SPACES_ARTICLE,
}

# What the page shows, read in the browser: per article, each finding's number, rule, level,
# position and the text of its mark (all pieces), as the DOM has them.
READ_PAGE = """
var out = {};
document.querySelectorAll("article.article").forEach(function (section) {
  out[section.querySelector("h2").textContent] = Array.from(section.querySelectorAll("li.finding")).map(function (li) {
    var text = Array.from(section.querySelectorAll('mark[data-f="' + li.dataset.f + '"]'))
      .map(function (m) { return m.textContent; }).join("");
    return [li.dataset.f, li.dataset.rule, li.dataset.level, li.querySelector(".go").textContent, text];
  });
});
return out;
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder of articles, the command's JSON findings for it, and its HTML report."""
    root = tmp_path_factory.mktemp("html-report")
    content = root / "content"
    content.mkdir()
    for name, text in ARTICLES.items():
        (content / name).write_bytes(text.encode("utf-8"))
    base = {k: v for k, v in os.environ.items() if not k.startswith("LINTNEWS_ALLOW_")}
    env = {**base, "NO_COLOR": "1", "XDG_CONFIG_HOME": str(root / "xdg")}
    run = [*lintnews_command(), "check", str(content)]
    done = subprocess.run([*run, "--format", "json"], capture_output=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)
    report = root / "report.html"
    done = subprocess.run([*run, "--format", "html", "--output", str(report)], capture_output=True, env=env,
                          timeout=120)
    assert done.returncode == 1, done.stderr
    return content, findings, report


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1200,900"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = webdriver.ChromeService(executable_path=DRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, site):
    browser.set_window_size(1200, 900)
    browser.get(site[2].as_uri())
    return browser


def marks(driver, **data) -> list:
    query = "mark.f" + "".join(f'[data-{k}="{v}"]' for k, v in data.items())
    return driver.find_elements(By.CSS_SELECTOR, query)


def is_on(mark) -> bool:
    return "off" not in mark.get_attribute("class").split()


def test_marks_sit_on_the_findings_words(page, site):
    content, findings, _ = site
    shown = page.execute_script(READ_PAGE)
    expected: dict[str, list] = {}
    for f in findings:
        text = (Path(f["path"])).read_bytes().decode("utf-8")
        expected.setdefault(f["path"], []).append(
            [f["rule"], f["severity"], f"line {f['line']}, column {f['column']}", text[f["start"]:f["end"]]])
    assert {path: [row[1:] for row in rows] for path, rows in shown.items()} == expected
    assert str(content / "clean.txt") in page.find_element(By.CSS_SELECTOR, "section.clean").text
    # As the reader sees them: the confusable and the doubled verb in the Markdown article.
    article = page.find_element(By.XPATH, "//article[h2[contains(., 'council-budget.md')]]")
    page.execute_script("arguments[0].scrollIntoView()", article)
    seen = {m.text for m in article.find_elements(By.CSS_SELECTOR, "mark.f") if m.is_displayed()}
    assert {"hi", "said said", "450.000"} <= seen
    hi = next(m for m in article.find_elements(By.CSS_SELECTOR, 'mark[data-rule="News.Confusables"]'))
    assert hi.size["width"] > 0 and hi.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    # Spaces at the end of a line take room, so their mark shows.
    (trailing,) = marks(page, rule="News.TrailingWhitespace")
    assert trailing.size["width"] > 5
    # The hostile article's markup stayed text: no script of it ran.
    assert page.execute_script("return window.pwned === undefined")


def test_nothing_is_fetched(page, site):
    page.get_log("performance")  # drop what came before (the browser's own start page)
    page.get_log("browser")
    page.get(site[2].as_uri())
    urls = [json.loads(entry["message"])["message"].get("params", {}).get("request", {}).get("url", "")
            for entry in page.get_log("performance")
            if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"]
    assert urls and all(url.startswith("file:") for url in urls), urls
    problems = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert problems == []  # no script error, no refused stylesheet or script


def test_level_and_rule_filters_hide_and_show(page):
    suggestions, others = marks(page, level="suggestion"), marks(page, level="error")
    harbour = page.find_element(By.XPATH, "//article[h2[contains(., 'harbour.txt')]]")
    assert suggestions and others and harbour.is_displayed()
    box = page.find_element(By.CSS_SELECTOR, 'input[name="level"][value="suggestion"]')
    box.click()
    assert not any(is_on(m) for m in suggestions) and all(is_on(m) for m in others)
    assert all(m.get_attribute("tabindex") == "-1" for m in suggestions if m.get_attribute("id"))
    assert not harbour.is_displayed()  # its only finding is a suggestion
    items = page.find_elements(By.CSS_SELECTOR, 'li.finding[data-level="suggestion"]')
    assert items and not any(i.is_displayed() for i in items)
    assert "Showing" in page.find_element(By.ID, "status").text
    box.click()
    assert all(is_on(m) for m in suggestions) and harbour.is_displayed()

    # By rule, from the keyboard: focus the checkbox and press space.
    rule_box = page.find_element(By.CSS_SELECTOR, 'input[name="rule"][value="News.Confusables"]')
    rule_box.send_keys(Keys.SPACE)
    assert not rule_box.is_selected()
    confusables = marks(page, rule="News.Confusables")
    assert confusables and not any(is_on(m) for m in confusables)
    assert all(is_on(m) for m in marks(page) if m.get_attribute("data-rule") != "News.Confusables")
    page.find_element(By.CSS_SELECTOR, 'button[data-rules="none"]').click()
    assert not any(is_on(m) for m in marks(page))
    assert not any(s.is_displayed() for s in page.find_elements(By.CSS_SELECTOR, "article.article"))
    page.find_element(By.CSS_SELECTOR, 'button[data-rules="all"]').click()
    assert all(is_on(m) for m in marks(page)) and rule_box.is_selected()


def test_keyboard_focus_and_hover_show_the_message(page, site, tmp_path):
    _, findings, _ = site
    messages = {(f["rule"], f["line"], f["column"]): f["message"] for f in findings}
    tip = page.find_element(By.ID, "tip")
    assert not tip.is_displayed()
    body = page.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    checked = 0
    for _ in range(200):  # the skip link, the filters, then the marks of the first article
        active = page.switch_to.active_element
        if active.tag_name == "mark":
            item = page.find_element(By.ID, active.get_attribute("aria-describedby"))
            where = item.find_element(By.CSS_SELECTOR, ".go").text  # "line 7, column 25"
            line, column = (int(x.split()[-1]) for x in where.split(","))
            message = messages[active.get_attribute("data-rule"), line, column]
            assert tip.is_displayed() and message in tip.text, where
            assert active.value_of_css_property("outline-style") != "none"  # focus is visible
            checked += 1
            if active.text == "hi":
                break
        ActionChains(page).send_keys(Keys.TAB).perform()
    else:
        pytest.fail("tabbing never reached the mark on 'hi'")
    assert checked >= 2
    shot = tmp_path / "html-report-focus.png"
    page.save_screenshot(str(shot))
    print(f"screenshot: {shot}")
    ActionChains(page).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed()

    # Hover: the mouse on the doubled verb shows its message.
    said = marks(page, rule="News.DoubledWord")[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", said)
    ActionChains(page).move_to_element(said).perform()
    assert tip.is_displayed() and "said" in tip.text and "News.DoubledWord" in tip.text


def test_fits_a_phone(page, tmp_path):
    page.set_window_size(390, 844)
    width = page.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], width  # no sideways scrolling
    mark = marks(page, rule="News.Confusables")[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()  # a tap focuses the mark and shows its message, inside the screen
    tip = page.find_element(By.ID, "tip")
    assert tip.is_displayed() and "News.Confusables" in tip.text
    box = page.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", tip)
    assert 0 <= box[0] and box[1] <= 390
    shot = tmp_path / "html-report-phone.png"
    page.save_screenshot(str(shot))
    print(f"screenshot: {shot}")
