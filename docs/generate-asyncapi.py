#!/usr/bin/env python3
"""Writes docs/asyncapi.yaml (AsyncAPI 3.0) from the JSON Schemas the services ship, so the
document and the schemas cannot disagree. Run after adding or changing an event schema:

    python3 docs/generate-asyncapi.py

The document is self-contained (one file, no reference outside it): every payload schema is
inlined, each message has its CloudEvents headers (with its own ce_type and ce_source), its Kafka
key, and an example built from the schema (a property's own `examples` first). The gateway serves
this file at /asyncapi. Needs PyYAML; with the `jsonschema` package each example is also checked
against its schema here (system-tests check it in any case).
"""
import glob
import json
import os
import re
import sys
import uuid

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
KAFKA_BINDING = "0.5.0"
PARTITIONS = 6  # deploy/k8s/base/kafka/topics.yaml
REPLICAS = 3


def schemas(pattern, contains=""):
    return sorted(f for f in glob.glob(os.path.join(ROOT, pattern)) if contains in f)


TOPICS = {
    "participants": ("percorsi.participants.v1", "participant-service",
                     "Participants: registry facts without personal data.",
                     schemas("participant-service/src/main/resources/schemas/*.json")),
    "dotes": ("percorsi.dotes.v1", "dote-service", "Programmes, dotes and the ledger.",
              schemas("dote-service/src/main/resources/schemas/outbound/*.json")),
    "plans": ("percorsi.plans.v1", "plan-service",
              "Intervention plans: submission, return, approval, amendment, closure, and the"
              " service deliveries dote-service pays.",
              schemas("plan-service/src/main/resources/schemas/*.json")),
    "placements": ("percorsi.placements.v1", "placement-service",
                   "Internships, monthly attendance, hires and follow-ups.",
                   schemas("placement-service/src/main/resources/schemas/outbound/*.json")),
    "webhooks": ("percorsi.webhooks.v1", "webhook-service",
                 "Partners' webhook endpoints: an endpoint the platform disabled.",
                 schemas("webhook-service/src/main/resources/schemas/*.json")),
}

DESCRIPTION = """\
Every event is a CloudEvents 1.0 record in Kafka binary mode: attributes in headers
(ce_id, ce_source, ce_type, ce_specversion, ce_time, ce_subject), the JSON payload as the
value, the aggregate id as the record key (one aggregate's events stay in order) and as
ce_subject. Payloads carry ids, codes, dates and euro cents, never names, tax codes or
birth dates. Within a v1 topic changes are additive only: ignore members you do not know.

Delivery is at least once: de-duplicate on ce_id. Each topic has 6 partitions; read with a
consumer group of your own (integrator-<who>: the ACLs of an integrator's Kafka user allow that
prefix), and scale to at most 6 consumers per group. An event one of the platform's services
cannot handle goes to <topic>.dlq with dead-letter-* headers; the .dlq topics are for operators,
not integrators.

This document is self-contained (no reference outside it); the gateway serves it at /asyncapi.
"""

# Values for the patterns and formats the schemas use, when a property gives no example.
PATTERN_VALUES = {
    r"^[0-2][0-9]$": "19",
    r"^[0-9]{2}$": "19",
    r"^[0-9]{3}$": "083",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2027-03-01",
    r"^\d{4}-\d{2}-\d{2}$": "2027-03-01",
    r"^\d{4}-(0[1-9]|1[0-2])$": "2027-03",
    r"^[1-9](\.[0-9]{1,2}){0,4}$": "2",
    r"^[A-Z0-9][A-Z0-9-]{1,99}$": "ORG-PROMOTER-A",
    r"^[A-Z][A-Z0-9_]{1,39}$": "SPECIALIST_ORIENTATION",
    r"^[A-Z]\.\d{2}\.\d{2}$": "A.02.00",
    r"^[A-Z]{3}$": "TUN",
    r"^[a-zA-Z]+(\.[a-zA-Z]+)?$": "activities",
    r"^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$": "25.11",
}
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def ce_type(path):
    base = os.path.basename(path)[:-5]
    return base if base.startswith("it.percorsi.") else "it.percorsi." + base


