#!/usr/bin/env python3
"""QueryOTAFirmware through the old core SDK (aliyun-python-sdk-core, RPC V1 signing,
HMAC-SHA1) against a local endpoint such as the aliyun-iot emulator.

Usage: v1_core.py [--endpoint 127.0.0.1:18765] [--firmware-id ID] [--iot-instance-id ID]
                  [--debug]
Exit status: 0 on success, 1 on any failure (the SDK's exception is printed).
"""
import argparse
import json
import logging
import sys

from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
from aliyunsdkiot.request.v20180120.QueryOTAFirmwareRequest import QueryOTAFirmwareRequest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", default="127.0.0.1:18765",
                    help="host:port of the emulator (plain HTTP)")
    ap.add_argument("--firmware-id", default="UfuxnwygsuSkVE0VCN****0100")
    ap.add_argument("--iot-instance-id", default=None)
    ap.add_argument("--ak", default="testid")
    ap.add_argument("--secret", default="testsecret")
    ap.add_argument("--region", default="cn-shanghai")
    ap.add_argument("--debug", action="store_true", help="log the SDK's request/response")
    args = ap.parse_args()

    if args.debug:
        logging.basicConfig(level=logging.DEBUG)

    # auto_retry=False: one request per run, so the emulator log shows exactly one line.
    client = AcsClient(args.ak, args.secret, args.region, auto_retry=False,
                       connect_timeout=5, timeout=10)
    req = QueryOTAFirmwareRequest()
    # A request-level endpoint bypasses the SDK's endpoint resolver (location service,
    # endpoint_data maps); the host string may carry the port, and AcsClient's default
    # port=80 adds nothing to it.
    req.set_endpoint(args.endpoint)
    req.set_protocol_type("http")
    req.set_FirmwareId(args.firmware_id)
    if args.iot_instance_id:
        req.set_IotInstanceId(args.iot_instance_id)

    try:
        body = client.do_action_with_exception(req)
    except ServerException as e:
        print("FAIL ServerException: http_status=%s code=%s message=%s request_id=%s"
              % (e.get_http_status(), e.get_error_code(), e.get_error_msg(),
                 e.get_request_id()), file=sys.stderr)
        print("string_to_sign the SDK used: %s" % req.string_to_sign, file=sys.stderr)
        return 1
    except ClientException as e:
        print("FAIL ClientException: code=%s message=%s"
              % (e.get_error_code(), e.get_error_msg()), file=sys.stderr)
        return 1

    try:
        decoded = json.loads(body)
    except ValueError:
        print("FAIL: response is not JSON: %r" % (body[:500],), file=sys.stderr)
        return 1
    print(json.dumps(decoded, indent=2, ensure_ascii=False))
    if decoded.get("Success") is False:
        print("FAIL: Success is false", file=sys.stderr)
        return 1
    info = decoded.get("FirmwareInfo") or {}
    if info.get("FirmwareId") != args.firmware_id:
        print("FAIL: FirmwareInfo.FirmwareId is %r, expected %r"
              % (info.get("FirmwareId"), args.firmware_id), file=sys.stderr)
        return 1
    print("OK: V1 (core SDK, HMAC-SHA1) QueryOTAFirmware returned FirmwareId %s"
          % info.get("FirmwareId"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
