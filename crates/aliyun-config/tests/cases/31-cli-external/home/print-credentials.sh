#!/bin/sh
# Run with `sh` (the case runner's copy is not executable); prints what a credential helper would.
[ "$1 $2" = "--role ci" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
echo '{"mode": "StsToken", "access_key_id": "STS.external", "access_key_secret": "external-secret",'
echo ' "sts_token": "external-token", "expiration": "2099-01-01T00:00:00Z"}'
