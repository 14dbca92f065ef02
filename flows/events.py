"""The `cla.extract.landed` event: what `cla watch` emits when Prefect does the publishing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reports.landing import Outcome, extract_date_of

EVENT = "cla.extract.landed"


def landed_event(folder: Path, fp: str):
    """resource id cla.extract.<fingerprint>, with the set's path, fingerprint, extract date."""
    from prefect.events import Event

    return Event(
        event=EVENT,
        resource={
            "prefect.resource.id": f"cla.extract.{fp}",
            "prefect.resource.name": folder.name,
            "path": str(folder),
            "fingerprint": fp,
            "extract_date": extract_date_of(folder),
        },
    )


async def _emit(event) -> None:
    from prefect.events.clients import get_events_client

    async with get_events_client() as client:
        await client.emit(event)


def emit_landed(folder: Path, fp: str) -> Outcome:
    """Send the event to PREFECT_API_URL now; the on-extract-landed deployment publishes."""
    try:
        event = landed_event(folder, fp)
        asyncio.run(_emit(event))
    except Exception as e:  # server down: recorded as failed, retried when the files change
        return Outcome("failed", f"could not emit {EVENT}: {type(e).__name__}: {e}")
    return Outcome("emitted", f"{EVENT} id {event.id}")
