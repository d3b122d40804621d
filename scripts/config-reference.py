#!/usr/bin/env python3
"""Writes docs/configuration.md from the @ConfigurationProperties metadata the build generates.

Run after `./mvnw compile`:  python3 scripts/config-reference.py
ConfigurationReferenceTest fails when a relata.* property is missing from the document.
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
metadata = json.loads((root / "target/classes/META-INF/spring-configuration-metadata.json").read_text())


def default(p):
    value = p.get("defaultValue")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


rows = sorted(metadata["properties"], key=lambda p: p["name"])
lines = [
    "# Configuration reference",
    "",
    "Generated from the `@ConfigurationProperties(\"relata\")` metadata by `scripts/config-reference.py`;",
    "`ConfigurationReferenceTest` fails when a property is missing here. Every property can also be set as an",
    "environment variable: upper case, dots and dashes as underscores (`relata.model.device` → `RELATA_MODEL_DEVICE`).",
    "Spring Boot's own properties (`server.port`, `spring.datasource.*`, `logging.*`) work as usual; JWT access control",
    "is configured by `spring.security.oauth2.resourceserver.jwt.*` and `management.server.port` moves the actuator to a",
    "port of its own (`docs/security.md`).",
    "",
    "| property | default | meaning |",
    "|---|---|---|",
]
for p in rows:
    description = (p.get("description") or "").replace("\n", " ").replace("|", "\\|")
    lines.append(f"| `{p['name']}` | `{default(p)}` | {description} |")
(root / "docs/configuration.md").write_text("\n".join(lines) + "\n")
print(f"wrote {len(rows)} properties to docs/configuration.md")
