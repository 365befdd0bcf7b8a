#!/usr/bin/env python3
"""QueryOTAFirmware through the Tea/"V2.0" SDK (alibabacloud_iot20180120 on
alibabacloud_tea_openapi) against a local endpoint such as the aliyun-iot emulator.

Default: the SDK's default signing, V3 (Authorization: ACS3-HMAC-SHA256 ..., the action in
the x-acs-action header, no Action/Signature query parameters).
--v1:    Config(signature_algorithm='v2'), which makes OpenApiClient.call_api take the old
         do_rpcrequest path (RPC V1 signing: Signature/SignatureMethod=HMAC-SHA1 query
         parameters).

Usage: v3_tea.py [--v1] [--endpoint 127.0.0.1:18765] [--firmware-id ID] [--iot-instance-id ID]
Exit status: 0 on success, 1 on any failure (the SDK's exception is printed).
"""
import argparse
import json
import sys

from alibabacloud_iot20180120.client import Client
from alibabacloud_iot20180120 import models as iot_models
from alibabacloud_tea_openapi import models as open_api_models


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--v1", action="store_true",
                    help="Config(signature_algorithm='v2'): use the RPC V1 (HMAC-SHA1) path")
    ap.add_argument("--endpoint", default="127.0.0.1:18765",
                    help="host:port of the emulator (plain HTTP)")
    ap.add_argument("--firmware-id", default="UfuxnwygsuSkVE0VCN****0100")
    ap.add_argument("--iot-instance-id", default=None)
    ap.add_argument("--ak", default="testid")
    ap.add_argument("--secret", default="testsecret")
    ap.add_argument("--region", default="cn-shanghai")
    args = ap.parse_args()

    cfg = dict(
        access_key_id=args.ak,
        access_key_secret=args.secret,
        endpoint=args.endpoint,   # used verbatim as the Host header and URL authority
        protocol="http",          # overrides the operation's protocol='HTTPS'
        region_id=args.region,
        connect_timeout=5000,     # milliseconds
        read_timeout=10000,
    )
    if args.v1:
        cfg["signature_algorithm"] = "v2"
    config = open_api_models.Config(**cfg)
    client = Client(config)
    label = "V1 path (signature_algorithm='v2', HMAC-SHA1)" if args.v1 else \
        "V3 default (ACS3-HMAC-SHA256)"

    req = iot_models.QueryOTAFirmwareRequest(firmware_id=args.firmware_id,
                                             iot_instance_id=args.iot_instance_id)
    # The plain call with the SDK's default runtime options. With tea_openapi 0.4.x the retry
    # loop is driven by Config.retry_options (unset here), so this sends exactly one request.
    try:
        resp = client.query_otafirmware(req)
    except Exception as e:  # darabonba/Tea exceptions carry code, message, data, statusCode
        print("FAIL %s: %s" % (label, type(e).__name__), file=sys.stderr)
        for attr in ("status_code", "code", "message", "request_id", "data"):
            if getattr(e, attr, None) is not None:
                print("  %s: %s" % (attr, getattr(e, attr)), file=sys.stderr)
        if not getattr(e, "code", None):
            print("  str: %s" % (e,), file=sys.stderr)
        return 1

    body = resp.body.to_map() if resp.body is not None else {}
    print(json.dumps({"statusCode": resp.status_code, "body": body}, indent=2,
                     ensure_ascii=False))
    if body.get("Success") is not True:
        print("FAIL %s: Success is %r" % (label, body.get("Success")), file=sys.stderr)
        return 1
    fid = (body.get("FirmwareInfo") or {}).get("FirmwareId")
    if fid != args.firmware_id:
        print("FAIL %s: FirmwareInfo.FirmwareId is %r, expected %r"
              % (label, fid, args.firmware_id), file=sys.stderr)
        return 1
    print("OK: %s QueryOTAFirmware returned FirmwareId %s" % (label, fid), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
