"""The hosting recipes: every CI file validates against its host's schema and builds and deploys site/; the
sharded variants fan the PDFs out over runners and merge them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

CHECKER = Path(sys.executable).with_name("check-jsonschema")
"""Installed with the test extras; it ships the hosts' schemas, so the check runs offline."""
WORKFLOWS = [(".github/workflows/publish.yml", "vendor.github-workflows"), (".gitlab-ci.yml", "vendor.gitlab-ci"),
             (".github/workflows/publish-matrix.yml", "vendor.github-workflows"),
             ("ci/gitlab-matrix.yml", "vendor.gitlab-ci")]


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
    job = next(iter(data["jobs"].values())) if "jobs" in data else data["pages"]
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


def load(repo: Path, rel: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo / rel).read_text(encoding="utf-8"))
    return data


def test_github_matrix_makes_one_shard_per_runner_then_merges_and_deploys(repo: Path) -> None:
    jobs = load(repo, ".github/workflows/publish-matrix.yml")["jobs"]
    shard = jobs["shard"]
    assert shard["strategy"]["matrix"]["shard"] == [1, 2, 3, 4]
    run = next(step["run"] for step in shard["steps"] if "make shard" in step.get("run", ""))
    assert 'SHARD="${{ matrix.shard }}/${{ strategy.job-total }}"' in run and "SHARD_DIR=shard" in run
    upload = next(s for s in shard["steps"] if s.get("uses", "").startswith("actions/upload-artifact@v4"))
    assert upload["with"]["path"] == "shard" and upload["with"]["name"] == "shard-${{ matrix.shard }}"
    merge = jobs["merge"]
    assert merge["needs"] == "shard"
    download = next(s for s in merge["steps"] if s.get("uses", "").startswith("actions/download-artifact@v4"))
    assert download["with"] == {"pattern": "shard-*", "path": "shards"}
    assert any("make merge SHARDS=shards" in step.get("run", "") for step in merge["steps"])
    pages = next(s for s in merge["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["with"]["path"] == "site"
    assert jobs["deploy"]["needs"] == "merge"


def test_gitlab_matrix_runs_the_shard_job_in_parallel_then_merges_into_pages(repo: Path) -> None:
    data = load(repo, "ci/gitlab-matrix.yml")
    shard, pages = data["shard"], data["pages"]
    assert shard["parallel"] == 4
    assert 'make shard SHARD="${CI_NODE_INDEX}/${CI_NODE_TOTAL}" SHARD_DIR="shards/${CI_NODE_INDEX}"' in shard["script"]
    assert shard["artifacts"]["paths"] == ["shards/"]
    assert pages["needs"] == ["shard"]
    script = "\n".join(pages["script"])
    assert "make merge SHARDS=shards" in script and "cp -r site public" in script
    assert pages["artifacts"]["paths"] == ["public"]


def test_make_shard_and_merge_run_polmas_with_the_runners_values(repo: Path) -> None:
    shard = subprocess.run(["make", "-n", "-C", str(repo), "shard", "SHARD=2/4", "SHARD_DIR=shard"],
                           capture_output=True, text=True, check=True).stdout
    assert ".venv/bin/polmas build --shard 2/4 --shard-dir shard" in shard
    merge = subprocess.run(["make", "-n", "-C", str(repo), "merge", "SHARDS=shards"],
                           capture_output=True, text=True, check=True).stdout
    assert ".venv/bin/polmas build --merge shards" in merge