def message_name(t):
    parts = t[len("it.percorsi."):-3].replace("-", " ").replace(".", " ").split()
    return "".join(p.capitalize() for p in parts)


def example(schema, name="", required_only=False):
    """A value valid against `schema`, preferring the schema's own examples."""
    if "examples" in schema and schema["examples"]:
        return schema["examples"][0]
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    types = schema.get("type", "object")
    if isinstance(types, list):
        types = next(t for t in types if t != "null")
    if types == "object":
        required = schema.get("required", [])
        return {k: example(v, k, required_only) for k, v in schema.get("properties", {}).items()
                if not required_only or k in required}
    if types == "array":
        item = example(schema.get("items", {}), name, required_only)
        return [item] * max(1, schema.get("minItems", 1))
    if types == "integer" or types == "number":
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
        value = max(low, 1)
        if "maximum" in schema:
            value = min(value, schema["maximum"])
        return value
    if types == "boolean":
        return True
    # a string
    if schema.get("format") == "uuid" or schema.get("pattern") == UUID_PATTERN:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://percorsi.it/examples/" + name))
    if schema.get("format") == "date":
        return "2027-03-01"
    if schema.get("format") == "date-time":
        return "2027-03-01T09:30:00Z"
    if "pattern" in schema:
        if schema["pattern"] not in PATTERN_VALUES:
            sys.exit(f"no example for pattern {schema['pattern']} of {name}: add 'examples'")
        return PATTERN_VALUES[schema["pattern"]]
    if name.endswith("OrgId"):
        return "ORG-PROMOTER-A"
    return "example"


def errors(schema, value):
    try:
        import jsonschema
    except ImportError:
        return []
    return list(jsonschema.Draft202012Validator(schema).iter_errors(value))


def check(schema, value, what):
    errors_found = errors(schema, value)
    if errors_found:
        sys.exit(f"the example of {what} does not match its schema: {errors_found[0].message};"
                 " add 'examples' to the property")


# The record key of dote-service's events (their schemas do not say it): the dote's id for a dote
# and its ledger, the programme's code for a programme (dote-service DoteEvent, ProgrammeEvent).
KEYS_BY_AGGREGATE = ("doteId", "programmeCode")


def key_field(schema):
    properties = schema.get("properties", {})
    m = re.search(r"key\s*=\s*([a-zA-Z]+)", schema.get("description", ""), re.IGNORECASE)
    if m and m.group(1) in properties:
        return m.group(1)
    for field in KEYS_BY_AGGREGATE:
        if field in properties:
            return field
    sys.exit(f"{schema.get('$id')}: the description must name the record key ('key = <field>')")


def key_schema(schema, key, description):
    """The key's own schema (a uuid, or a programme code), with a description."""
    own = schema["properties"][key]
    out = {"type": "string"}
    for k in ("format", "pattern"):
        if k in own:
            out[k] = own[k]
    out["description"] = description
    return out


def headers(t, owner, key, schema):
    return {
        "type": "object",
        "description": "CloudEvents 1.0 attributes in Kafka binary mode, one header each",
        "required": ["ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time", "ce_subject",
                     "content-type"],
        "properties": {
            "ce_id": {"type": "string", "format": "uuid",
                      "description": "Unique event id: consumers de-duplicate on it"},
            "ce_source": {"type": "string", "const": f"/percorsi/{owner}"},
            "ce_type": {"type": "string", "const": t},
            "ce_specversion": {"type": "string", "const": "1.0"},
            "ce_time": {"type": "string", "format": "date-time",
                        "description": "When the change committed"},
            "ce_subject": key_schema(schema, key, f"The aggregate id ({key}), also the record key"),
            "content-type": {"type": "string", "const": "application/json"},
        },
    }


