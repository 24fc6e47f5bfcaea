"""Time the offline bundle against the bare tools it wraps, in the same run (ratios in a table).

    .venv/bin/python -m benchmarks.bundle [--project .] [--repeat 3]

'bare' = plain `mkdocs build` of the docs tree `polmas build` generated, then `shutil.make_archive` of the
site: what any bundle costs at least. 'ours' = `polmas bundle` end to end: check, docs, handbooks and
training sheets (from the PDF cache after the first run, as on a trainer's machine), the site, the
deterministic zip. The first 'ours' run fills the cache and is reported on its own ('cold').
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import copy_project, median_seconds
from generator import pipeline


def bare(project: Path, out: Path) -> None:
    """Plain mkdocs on the generated docs, then a plain zip (out/bare.zip)."""
    site = out / "bare-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                   cwd=project, check=True)
    shutil.make_archive(str(out / "bare"), "zip", site)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", default=".")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = copy_project(Path(args.project).resolve(), work / "project")
        cold = median_seconds(lambda: pipeline.bundle(project, out_dir=work / "dist"), 1)
        ours = median_seconds(lambda: pipeline.bundle(project, out_dir=work / "dist"), args.repeat)
        plain = median_seconds(lambda: bare(project, work), args.repeat)
        size_ours = next((work / "dist").glob("*.zip")).stat().st_size
        size_bare = (work / "bare.zip").stat().st_size
    print(f"{'run':<28} {'seconds':>8} {'zip MB':>7} {'ratio':>6}")
    print(f"{'bare mkdocs build + zip':<28} {plain:>8.2f} {size_bare / 2**20:>7.1f} {1:>6.2f}")
    print(f"{'polmas bundle (cached PDFs)':<28} {ours:>8.2f} {size_ours / 2**20:>7.1f} {ours / plain:>6.2f}")
    print(f"{'polmas bundle (cold)':<28} {cold:>8.2f} {size_ours / 2**20:>7.1f} {cold / plain:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
