#!/usr/bin/env python3
"""A short OTA lifecycle through the Tea SDK (alibabacloud_iot20180120 on
alibabacloud_tea_openapi), with its default V3 signing (or --v1), against
`aliyun-iot emulator`: the SDK's own request models and typed response models, unchanged.

Steps (one line printed per step): ListOTAModuleByProduct (GET), GenerateOTAUploadURL,
upload (multipart POST, standard library only), CreateOTAFirmware, QueryOTAFirmware (size and
MD5 are the file's), CreateOTAVerifyJob (TargetDeviceName list), QueryOTAFirmware until
Status 1, CreateOTAStaticUpgradeJob (SPECIFIC, two devices), ListOTATaskByJob until every task
is final, QueryOTAJob (COMPLETED), ListOTAModuleVersionsByDevice, a NeedConfirm job confirmed
with ConfirmOTATask, download of the FirmwareUrl, DeleteOTAFirmware, QueryOTAFirmware
(iot.ota.FirmwareNotFound).

Usage: lifecycle_tea.py [--v1] [--endpoint 127.0.0.1:18765] [--product a1DemoProd]
                        [--devices dev-001,dev-002,dev-003,dev-004]
--devices: four devices reporting module `default` (two for the static job, one for the
NeedConfirm job, the last verifies the package).
Exit status: 0 on success, 1 on any failure (the SDK's exception is printed).
"""
import argparse
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request

from alibabacloud_iot20180120.client import Client
from alibabacloud_iot20180120 import models as m
from alibabacloud_tea_openapi import models as open_api_models

FINAL = {"SUCCEEDED", "FAILED", "CANCELED"}


class Fail(Exception):
    """A step went wrong; the message says how."""


