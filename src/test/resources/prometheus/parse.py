"""Parses Prometheus text exposition from stdin with the Prometheus project's own Python client
and prints what it found as JSON: {family: {"type": ..., "samples": [[name, labels, value], ...]}}.
A malformed exposition makes the parser raise, and this script exit non-zero."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families

families = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    families[family.name] = {
        "type": family.type,
        "samples": [[s.name, s.labels, None if math.isnan(s.value) else s.value] for s in family.samples],
    }
json.dump(families, sys.stdout)