def message(f, owner):
    t = ce_type(f)
    n = message_name(t)
    with open(f) as fh:
        schema = json.load(fh)
    key = key_field(schema)
    payload = example(schema)
    if errors(schema, payload):
        # A schema with conditional members (if/then): the required members alone.
        payload = example(schema, required_only=True)
    check(schema, payload, t)
    head = headers(t, owner, key, schema)
    sample_headers = {
        "ce_id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://percorsi.it/examples/event/" + t)),
        "ce_source": f"/percorsi/{owner}",
        "ce_type": t,
        "ce_specversion": "1.0",
        "ce_time": "2027-03-01T09:30:00Z",
        "ce_subject": payload[key],
        "content-type": "application/json",
    }
    check(head, sample_headers, t + " headers")
    return n, {
        "name": t,
        "title": n,
        "summary": schema.get("description", ""),
        "contentType": "application/json",
        "headers": head,
        "payload": {
            "schemaFormat": "application/schema+json;version=draft-2020-12",
            "schema": schema,
        },
        "bindings": {
            "kafka": {
                "key": key_schema(schema, key, f"The aggregate id ({key}): one aggregate's events"
                                               " stay in order on one partition"),
                "bindingVersion": KAFKA_BINDING,
            }
        },
        "examples": [{
            "name": n,
            "summary": f"A {t} event as published",
            "headers": sample_headers,
            "payload": payload,
        }],
    }


def document():
    channels, operations, messages = {}, {}, {}
    for key, (topic, owner, desc, files) in TOPICS.items():
        names = []
        for f in files:
            n, m = message(f, owner)
            messages[n] = m
            names.append(n)
        channels[key] = {
            "address": topic,
            "description": f"{desc} Published by {owner}.",
            "messages": {n: {"$ref": f"#/components/messages/{n}"} for n in names},
            "bindings": {"kafka": {"topic": topic, "partitions": PARTITIONS, "replicas": REPLICAS,
                                   "topicConfiguration": {"cleanup.policy": ["delete"],
                                                          "retention.ms": 2592000000},
                                   "bindingVersion": KAFKA_BINDING}},
        }
        channels[key + "Dlq"] = {
            "address": topic + ".dlq",
            "description": f"Events of {topic} a consumer of the platform could not handle, with"
                           " the error in dead-letter-* headers; kept 90 days for operators to"
                           " investigate and replay.",
            "bindings": {"kafka": {"topic": topic + ".dlq", "partitions": PARTITIONS,
                                   "replicas": REPLICAS, "bindingVersion": KAFKA_BINDING}},
        }
        operations["receive" + key.capitalize()] = {
            "action": "receive",
            "summary": f"Read {topic}",
            "channel": {"$ref": f"#/channels/{key}"},
            "messages": [{"$ref": f"#/channels/{key}/messages/{n}"} for n in names],
            "bindings": {"kafka": {
                "groupId": {"type": "string", "pattern": "^integrator-[a-z0-9-]+$",
                            "description": "A consumer group of your own, integrator-<who>"},
                "bindingVersion": KAFKA_BINDING}},
        }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Percorsi events", "version": "1.0.0", "description": DESCRIPTION},
        "defaultContentType": "application/json",
        "servers": {
            "local": {"host": "127.0.0.1:9092", "protocol": "kafka",
                      "description": "./percorsi up (no authentication)"},
            "production": {"host": "percorsi-kafka-bootstrap.percorsi.svc:9093",
                           "protocol": "kafka-secure",
                           "description": "In the cluster, from a namespace the agency labelled"
                                          " percorsi.it/kafka-integrator=true; SASL_SSL with"
                                          " SCRAM-SHA-512 (your KafkaUser's credentials) and the"
                                          " cluster CA from the agency"},
        },
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


class Dumper(yaml.SafeDumper):
    """Block style, keys in the order written, no aliases, long strings kept on one line."""

    def ignore_aliases(self, data):
        return True


def main():
    text = yaml.dump(document(), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    header = ("# AsyncAPI 3.0: the event contract of the Percorsi bus, for integrators. One file, no\n"
              "# reference outside it. Generated by docs/generate-asyncapi.py from the JSON Schemas"
              " each\n# service ships; checked by system-tests (AsyncApiContractTest) against what"
              " the services\n# really publish. Served by the gateway at /asyncapi.\n")
    with open(os.path.join(DOCS, "asyncapi.yaml"), "w") as fh:
        fh.write(header + text)


if __name__ == "__main__":
    main()
