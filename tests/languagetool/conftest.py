"""A mock LanguageTool server on 127.0.0.1 for the tests in this folder."""

from __future__ import annotations

import pytest
from lt_mock_server import MockLanguageTool


@pytest.fixture
def server():
    mock = MockLanguageTool().start()
    yield mock
    mock.stop()
