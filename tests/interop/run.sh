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
"$PY" tests/interop/v3_tea.py --endpoint "127.0.0.1:$PORT" > /dev/null \
    && echo "ok: Tea SDK, V3 (default)" || { echo "FAIL: Tea SDK, V3 (default)"; exit 1; }
"$PY" tests/interop/v3_tea.py --v1 --endpoint "127.0.0.1:$PORT" > /dev/null \
    && echo "ok: Tea SDK, V1" || { echo "FAIL: Tea SDK, V1"; exit 1; }
"$PY" tests/interop/v1_core.py --endpoint "127.0.0.1:$PORT" > /dev/null \
    && echo "ok: core SDK, V1" || { echo "FAIL: core SDK, V1"; exit 1; }
# The whole OTA lifecycle through the official SDKs' unchanged request classes (per-step
# output in target/interop-lifecycle-*.log): all 26 operations with the core SDK, a shorter
# lifecycle with the Tea SDK (V3 and V1), then the core SDK again against a second emulator
# whose data file has a device that fails every update (ReupgradeOTATask on a failed task).
LOGS=target/interop-lifecycle
"$PY" tests/interop/lifecycle_core.py --endpoint "127.0.0.1:$PORT" > "$LOGS-core.log" \
    && echo "ok: core SDK, V1: OTA lifecycle, all 26 operations" \
    || { echo "FAIL: core SDK lifecycle (see $LOGS-core.log)"; exit 1; }
"$PY" tests/interop/lifecycle_tea.py --endpoint "127.0.0.1:$PORT" > "$LOGS-tea.log" \
    && echo "ok: Tea SDK, V3 (default): OTA lifecycle" \
    || { echo "FAIL: Tea SDK V3 lifecycle (see $LOGS-tea.log)"; exit 1; }
"$PY" tests/interop/lifecycle_tea.py --v1 --endpoint "127.0.0.1:$PORT" > "$LOGS-tea-v1.log" \
    && echo "ok: Tea SDK, V1: OTA lifecycle" \
    || { echo "FAIL: Tea SDK V1 lifecycle (see $LOGS-tea-v1.log)"; exit 1; }
PORT2=$((PORT + 1))
target/release/aliyun-iot emulator --listen "127.0.0.1:$PORT2" \
    --data tests/interop/lifecycle_data.json > /dev/null 2> target/interop-emulator-fails.log &
EMU2=$!
trap 'kill $EMU $EMU2 2>/dev/null' EXIT
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$PORT2") 2>/dev/null && break; sleep 0.1; done
"$PY" tests/interop/lifecycle_core.py --endpoint "127.0.0.1:$PORT2" --product a1FailProd \
    --devices dev-001,dev-002,dev-003,dev-004,tester-01 --failing dev-002 \
    > "$LOGS-core-fails.log" \
    && echo "ok: core SDK, V1: OTA lifecycle with a failing device (ReupgradeOTATask)" \
    || { echo "FAIL: core SDK lifecycle, failing device (see $LOGS-core-fails.log)"; exit 1; }
