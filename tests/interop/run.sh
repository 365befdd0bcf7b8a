#!/usr/bin/env bash
# The official Python SDKs against `aliyun-iot emulator`: the Tea client with its default V3
# signing (alibabacloud_iot20180120), the same client on its V1 path, and the old core SDK (V1).
# Not part of `cargo test` (it needs PyPI); run it by hand after signing or emulator changes:
#   bash tests/interop/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-target/interop-venv}
PORT=${PORT:-18765}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q alibabacloud_iot20180120==5.1.0 alibabacloud_tea_openapi==0.4.6 \
    aliyun-python-sdk-core==2.16.1 aliyun-python-sdk-iot==8.59.0
cargo build -q --release --bin aliyun-iot
target/release/aliyun-iot emulator --listen "127.0.0.1:$PORT" > /dev/null 2> target/interop-emulator.log &
EMU=$!
trap 'kill $EMU 2>/dev/null' EXIT
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
PY="$VENV/bin/python"
"$PY" tests/interop/v3_tea.py --endpoint "127.0.0.1:$PORT" > /dev/null && echo "ok: Tea SDK, V3 (default)"
"$PY" tests/interop/v3_tea.py --v1 --endpoint "127.0.0.1:$PORT" > /dev/null && echo "ok: Tea SDK, V1"
"$PY" tests/interop/v1_core.py --endpoint "127.0.0.1:$PORT" > /dev/null && echo "ok: core SDK, V1"
