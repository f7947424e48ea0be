"""kg.render: the actor network page in a real browser (Debian's Chromium, headless).

Selenium is given the driver and browser paths, so Selenium Manager never runs and
nothing is downloaded; SE_OFFLINE=true keeps it offline should it run anyway.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from kg.render import to_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
_MISSING = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(_MISSING),
        reason=f"needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
        f"missing {', '.join(_MISSING)}",
    ),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install -e .[dev])")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

BROWSER_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in BROWSER_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.set_window_size(1400, 900)
        yield driver
    finally:
        driver.quit()


def open_page(driver: webdriver.Chrome, path: Path) -> None:
    """Load ``path`` with empty logs and wait until the layout has settled."""
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    WebDriverWait(driver, 60, poll_frequency=0.1).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-ready')") == "true"
    )


def console_errors(driver: webdriver.Chrome) -> list[dict]:
    return [
        e for e in driver.get_log("browser") if e["level"] == "SEVERE" or "Security Policy" in e["message"]
    ]


def requested_urls(driver: webdriver.Chrome, page: str) -> list[str]:
    """Every URL the page asked for, from Chrome's performance log and the page's resource timings."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == page:
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return urls


def hover(driver: webdriver.Chrome, point: list[float]) -> None:
    x, y = round(point[0]), round(point[1])
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(x - 4, y)
    actions.pointer_action.move_to_location(x, y)
    actions.perform()


def click(driver: webdriver.Chrome, point: list[float]) -> None:
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(round(point[0]), round(point[1]))
    actions.pointer_action.click()
    actions.perform()


def edge_point(driver: webdriver.Chrome, speaker: str, target: str) -> list[float]:
    """Viewport coordinates of the middle of the drawn edge ``speaker -> target``."""
    return driver.execute_script(
        """
        const [from, to] = arguments;
        const id = edges.getIds({filter: e => e.from === from && e.to === to})[0];
        const p = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
        const box = document.getElementById("kg-network").getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
        """,
        speaker,
        target,
    )


def node_point(driver: webdriver.Chrome, node: str) -> list[float]:
    return driver.execute_script(
        """
        const p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);
        const box = document.getElementById("kg-network").getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
        """,
        node,
    )


def tooltip_text(driver: webdriver.Chrome) -> str:
    WebDriverWait(driver, 10, poll_frequency=0.1).until(
        lambda d: d.execute_script(
            "const tip = document.querySelector('div.vis-tooltip');"
            "return tip !== null && tip.style.visibility === 'visible'"
        )
    )
    return driver.execute_script("return document.querySelector('div.vis-tooltip').textContent")


def visible(driver: webdriver.Chrome, dataset: str) -> int:
    return driver.execute_script(f"return {dataset}.get({{filter: item => !item.hidden}}).length")


def test_page_draws_every_actor_and_link_offline(
    browser: webdriver.Chrome, news_actor_graph: nx.DiGraph, tmp_path: Path
) -> None:
    path = to_html(news_actor_graph, tmp_path / "news.html", title="Ruritania crisis: who said what")
    open_page(browser, path)
    counts = browser.execute_script("return [network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [news_actor_graph.number_of_nodes(), news_actor_graph.number_of_edges()]
    assert (
        browser.execute_script("return network.physics.options.enabled") is False
    )  # stabilised, then stopped
    assert browser.execute_script("return typeof nodes.get === 'function' && typeof edges.get === 'function'")
    assert console_errors(browser) == []
    assert [u for u in requested_urls(browser, path.as_uri()) if not u.startswith(("file:", "data:"))] == []
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "graph.png"))
    hover(browser, edge_point(browser, "urn:actor:mara", "urn:actor:osterlich"))
    text = tooltip_text(browser)
    assert "Mara Kessler \u2192 Osterlich" in text
    assert "\u201cThey broke the ceasefire.\u201d" in text
    assert "accuse \u00b7 cue \u201caccused\u201d \u00b7 direct \u00b7 wire-1.txt, chars 120\u2013141" in text
    assert browser.save_screenshot(str(ARTIFACTS / "graph-tooltip.png"))


