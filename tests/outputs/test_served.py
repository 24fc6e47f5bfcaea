"""What a build leaves is readable by any web server: folder modes, and Debian's nginx running as www-data."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_sample_project
from tests.test_private_contacts import PRIVATE

UMASK = 0o022
"""The usual umask; the test sets it itself so the figures do not depend on the machine's."""
NGINX = Path("/usr/sbin/nginx")


def polmas(project: Path, *args: str) -> None:
    command = [sys.executable, "-m", "generator.cli", "--project", str(project), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False, preexec_fn=lambda: os.umask(UMASK))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def hosted() -> Iterator[Path]:
    """The sample built as a coordinator would publish it, in a folder a web server's user can reach
    (like /var/www): the public site twice (the second build swaps a new site in), the internal one, a bundle."""
    root = Path(tempfile.mkdtemp(prefix="polmas-www-"))
    try:
        root.chmod(0o755)
        project = copy_sample_project(root / "project")
        private = project / "data/private/contacts.yaml"
        private.parent.mkdir(parents=True)
        private.write_text(PRIVATE, encoding="utf-8")
        for args in (("build",), ("build",), ("build", "--internal"), ("bundle",)):
            polmas(project, *args)
        yield project
    finally:
        shutil.rmtree(root)


@pytest.mark.slow
def test_every_output_folder_and_file_can_be_read_by_others(hosted: Path) -> None:
    outputs = [hosted / "site", hosted / "site-internal", hosted / "dist", hosted / "site/handbooks"]
    modes: dict[str, set[str]] = {"folder": set(), "file": set()}
    for output in outputs:
        assert output.is_dir(), output
        for path in [output, *output.rglob("*")]:
            kind = "folder" if path.is_dir() else "file"
            modes[kind].add(stat.filemode(path.stat().st_mode))
    assert modes == {"folder": {"drwxr-xr-x"}, "file": {"-rw-r--r--"}}
    assert not list(hosted.glob(".site*")), "no temporary folder is left beside the site"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Nginx:
    """Debian's nginx serving one folder on a free loopback port; as root its workers run as www-data."""

    def __init__(self, root: Path, state: Path) -> None:
        self.port = free_port()
        user = "user www-data;" if os.geteuid() == 0 else ""
        temps = "\n".join(f"  {name}_temp_path {state / name};" for name in
                          ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        config = state / "nginx.conf"
        config.write_text(textwrap.dedent(f"""\
            {user}
            worker_processes 1;
            daemon off;
            pid {state / "nginx.pid"};
            error_log {state / "error.log"};
            events {{ worker_connections 64; }}
            http {{
              include /etc/nginx/mime.types;
              access_log off;
            {temps}
              server {{ listen 127.0.0.1:{self.port}; root {root}; index index.html; }}
            }}
            """), encoding="utf-8")
        self.process = subprocess.Popen([str(NGINX), "-c", str(config), "-p", str(state)],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while True:
            assert self.process.poll() is None, self.process.communicate()[0].decode()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start within 15 s"
                time.sleep(0.1)

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as refused:
            return refused.code

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=15)


@pytest.fixture
def nginx(hosted: Path, tmp_path: Path) -> Iterator[Nginx]:
    if not NGINX.is_file():
        pytest.fail("Debian's nginx is needed for this test: run `make test` (it installs it) "
                    "or `sudo apt-get install nginx`")
    server = Nginx(hosted / "site", tmp_path)
    yield server
    server.stop()


@pytest.mark.slow
def test_nginx_as_www_data_serves_the_site(hosted: Path, nginx: Nginx) -> None:
    guideline = sorted((hosted / "site/pedoman").glob("*.html"))[0].name
    handbook = sorted((hosted / "site/handbooks").glob("*/*.pdf"))[0].relative_to(hosted / "site").as_posix()
    paths = ["", "index.html", f"pedoman/{guideline}", "search/search_index.js", handbook]
    assert {path: nginx.status(path) for path in paths} == dict.fromkeys(paths, 200)


def test_nginx_refuses_a_folder_only_its_owner_can_read(tmp_path: Path) -> None:
    """The control: the server really runs as another user, so the modes above are what lets it in.

    It serves a folder of its own, not the shared build: a closed folder there could fail the modes test
    running beside it."""
    if os.geteuid() != 0:  # CI runs as root, so there the control always runs
        pytest.skip("only root can start nginx's workers as www-data")
    root = Path(tempfile.mkdtemp(prefix="polmas-www-control-"))
    try:
        root.chmod(0o755)
        for name, mode in (("open", 0o755), ("closed", 0o700)):
            (root / name).mkdir(mode=mode)
            (root / name / "index.html").write_text(name, encoding="utf-8")
            (root / name / "index.html").chmod(0o644)
        server = Nginx(root, tmp_path)
        try:
            assert (server.status("open/index.html"), server.status("closed/index.html")) == (200, 403)
        finally:
            server.stop()
    finally:
        shutil.rmtree(root)