class Lifecycle:
    def __init__(self, args):
        cfg = dict(access_key_id=args.ak, access_key_secret=args.secret,
                   endpoint=args.endpoint, protocol="http", region_id=args.region,
                   connect_timeout=5000, read_timeout=15000)
        if args.v1:
            cfg["signature_algorithm"] = "v2"
        self.client = Client(open_api_models.Config(**cfg))
        self.args = args
        self.calls = {}

    def call(self, method, request, expect_error=None):
        """Calls `Client.<method>(request)`; returns the typed response body. With
        `expect_error`, the call must fail with that code (raised, or Success false)."""
        self.calls[method] = self.calls.get(method, 0) + 1
        try:
            resp = getattr(self.client, method)(request)
        except Exception as e:  # darabonba/Tea exceptions carry code, message, data
            if expect_error is not None and getattr(e, "code", None) == expect_error:
                return expect_error
            details = ", ".join("%s=%s" % (a, getattr(e, a)) for a in
                                ("status_code", "code", "message", "request_id", "data")
                                if getattr(e, a, None) is not None) or str(e)
            raise Fail("%s: %s: %s\n  sent: %s" % (method, type(e).__name__, details,
                                                   json.dumps(request.to_map(), sort_keys=True)))
        body = resp.body
        if expect_error is not None:
            if body is not None and body.success is False and body.code == expect_error:
                return expect_error
            raise Fail("%s: expected the error %s, got %s"
                       % (method, expect_error, json.dumps(body.to_map() if body else None)))
        if body is None or body.success is not True:
            raise Fail("%s: Success is not true: %s"
                       % (method, json.dumps(body.to_map() if body else None)[:600]))
        return body

    def step(self, text):
        print("  %s" % text)
        sys.stdout.flush()

    def poll(self, what, fetch, done, timeout=20.0):
        deadline = time.monotonic() + timeout
        while True:
            result = fetch()
            if done(result):
                return result
            if time.monotonic() > deadline:
                raise Fail("timed out after %.0f s waiting for %s; last: %r" % (timeout, what, result))
            time.sleep(0.3)

    def firmware(self, firmware_id):
        body = self.call("query_otafirmware", m.QueryOTAFirmwareRequest(firmware_id=firmware_id))
        if body.firmware_info is None:
            raise Fail("QueryOTAFirmware: no FirmwareInfo")
        return body.firmware_info

    def tasks(self, job_id):
        body = self.call("list_otatask_by_job", m.ListOTATaskByJobRequest(
            job_id=job_id, current_page=1, page_size=100))
        items = body.data.simple_otatask_info if body.data is not None else []
        return {t.device_name: t for t in items}

    def wait(self, job_id, done, what):
        return self.poll(what, lambda: self.tasks(job_id), done)

    def job(self, job_id):
        data = self.call("query_otajob", m.QueryOTAJobRequest(job_id=job_id)).data
        return data.job_status, data.target_selection, data.selection_type

    def upload(self, data, content):
        fields = [("key", data.key), ("policy", data.policy),
                  ("OSSAccessKeyId", data.ossaccess_key_id), ("Signature", data.signature),
                  ("success_action_status", "200")]
        missing = [n for n, v in fields if not v]
        if missing or not data.host:
            raise Fail("GenerateOTAUploadURL: missing %s: %s" % (missing or "Host", data.to_map()))
        boundary = "----lifecycle-tea-%s" % os.urandom(8).hex()
        body = bytearray()
        for name, value in fields:
            body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                     % (boundary, name, value)).encode()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; "
                 "filename=\"firmware.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                 % boundary).encode()
        body += content + ("\r\n--%s--\r\n" % boundary).encode()
        request = urllib.request.Request(
            data.host.rstrip("/") + "/", data=bytes(body), method="POST",
            headers={"Content-Type": "multipart/form-data; boundary=%s" % boundary})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as e:
            raise Fail("upload: HTTP %s: %s" % (e.code, e.read()[:500]))

    def run(self):
        a = self.args
        product, devices = a.product, a.devices
        if len(devices) != 4:
            raise Fail("--devices must name four devices")
        run_id = "%d%03d" % (int(time.time()) % 10 ** 7, int.from_bytes(os.urandom(2), "big") % 1000)
        dest_version = "3.%s" % run_id

        body = self.call("list_otamodule_by_product",
                         m.ListOTAModuleByProductRequest(product_key=product))
        names = [x.module_name for x in body.data]
        if "default" not in names:
            raise Fail("ListOTAModuleByProduct: no default module in %s" % names)
        self.step("ListOTAModuleByProduct (GET): %s" % ", ".join(names))

        content = os.urandom(150_000)
        md5 = hashlib.md5(content).hexdigest()
        data = self.call("generate_otaupload_url",
                         m.GenerateOTAUploadURLRequest(file_suffix="bin")).data
        self.step("GenerateOTAUploadURL: Host %s" % data.host)
        self.step("upload: %d bytes, HTTP %d" % (len(content), self.upload(data, content)))
        name = "py-tea-%s" % run_id
        created = self.call("create_otafirmware", m.CreateOTAFirmwareRequest(
            firmware_name=name, product_key=product, dest_version=dest_version,
            firmware_url=data.firmware_url, firmware_sign=md5, sign_method="MD5",
            firmware_size=len(content), need_to_verify=True))
        firmware_id = created.data.firmware_id
        self.step("CreateOTAFirmware %s: FirmwareId %s" % (name, firmware_id))
        info = self.firmware(firmware_id)
        if (info.firmware_size, (info.firmware_sign or "").lower(), info.status) != \
                (len(content), md5, 0):
            raise Fail("QueryOTAFirmware: (FirmwareSize, FirmwareSign, Status) = %r, expected %r"
                       % ((info.firmware_size, info.firmware_sign, info.status),
                          (len(content), md5, 0)))
        self.step("QueryOTAFirmware: FirmwareSize %d, FirmwareSign %s, Status 0"
                  % (info.firmware_size, info.firmware_sign))

        verify = self.call("create_otaverify_job", m.CreateOTAVerifyJobRequest(
            firmware_id=firmware_id, product_key=product, target_device_name=[devices[3]],
            timeout_in_minutes=5))
        self.step("CreateOTAVerifyJob on %s: JobId %s" % (devices[3], verify.data.job_id))
        info = self.poll("Status 1", lambda: self.firmware(firmware_id),
                         lambda i: i.status in (1, 3))
        if info.status != 1:
            raise Fail("verification failed: %s" % json.dumps(info.to_map()))
        self.step("QueryOTAFirmware: Status 1, VerifyProgress %s" % info.verify_progress)

        targets = devices[:2]
        job_id = self.call("create_otastatic_upgrade_job", m.CreateOTAStaticUpgradeJobRequest(
            firmware_id=firmware_id, product_key=product, target_selection="SPECIFIC",
            target_device_name=targets, timeout_in_minutes=10,
            tag=[m.CreateOTAStaticUpgradeJobRequestTag(key="run", value=run_id)])).data.job_id
        self.step("CreateOTAStaticUpgradeJob SPECIFIC %s: JobId %s" % (",".join(targets), job_id))
        tasks = self.wait(job_id, lambda ts: len(ts) == 2 and all(
            t.task_status in FINAL for t in ts.values()), "the static job's tasks")
        got = {d: t.task_status for d, t in sorted(tasks.items())}
        if got != {d: "SUCCEEDED" for d in targets}:
            raise Fail("ListOTATaskByJob: %s" % got)
        self.step("ListOTATaskByJob: %s" % got)
        if self.job(job_id) != ("COMPLETED", "SPECIFIC", "STATIC"):
            raise Fail("QueryOTAJob: %s" % (self.job(job_id),))
        self.step("QueryOTAJob: COMPLETED SPECIFIC STATIC")
        body = self.call("list_otamodule_versions_by_device",
                         m.ListOTAModuleVersionsByDeviceRequest(
                             product_key=product, device_name=targets[0], current_page=1,
                             page_size=10))
        versions = {x.module_name: x.module_version for x in body.data.simple_otamodule_info}
        if versions.get("default") != dest_version:
            raise Fail("ListOTAModuleVersionsByDevice %s: %s" % (targets[0], versions))
        self.step("ListOTAModuleVersionsByDevice %s: default %s" % (targets[0], dest_version))

        job_id = self.call("create_otastatic_upgrade_job", m.CreateOTAStaticUpgradeJobRequest(
            firmware_id=firmware_id, product_key=product, target_selection="SPECIFIC",
            target_device_name=[devices[2]], need_confirm=True)).data.job_id
        tasks = self.wait(job_id, lambda ts: devices[2] in ts
                          and ts[devices[2]].task_status == "CONFIRM", "a CONFIRM task")
        task_id = tasks[devices[2]].task_id
        self.step("CreateOTAStaticUpgradeJob NeedConfirm %s: task %s CONFIRM" % (devices[2], task_id))
        self.call("confirm_otatask", m.ConfirmOTATaskRequest(task_id=[task_id]))
        tasks = self.wait(job_id, lambda ts: ts[devices[2]].task_status in FINAL, "the confirmed task")
        if tasks[devices[2]].task_status != "SUCCEEDED":
            raise Fail("the confirmed task is %s" % tasks[devices[2]].task_status)
        self.step("ConfirmOTATask %s: SUCCEEDED" % task_id)

        url = self.firmware(firmware_id).firmware_url
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                got = response.read()
        except urllib.error.HTTPError as e:
            raise Fail("downloading %s: HTTP %s" % (url, e.code))
        if got != content:
            raise Fail("the download (%d bytes, MD5 %s) is not the uploaded file"
                       % (len(got), hashlib.md5(got).hexdigest()))
        self.step("download FirmwareUrl: %d bytes, MD5 %s" % (len(got), md5))

        self.call("delete_otafirmware", m.DeleteOTAFirmwareRequest(firmware_id=firmware_id))
        self.step("DeleteOTAFirmware %s" % firmware_id)
        code = self.call("query_otafirmware", m.QueryOTAFirmwareRequest(firmware_id=firmware_id),
                         expect_error="iot.ota.FirmwareNotFound")
        self.step("QueryOTAFirmware after the deletion: %s" % code)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--v1", action="store_true",
                    help="Config(signature_algorithm='v2'): use the RPC V1 (HMAC-SHA1) path")
    ap.add_argument("--endpoint", default="127.0.0.1:18765")
    ap.add_argument("--product", default="a1DemoProd")
    ap.add_argument("--devices", default="dev-001,dev-002,dev-003,dev-004")
    ap.add_argument("--ak", default="testid")
    ap.add_argument("--secret", default="testsecret")
    ap.add_argument("--region", default="cn-shanghai")
    args = ap.parse_args()
    args.devices = [d for d in args.devices.split(",") if d]
    label = "V1 (signature_algorithm='v2')" if args.v1 else "V3 (default)"
    print("lifecycle_tea.py: Tea SDK, %s, against %s, product %s"
          % (label, args.endpoint, args.product))
    life = Lifecycle(args)
    try:
        life.run()
    except Fail as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    print("OK: %d operations, %d calls" % (len(life.calls), sum(life.calls.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