def test_hostile_text_is_shown_never_run(
    browser: webdriver.Chrome,
    hostile_actor_graph: nx.DiGraph,
    injection_payloads: dict[str, str],
    tmp_path: Path,
) -> None:
    title = "Actors </title><script>window.__pwned = 7</script>"
    path = to_html(hostile_actor_graph, tmp_path / "hostile.html", title=title)
    open_page(browser, path)
    pwned = "return window.__pwned"
    assert browser.execute_script(pwned) is None
    assert browser.title == title

    hover(browser, edge_point(browser, "urn:actor:mallory", "urn:actor:alice"))
    text = tooltip_text(browser)
    assert injection_payloads["quote"] in text
    assert injection_payloads["doc"] in text
    assert browser.execute_script(pwned) is None

    hover(browser, node_point(browser, "urn:actor:mallory"))
    WebDriverWait(browser, 10).until(lambda d: injection_payloads["role"] in tooltip_text(d))
    assert injection_payloads["label"] in tooltip_text(browser)

    click(browser, edge_point(browser, "urn:actor:alice", "urn:actor:mallory"))
    details = browser.find_element(By.ID, "kg-details")
    assert details.is_displayed()
    assert injection_payloads["evidence"] in details.text

    markup = "return document.querySelectorAll('img, svg, iframe, object, embed, b, i').length"
    assert browser.execute_script(markup) == 0
    assert browser.execute_script("return document.scripts.length") == 3
    assert browser.execute_script(pwned) is None
    assert console_errors(browser) == []


def test_controls_filter_search_and_recolour(
    browser: webdriver.Chrome, news_actor_graph: nx.DiGraph, tmp_path: Path
) -> None:
    open_page(browser, to_html(news_actor_graph, tmp_path / "news.html"))
    assert (visible(browser, "nodes"), visible(browser, "edges")) == (12, 14)

    browser.find_element(By.ID, "kg-stances-none").click()
    assert (visible(browser, "nodes"), visible(browser, "edges")) == (0, 0)
    browser.find_element(By.CSS_SELECTOR, "#kg-stance-list input[value='support']").click()
    assert visible(browser, "edges") == 4
    greens = browser.execute_script("return edges.get({filter: e => !e.hidden}).map(e => e.color.color)")
    assert set(greens) == {"#2ca02c"}
    browser.find_element(By.ID, "kg-stances-all").click()

    weight = browser.find_element(By.ID, "kg-min-weight")
    weight.clear()
    weight.send_keys("2")
    assert (visible(browser, "nodes"), visible(browser, "edges")) == (2, 1)
    weight.clear()
    weight.send_keys("1")

    Select(browser.find_element(By.ID, "kg-actor")).select_by_value("urn:actor:un")
    assert (visible(browser, "nodes"), visible(browser, "edges")) == (4, 3)
    Select(browser.find_element(By.ID, "kg-actor")).select_by_value("")

    search = browser.find_element(By.ID, "kg-search")
    search.send_keys("kessler\n")
    assert browser.execute_script("return network.getSelectedNodes()") == ["urn:actor:mara"]
    search.clear()
    search.send_keys("nobody\n")
    assert "No actor matches" in browser.find_element(By.ID, "kg-search-note").text

    colour = "return nodes.get('urn:actor:osterlich').color"
    assert browser.execute_script(colour) == "#b07aa1"  # a country
    Select(browser.find_element(By.ID, "kg-colour-by")).select_by_value("coalition")
    assert browser.execute_script(colour) == "#f28e2b"  # the South Bloc
    legend = browser.find_element(By.ID, "kg-node-legend").text
    assert "North Pact" in legend and "South Bloc" in legend
    assert console_errors(browser) == []


def test_empty_graph_page(browser: webdriver.Chrome, tmp_path: Path) -> None:
    open_page(browser, to_html(nx.DiGraph(), tmp_path / "empty.html"))
    assert browser.find_element(By.ID, "kg-empty").text == "There are no statements to show."
    assert browser.execute_script("return network.body.data.nodes.length") == 0
    assert console_errors(browser) == []


def test_large_graph_is_drawn_where_python_put_it(browser: webdriver.Chrome, tmp_path: Path) -> None:
    n = 600
    tree = nx.barabasi_albert_graph(n, 1, seed=3)  # a few hubs, many actors with one link
    G = nx.DiGraph()
    for i in tree:
        G.add_node(
            f"urn:actor:{i:04d}", label=f"Actor {i}", type="Organization", made=tree.degree(i), received=1
        )
    for u, v in tree.edges:
        G.add_edge(f"urn:actor:{u:04d}", f"urn:actor:{v:04d}", weight=1 + (u + v) % 3, polarity=u % 3 - 1,
                   hostile=0, friendly=0, neutral=1, stances="claim:1", statements=[])  # fmt: skip
    open_page(browser, to_html(G, tmp_path / "large.html"))
    assert browser.execute_script("return network.physics.options.enabled") is False
    assert browser.execute_script("return network.body.data.nodes.length") == n
    placed = browser.execute_script(
        "const p = network.getPositions(['urn:actor:0000'])['urn:actor:0000']; return [p.x, p.y]"
    )
    given = browser.execute_script("const n = nodes.get('urn:actor:0000'); return [n.x, n.y]")
    assert [round(c) for c in placed] == given
    assert console_errors(browser) == []
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "graph-large.png"))
