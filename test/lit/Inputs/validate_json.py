"""Validates a JSON document against a JSON schema: validate_json.py SCHEMA DOCUMENT.

Uses Debian's python3-jsonschema (scripts/setup installs it) with the
validator the schema's "$schema" names (draft 4 for SARIF 2.1.0 and rdjson).
Prints "valid: DOCUMENT" or each error with its path, and exits 1."""
import json
import sys

import jsonschema

schema_path, document_path = sys.argv[1:3]
with open(schema_path) as f:
    schema = json.load(f)
with open(document_path) as f:
    document = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print("invalid: %s: at %s: %s" % (document_path, "/".join(map(str, error.path)), error.message))
if errors:
    sys.exit(1)
print("valid: %s" % document_path)
