"""Headless Chromium for the report tests and benchmarks/bench_report.py: Debian's `chromium`
driven by Debian's `chromedriver` through Selenium, so nothing is downloaded at run time.

`apt-get install chromium chromium-driver` provides both (.ci/run does). Without them (or
without selenium) the browser tests are skipped, unless REQUIRE_CHROMIUM=1, as .ci/run sets:
there a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

REQUIRED = os.environ.get("REQUIRE_CHROMIUM") == "1"


def missing() -> str | None:
    """Why the browser cannot be started here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install '.[test]'"
    for program in ("chromium", "chromedriver"):
        if shutil.which(program) is None:
            return f"{program} is not installed: apt-get install chromium chromium-driver"
    return None


def start(profile: Path, width: int = 1280, height: int = 1600) -> Any:
    """A headless Chromium WebDriver keeping its profile in the directory profile (quit() it)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    # Debian's launcher script, found on PATH; the driver is given its path too, so Selenium
    # Manager never looks for (or downloads) a browser or a driver
    options.binary_location = str(shutil.which("chromium"))
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
        "--disable-dev-shm-usage",  # a small /dev/shm in containers crashes tabs otherwise
        "--disable-gpu",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    service = Service(executable_path=str(shutil.which("chromedriver")))
    return webdriver.Chrome(options=options, service=service)


def open_page(driver: Any, path: Path, timeout: float = 30) -> None:
    """Load a local file and wait until its script drew the first page of articles (get() can
    return before a large page's script has run)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    driver.get(path.resolve().as_uri())
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(
            lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true"
        )
    except TimeoutException:
        raise AssertionError(
            f"the page's script did not finish: {browser_errors(driver)}"
        ) from None


def browser_errors(driver: Any) -> list[str]:
    """What the page wrote to the console at level SEVERE (script errors)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
