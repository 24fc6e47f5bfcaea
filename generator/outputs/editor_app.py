"""The browser editor's files that `polmas edit` serves at /admin/: Decap CMS, its config, locale, guide and problems.

Written into .polmas/editor/admin/, never into site/ or the offline bundle: the editor writes to the project's
files through decap-server on the coordinator's own machine, so it has no place on a public site.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.i18n import _
from generator.outputs.editor_config import editor_config, render_editor_config
from generator.outputs.tree import write_atomically, write_tree
from generator.problems import ProblemList
from generator.render.problems_page import problem_row

EDITOR_DIR = ".polmas/editor"
"""What `polmas edit` serves; the editor is under admin/ in it."""
DECAP_DIST = Path("node_modules/decap-cms/dist")
TEMPLATES = Path("templates/editor")
GUIDE = Path("docs/panduan-koordinator.md")
GUIDE_IMAGES = Path("docs/panduan")
PROBLEMS_FILE = "masalah.json"
DECAP_LICENCE = """Decap CMS (npm decap-cms {version}), served here as decap-cms.js and its chunks, unchanged.

MIT License. Copyright (c) 2016 Netlify <decap@p-m.si>

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of
the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

The third-party notices bundled into decap-cms.js are in decap-cms.js.LICENSE.txt.
"""


class EditorMissing(Exception):
    """Decap CMS is not installed (node_modules): `make build` installs it."""


def decap_dist(project: Path, tool_root: Path) -> Path:
    """Decap's dist folder: the project's own node_modules, else this tool's (a project may have none)."""
    for root in (project, tool_root):
        if (root / DECAP_DIST / "decap-cms.js").is_file():
            return root / DECAP_DIST
    raise EditorMissing(_("Decap CMS is not installed: run `make build` (it runs `npm ci`) in {folder}, then "
                          "`polmas edit` again").format(folder=tool_root))


def write_editor_app(project: Path, *, tool_root: Path, backend: Mapping[str, Any], decap_url: str,
                     preview_url: str) -> Path:
    """Assemble .polmas/editor/admin/; returns the folder to serve (the one holding admin/)."""
    dist = decap_dist(project, tool_root)
    files: dict[str, str | bytes] = {
        f"admin/{path.name}": path.read_bytes()
        for path in sorted(dist.iterdir())
        if path.name.endswith(("decap-cms.js", ".wasm")) or path.name == "decap-cms.js.LICENSE.txt"
    }
    version = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]
    files["admin/LICENSE-decap-cms.txt"] = DECAP_LICENCE.format(version=version)
    config = editor_config(backend=backend, local_backend=decap_url) | {"site_url": preview_url}
    files["admin/config.yml"] = render_editor_config(config)
    files["admin/polmas.json"] = json.dumps({"preview": preview_url}) + "\n"  # the bar's link to the preview
    templates = tool_root / TEMPLATES
    for path in sorted(templates.iterdir()):
        if path.suffix != ".j2":
            files[f"admin/{path.name}"] = path.read_bytes()
    files |= _guide_files(tool_root, templates)
    target = project / EDITOR_DIR
    problems_json = target / "admin" / PROBLEMS_FILE
    if problems_json.is_file():
        files[f"admin/{PROBLEMS_FILE}"] = problems_json.read_bytes()
    write_tree(files, target)
    return target


def _guide_files(tool_root: Path, templates: Path) -> dict[str, str | bytes]:
    """The coordinators' guide (Markdown with screenshots) as admin/panduan.html and its pictures."""
    guide = tool_root / GUIDE
    if not guide.is_file():
        return {}
    body = markdown.markdown(guide.read_text(encoding="utf-8"), extensions=["toc", "tables"])
    env = Environment(loader=FileSystemLoader(templates), undefined=StrictUndefined, autoescape=select_autoescape())
    files: dict[str, str | bytes] = {"admin/panduan.html": env.get_template("panduan.html.j2").render(body=body)}
    images = tool_root / GUIDE_IMAGES
    if images.is_dir():
        files |= {f"admin/panduan/{path.name}": path.read_bytes() for path in sorted(images.glob("*.png"))}
    return files


def write_problems(editor_dir: Path, problems: ProblemList) -> None:
    """admin/masalah.json: what the problems panel and page read, every few seconds."""
    rows = [problem_row(p) for p in problems.sorted()]
    data = {"errors": len(problems.errors), "warnings": len(problems.warnings), "problems": [
        {"where": r.where, "text": r.text, "severity": "warning" if r.warning else "error", "editor": r.entry}
        for r in rows]}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_atomically(editor_dir / "admin" / PROBLEMS_FILE, text.encode("utf-8"))
