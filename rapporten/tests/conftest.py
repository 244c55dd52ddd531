import pytest


@pytest.fixture(autouse=True)
def eigen_media(settings, tmp_path):
    """Every test stores its PDFs in a folder of its own (a worker started later gets it too)."""
    settings.MEDIA_ROOT = tmp_path / "media"
