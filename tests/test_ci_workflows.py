"""The hosting recipes: both CI files validate against their hosts' schemas and build and deploy site/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CHECKER = Path(sys.executable).with_name("check-jsonschema")
"""Installed with the test extras; it ships the hosts' schemas, so the check runs offline."""
WORKFLOWS = [(".github/workflows/publish.yml", "vendor.github-workflows"), (".gitlab-ci.yml", "vendor.gitlab-ci")]


def validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHECKER), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, check=False, timeout=120)


@pytest.mark.parametrize(("rel", "schema"), WORKFLOWS)
def test_the_ci_file_validates_against_its_hosts_schema(repo: Path, rel: str, schema: str) -> None:
    done = validate(repo / rel, schema)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("rel", "schema"), WORKFLOWS)
def test_a_broken_ci_file_fails_the_check(repo: Path, tmp_path: Path, rel: str, schema: str) -> None:
    broken = tmp_path / Path(rel).name
    data = yaml.safe_load((repo / rel).read_text(encoding="utf-8"))
    job = data["jobs"]["build"] if "jobs" in data else data["pages"]
    job["rules" if "rules" in job else "steps"] = "make build"  # a string where a list belongs
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert validate(broken, schema).returncode != 0


def test_github_builds_on_push_to_main_and_deploys_site(repo: Path) -> None:
    data = yaml.safe_load((repo / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert data[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    steps = data["jobs"]["build"]["steps"]
    assert any("make build" in step.get("run", "") for step in steps)
    assert any("git push origin HEAD:main" in step.get("run", "") for step in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert data["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_builds_the_default_branch_and_publishes_site_as_pages(repo: Path) -> None:
    pages = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    script = "\n".join(pages["script"])
    assert "make build" in script and "cp -r site public" in script
    assert pages["artifacts"]["paths"] == ["public"]
