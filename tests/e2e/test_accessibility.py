"""axe-core (WCAG 2.0/2.1 A and AA) over every page of the built site at a phone's size, and over one page of
each template at a desktop's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

AXE = REPO / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = {"phone": "light", "desktop": "dark"}
"""Each size in one colour scheme, so contrast is checked in both schemes."""
SERIOUS = ("serious", "critical")


TAG_PAGES_CHECKED = 5
"""The tag pages (one per topic, ~200) come from one template holding a title and a list of links: the first
few stand for them all; every other page is checked."""


def site_pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    tag_pages = [p for p in pages if p.startswith("tag/")]
    return [p for p in pages if not p.startswith("tag/")] + tag_pages[:TAG_PAGES_CHECKED]


def template_pages(pages: list[str], site: Path) -> list[str]:
    """One page of each template with the most on it: every page at the site's root, and in each folder its
    index and its largest other page (the item pages of a kind share one template; the largest holds the most
    kinds of content)."""
    chosen: list[str] = []
    folders: dict[str, list[str]] = {}
    for path in pages:
        folder, _, name = path.rpartition("/")
        if not folder or name == "index.html":
            chosen.append(path)
        else:
            folders.setdefault(folder, []).append(path)
    chosen += [max(paths, key=lambda p: ((site / p).stat().st_size, p)) for paths in folders.values()]
    return sorted(chosen)


def desktop_pages(site: Path) -> list[str]:
    return template_pages(site_pages(site), site)


PAGES = {"phone": site_pages, "desktop": desktop_pages}
"""Every page at a phone's size, in the light scheme; at a desktop's size, in the dark scheme, one page of each
template: what the dark scheme and the wide layout change is the templates' styling, the same on all their pages.
Every page in both would double the suite's longest test (~3 minutes each)."""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                   resultTypes: ['violations']})).violations""",
        TAGS,
    )
    return found


def describe(path: str, violation: dict[str, Any]) -> list[str]:
    return [f"{path}: {violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')}"
            for node in violation["nodes"][:3]]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_serious_or_critical_violation_on_any_page(
    browser: Any, site_url: str, sample_site: Path, viewport: str,
) -> None:
    if not AXE.is_file():
        pytest.fail("axe-core is installed by `make test` (npm ci); run it first")
    pages = PAGES[viewport](sample_site)
    assert len(pages) > (50 if viewport == "phone" else 20)
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=SCHEMES[viewport])
    # The search index plays no part in what axe checks; building it on every page would double the run.
    context.route("**/search/*", lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in pages:
            page.goto(f"{site_url}/{path}", wait_until="load")
            for violation in axe_violations(page):
                if violation["impact"] in SERIOUS:
                    problems.extend(describe(path, violation))
    finally:
        context.close()
    assert problems == [], f"{len(problems)} serious or critical node(s):\n" + "\n".join(problems[:60])
