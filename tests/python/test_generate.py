"""The generator of synthetic regional maps: valid, deterministic, realistic in its proportions,
with the flaws the gap rules look for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import maillage
from maillage.generate import regional_map, regional_map_dict


def test_same_seed_same_map() -> None:
    assert regional_map(400, seed=3).to_json() == regional_map(400, seed=3).to_json()
    assert regional_map(400, seed=3).to_json() != regional_map(400, seed=4).to_json()


@pytest.mark.parametrize("actors", [20, 300, 3000])
def test_generated_maps_are_valid_and_realistic(actors: int) -> None:
    net = regional_map(actors, seed=1)
    assert len(net) == actors
    kinds = net.actors["kind"].value_counts()
    assert kinds["person"] > kinds["professional"] > 0 and kinds["organisation"] > 0
    users = net.actors[net.actors["role"] == "user"]
    assert (users["needs"].map(len) >= 1).all()
    codes = {f.code for f in maillage.gaps(net, as_of="2026-11-22")}
    if actors >= 300:
        # Real maps have these flaws; so must the generated ones, for tests and training.
        assert {"uncovered_need", "single_provider", "conflictual_tie", "unformalised_partnership"} <= codes
    assert maillage.validate  # the map went through the reader's checks when built


def test_small_maps_valid_for_every_seed() -> None:
    # Small maps may have no public organisation: no one may then fund itself (seed 196 once did).
    for seed in range(400):
        regional_map(50, seed=seed)


def test_too_small() -> None:
    with pytest.raises(ValueError, match="at least 20 actors"):
        regional_map_dict(5)


def test_example_generate_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "maillage.cli", "example", "--generate", "2", "--actors", "200",
                           "--seed", "7", "-o", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["regional-200-7.maillage.json", "regional-200-8.maillage.json"]
    assert maillage.read(tmp_path / files[0]).to_json() == regional_map(200, 7).to_json()
    clash = subprocess.run([sys.executable, "-m", "maillage.cli", "example", "ecocarte_usager", "--generate", "1",
                            "-o", str(tmp_path)], capture_output=True, text=True)
    assert clash.returncode == 2
