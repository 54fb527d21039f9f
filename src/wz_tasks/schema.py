"""JSON Schema (draft-07) of a progress file, from the Report model, for editors."""

from __future__ import annotations

import json
from typing import Any

from wz_tasks.models import Report
from wz_tasks.tasklist import TaskList


def _draft07(node: Any) -> Any:
    """pydantic writes 2020-12 `$defs`; draft-07 editors want `definitions`."""
    if isinstance(node, dict):
        return {
            ("definitions" if k == "$defs" else k): (
                v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _draft07(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_draft07(x) for x in node]
    return node


def progress_schema(tl: TaskList) -> dict[str, Any]:
    schema = _draft07(Report.model_json_schema())
    entry = schema["definitions"]["Entry"]["properties"]
    entry["task"].update(minimum=min(tl.tasks), maximum=max(tl.tasks))
    schema["properties"]["unit"]["examples"] = list(tl.registry.units)
    return {"$schema": "http://json-schema.org/draft-07/schema#", **schema}


def dumps(tl: TaskList) -> str:
    return json.dumps(progress_schema(tl), ensure_ascii=False, indent=2) + "\n"
