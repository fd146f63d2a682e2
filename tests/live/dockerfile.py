"""What the live tests need beyond the checker's Dockerfile reader: where the image puts the RDS CA bundle."""

from __future__ import annotations

from pathlib import Path

from checks.dockerfiles import read

# The one download the image makes: AWS's bundle of RDS root CAs, at the address AWS documents in
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
RDS_CA_BUNDLE_URL = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem"


def rds_ca_destination(dockerfile: Path) -> str:
    """Where the final stage puts the RDS CA bundle (the path DATABASE_CA_CERT must name)."""
    adds = read(dockerfile).stages[-1].all("ADD")
    assert len(adds) == 1, "the final stage should ADD exactly one file: the RDS CA bundle"
    add = adds[0]
    sources, destination = list(add.words[:-1]), add.words[-1]
    assert sources == [RDS_CA_BUNDLE_URL], f"ADD fetches {sources}, expected the RDS CA bundle"
    assert add.flags.get("chmod") == "444", "the CA bundle should be read-only (--chmod=444)"
    assert destination.startswith("/") and not destination.endswith("/"), "ADD it to an absolute file path"
    return destination
