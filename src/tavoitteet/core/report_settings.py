"""The report's own settings: the municipality's name, the report's title and a logo.

Read from the repository's settings file by :mod:`tavoitteet.files.report_settings`;
the renderers take them as this plain value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportSettings:
    municipality: str | None = None
    title: str | None = None
    logo: bytes | None = None
    logo_type: str | None = None  # the image's media type: image/png or image/jpeg
