"""What can be checked of the deployment recipes without a container daemon or a cloud account."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
INSTRUCTIONS = [
    (m[1].upper(), m[2])
    for m in re.finditer(r"^(\w+)\s+((?:.*\\\n)*.*)$", DOCKERFILE, re.M)
    if not m[0].startswith("#")
]


def instruction(name: str) -> list[str]:
    return [args for kind, args in INSTRUCTIONS if kind == name]


def test_the_image_runs_as_a_non_root_user() -> None:
    users = instruction("USER")
    assert users and users[-1].strip() not in ("root", "0")
    assert INSTRUCTIONS[-1][0] == "ENTRYPOINT" and instruction("USER")


def test_the_image_installs_the_locked_versions_of_the_dashboard() -> None:
    runs = " ".join(instruction("RUN"))
    assert "pip install -c constraints.txt '.[dashboard]'" in runs
    assert instruction("FROM")[0].startswith("python:3.11")


def test_every_file_the_image_copies_exists() -> None:
    for args in instruction("COPY"):
        *sources, _ = shlex.split(args)
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file in the checkout"
    copied = " ".join(instruction("COPY"))
    for needed in ("indicators.yaml", "seeds", ".streamlit", "dashboard", "constraints.txt"):
        assert needed in copied


def test_the_healthcheck_asks_the_server_and_the_catalog() -> None:
    check = instruction("HEALTHCHECK")[0]
    assert '"dashboard.web.ready", "--url", "http://localhost:8501"' in check
    entry = instruction("ENTRYPOINT")[0]
    assert "--server.port=8501" in entry and "dashboard/app.py" in entry
    assert instruction("EXPOSE") == ["8501"]
    assert (ROOT / "dashboard" / "app.py").is_file()


def test_community_cloud_finds_the_locked_set_and_an_entry() -> None:
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and line[0] != "#"]
    assert lines == ["-c constraints.txt", "-e .[dashboard]"]
    assert (ROOT / "streamlit_app.py").is_file()


def test_the_proxy_and_the_service_agree_on_the_path() -> None:
    nginx = (ROOT / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    unit = (ROOT / "docs" / "deploy" / "indicators.service").read_text(encoding="utf-8")
    path = re.search(r"--server\.baseUrlPath=(\w+)", unit)
    assert path and f"location /{path[1]}/" in nginx and f"proxy_pass http://127.0.0.1:8501/{path[1]}/" in nginx
    assert "Upgrade $http_upgrade" in nginx


def test_the_app_finds_its_code_without_the_project_installed(tmp_path: Path) -> None:
    """`streamlit run dashboard/app.py` on a host that installed only the dependencies (sys.path[0] is
    dashboard/ itself, no editable install): the entry puts the checkout first, so `dashboard` imports."""
    app = ROOT / "dashboard" / "app.py"
    probe = f"""
import sys
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path = [{str(app.parent)!r}] + [p for p in sys.path[1:] if p not in ("", {str(ROOT)!r})]
import importlib.util
print("before:", importlib.util.find_spec("dashboard"))
exec(compile(open({str(app)!r}).read().split("import streamlit")[0], "app.py", "exec"), {{"__file__": {str(app)!r}}})
import dashboard
print("after:", dashboard.__file__)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "before: None" in done.stdout, done.stdout
    assert f"after: {ROOT / 'dashboard' / '__init__.py'}" in done.stdout, done.stdout
