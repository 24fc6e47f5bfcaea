"""Editions the coordinator marked `diadopsi` → their manifests under data/editions/, committed with git."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.domain.editions import adoption_due, edition_manifest, published_editions
from generator.domain.selection import forums_with_handbooks
from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.model.forum import Forum
from generator.outputs.handbooks import publish_manifest


@dataclass(frozen=True)
class AdoptedEdition:
    """A manifest the build wrote for an adopted edition, and what became of its commit."""

    path: str
    """Project-relative, e.g. 'data/editions/fkpm-ngrandusari/2.json'."""
    committed: bool
    note: str
    """What happened with git, for the coordinator: the commit, or why there is none."""


def publish_adopted_editions(project: Path, printed: KnowledgeBase) -> list[AdoptedEdition]:
    """Write the manifest of every adopted edition that has none yet, and commit each when the project is in git.

    `printed` is what the public handbooks hold; `polmas check` has made sure that is the whole edition
    (every item `disahkan`) and that the number went up. Each manifest is written atomically.
    """
    adopted: list[AdoptedEdition] = []
    for forum in forums_with_handbooks(printed):
        if not adoption_due(forum, published_editions(printed, forum.id)):
            continue
        manifest = edition_manifest(printed, printed.get(forum.id, Forum))
        target, _ = publish_manifest(project, printed, manifest)
        rel = target.relative_to(project).as_posix()
        committed, note = commit_file(project, rel, f"Terbitkan edisi {manifest.edition} buku pegangan "
                                                    f"{forum.id} (handbook.state: diadopsi)")
        adopted.append(AdoptedEdition(rel, committed, note))
    return adopted


def commit_file(project: Path, rel: str, message: str) -> tuple[bool, str]:
    """Commit one file (and nothing else staged) when `project` is a git work tree; (done, what happened)."""
    git = shutil.which("git")
    if git is None:
        return False, _("git was not found, so {file} was not committed; commit it yourself").format(file=rel)
    inside = _git(git, project, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return False, _("the project is not a git work tree, so {file} was not committed; keep it with the "
                        "project").format(file=rel)
    for args in (("add", "--", rel), ("commit", "--quiet", "-m", message, "--", rel)):
        done = _git(git, project, *args)
        if done.returncode != 0:
            reason = (done.stderr.strip() or done.stdout.strip()).splitlines()
            return False, _("git {command} failed ({reason}), so {file} was written but not committed; commit it "
                            "yourself").format(command=args[0], file=rel,
                                               reason=reason[-1] if reason else f"exit {done.returncode}")
    head = _git(git, project, "rev-parse", "--short", "HEAD").stdout.strip()
    return True, _("committed as {commit}").format(commit=head)


def _git(git: str, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([git, "-C", str(project), *args], capture_output=True, text=True, check=False)
