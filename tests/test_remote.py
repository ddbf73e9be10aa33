"""A real DVC remote protocol: S3 (moto's S3-compatible server on 127.0.0.1), push, tag, pull, import.

The publishing flow of README "Versions" on a copy of this repository: point the default remote at
a bucket (`dvc remote add -d` + `endpointurl`, committed; credentials from the environment), cut a
release (`dvc repro`, commit), `dvc push`, `miitdata versions --tag`. Then, with the publisher's
DVC cache deleted (the bucket is the only copy of the exports), a fresh `git clone --no-tags`
restores the tags with `miitdata versions --tag`, `dvc import --rev vX.Y.Z` and `dvc pull` fetch
the exports from the bucket, and the bytes equal the published ones. No network beyond 127.0.0.1.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.release_repo import clone_head, dvc, next_release, run, set_version, subprocess_env

BUCKET = "miitdata-public"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
}


@pytest.fixture
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on a free port of 127.0.0.1 with an empty bucket; stopped afterwards."""
    pytest.importorskip("dvc_s3", reason="the S3 remote needs dvc-s3 (pip install 'miitdata[s3]')")
    moto_server = pytest.importorskip("moto.server")
    import boto3

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.stop()


def exports(repo: Path) -> dict[str, bytes]:
    root = repo / "exports"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_publish_to_s3_then_pull_and_import_from_a_tagless_clone(s3_endpoint: str, tmp_path: Path) -> None:
    import boto3

    env = subprocess_env(tmp_path / "bin", **CREDENTIALS)
    # 127.0.0.1 only: no proxy in between
    env = {k: v for k, v in env.items() if not (k.lower().endswith("_proxy") and k.lower() != "no_proxy")}
    miitdata = [sys.executable, "-m", "miitdata"]

    # The publisher: a copy of this repository, the bucket as default remote, a release, push, tags.
    origin = clone_head(tmp_path / "origin", env)
    release = next_release(origin)
    dvc(["remote", "add", "-d", "public", f"s3://{BUCKET}/miitdata"], origin, env)
    dvc(["remote", "modify", "public", "endpointurl", s3_endpoint], origin, env)
    set_version(origin, release)
    dvc(["repro", "-q"], origin, env)
    run(["git", "add", "-A"], origin, env)
    run(["git", "commit", "-q", "-m", f"Release {release}"], origin, env)
    dvc(["push", "-q"], origin, env)
    published = exports(origin)
    assert {"miitdata.sqlite", "datasheet.html"} <= set(published)
    assert any(name.startswith("parquet/") and name.endswith(".parquet") for name in published)
    tagged = run([*miitdata, "versions", "--tag"], origin, env)
    assert f"v{release}" in tagged and "created" in tagged
    objects = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).list_objects_v2(Bucket=BUCKET, Prefix="miitdata/")
    assert objects.get("KeyCount", 0) >= len(published)
    shutil.rmtree(origin / ".dvc" / "cache")  # from now on the bucket is the only copy

    # A user: a clone without tags (a mirror), the tags restored, then import and pull.
    fresh = clone_head(tmp_path / "fresh", env, source=origin)
    assert run(["git", "tag", "--list"], fresh, env).strip() == ""
    restored = run([*miitdata, "versions", "--tag"], fresh, env)
    assert f"v{release}" in restored
    assert run(["git", "rev-parse", f"v{release}^{{commit}}"], fresh, env) == run(
        ["git", "rev-parse", "HEAD"], origin, env
    )

    consumer = tmp_path / "consumer"
    consumer.mkdir()
    run(["git", "init", "-q"], consumer, env)
    dvc(["init", "-q"], consumer, env)
    # the fresh clone has no DVC cache yet: the import can only come from the bucket
    dvc(["import", str(fresh), "exports/parquet", "--rev", f"v{release}", "-o", "parquet"], consumer, env)
    imported = {
        f"parquet/{p.relative_to(consumer / 'parquet')}": p.read_bytes()
        for p in sorted((consumer / "parquet").rglob("*"))
        if p.is_file()
    }
    assert imported == {k: v for k, v in published.items() if k.startswith("parquet/")}

    assert not (fresh / "exports" / "miitdata.sqlite").exists()
    dvc(["pull", "-q"], fresh, env)
    assert exports(fresh) == published
    assert "up to date" in dvc(["status"], fresh, env).lower()
