"""SVG snapshots of issue 16's screens: starred only, the zoomed reader, the info view, a sort order and
the header's modes. Same stub analysis and folder as tests/ui/test_snapshots.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_snapshots import SIZE, SIZES, app, settle


@pytest.fixture(autouse=True)
def fresh_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@SIZES
def test_starred_only(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("j", "asterisk", "S")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


@SIZES
def test_zoomed_reader(snap_compare, size: tuple[int, int]) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("z")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


def test_info_view(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_sorted_by_title_highlights_off_wider_list(snap_compare) -> None:  # noqa: ANN001
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("s", "s", "H", "plus", "plus")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)
