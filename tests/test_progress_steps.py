"""Steps of a long job: nothing happens at them unless somebody watches, and a watcher may stop the job there."""

from __future__ import annotations

import pytest

from generator.progress_protocol import step, watched


class Stop(Exception):
    pass


def test_a_step_nobody_watches_does_nothing() -> None:
    step()


def test_the_watcher_sees_each_step_of_its_block_only() -> None:
    seen: list[int] = []
    with watched(lambda: seen.append(1)):
        step()
        step()
    step()
    assert seen == [1, 1]


def test_a_watcher_stops_the_job_at_a_step_and_is_gone_after() -> None:
    done: list[int] = []

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop), watched(stop):
        done.append(1)
        step()
        done.append(2)
    assert done == [1]
    step()  # the watcher went with its block
