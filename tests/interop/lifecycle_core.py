#!/usr/bin/env python3
"""The whole OTA lifecycle through the old core SDK (aliyun-python-sdk-core, RPC V1 signing)
and the unchanged request classes of aliyun-python-sdk-iot (aliyunsdkiot.request.v20180120)
against `aliyun-iot emulator`.

Steps (one line printed per step):
  modules   CreateOTAModule, ListOTAModuleByProduct (GET), UpdateOTAModule, DeleteOTAModule
  package   GenerateOTAUploadURL, upload (multipart POST, standard library only),
            CreateOTAFirmware, QueryOTAFirmware (size and MD5 are the file's), ListOTAFirmware,
            ModifyOTAFirmware
  verify    CreateOTAVerifyJob (TargetDeviceName.N), QueryOTAFirmware until Status 1
  static    CreateOTAStaticUpgradeJob (SPECIFIC, two devices), ListOTATaskByJob until every
            task is final, QueryOTAJob (COMPLETED), ListOTAModuleVersionsByDevice,
            ListOTAJobByDevice; a failed task (a device that `Fails`, see --failing) is re-run
            with ReupgradeOTATask (TaskId.N) and fails again
  confirm   a NeedConfirm job on two more devices: ListOTAUnfinishedTaskByDevice (CONFIRM),
            ConfirmOTATask (TaskId.N) for one, CancelOTATaskByJob (CancelUnconfirmedTask) for
            the other, ReupgradeOTATask, CancelOTATaskByDevice (DeviceName.N),
            ReupgradeOTATask, ConfirmOTATask, until both succeed
  dynamic   CreateOTADynamicUpgradeJob (SrcVersion.N matching no device), UpdateOTAJob
            (Tags.N), QueryOTAJob, ListOTAJobByFirmware, CancelOTAStrategyByJob
  device    GenerateDeviceNameListURL and an upload to it
  download  the pre-signed FirmwareUrl of QueryOTAFirmware (urllib): same bytes and MD5
  delete    DeleteOTAFirmware, then QueryOTAFirmware answers iot.ota.FirmwareNotFound

Usage: lifecycle_core.py [--endpoint 127.0.0.1:18765] [--product a1DemoProd]
                         [--devices dev-001,dev-002,dev-003,dev-004,dev-005]
                         [--failing dev-002] [--debug]
--devices names five devices of the product that report module `default` (the first two get
the static job, the next two the NeedConfirm job, the last verifies the package); --failing
names those of them whose update tasks the emulator fails (`"Fails": true` in a --data file).
Exit status: 0 on success, 1 on any failure (the SDK's exception is printed).
"""
import argparse
import hashlib
import json
import logging
import os
import sys
import time
import urllib.error
import urllib.request

from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
from aliyunsdkiot.request.v20180120 import (
    CancelOTAStrategyByJobRequest, CancelOTATaskByDeviceRequest, CancelOTATaskByJobRequest,
    ConfirmOTATaskRequest, CreateOTADynamicUpgradeJobRequest, CreateOTAFirmwareRequest,
    CreateOTAModuleRequest, CreateOTAStaticUpgradeJobRequest, CreateOTAVerifyJobRequest,
    DeleteOTAFirmwareRequest, DeleteOTAModuleRequest, GenerateDeviceNameListURLRequest,
    GenerateOTAUploadURLRequest, ListOTAFirmwareRequest, ListOTAJobByDeviceRequest,
    ListOTAJobByFirmwareRequest, ListOTAModuleByProductRequest,
    ListOTAModuleVersionsByDeviceRequest, ListOTATaskByJobRequest,
    ListOTAUnfinishedTaskByDeviceRequest, ModifyOTAFirmwareRequest, QueryOTAFirmwareRequest,
    QueryOTAJobRequest, ReupgradeOTATaskRequest, UpdateOTAJobRequest, UpdateOTAModuleRequest,
)

FINAL = {"SUCCEEDED", "FAILED", "CANCELED"}


class Fail(Exception):
    """A step went wrong; the message says how."""


class Lifecycle:
    def __init__(self, args):
        self.args = args
        # auto_retry=False: a refused request is reported, not silently repeated.
        self.client = AcsClient(args.ak, args.secret, args.region, auto_retry=False,
                                connect_timeout=5, timeout=15)
        self.calls = {}

    # --- plumbing -------------------------------------------------------------------------

    def call(self, req, expect_error=None):
        """Sends `req` (an SDK request object) to the emulator; returns the decoded JSON body.
        With `expect_error`, the call must fail with that error code; returns the code."""
        action = req.get_action_name()
        req.set_endpoint(self.args.endpoint)
        req.set_protocol_type("http")
        self.calls[action] = self.calls.get(action, 0) + 1
        try:
            body = self.client.do_action_with_exception(req)
        except ServerException as e:
            if expect_error is not None and e.get_error_code() == expect_error:
                return e.get_error_code()
            raise Fail("%s (%s %s): ServerException http_status=%s code=%s message=%s "
                       "request_id=%s\n  sent: %s"
                       % (action, req.get_method(), describe(req), e.get_http_status(),
                          e.get_error_code(), e.get_error_msg(), e.get_request_id(),
                          json.dumps(req.get_query_params(), sort_keys=True)))
        except ClientException as e:
            raise Fail("%s: ClientException code=%s message=%s\n  sent: %s"
                       % (action, e.get_error_code(), e.get_error_msg(),
                          json.dumps(req.get_query_params(), sort_keys=True)))
        try:
            decoded = json.loads(body)
        except ValueError:
            raise Fail("%s: the response is not JSON: %r" % (action, body[:500]))
        if expect_error is not None:
            # The service answers business errors with HTTP 200 and Success false, which the
            # SDK returns as a body rather than raising.
            if decoded.get("Success") is False and decoded.get("Code") == expect_error:
                return expect_error
            raise Fail("%s: expected the error %s, got: %s"
                       % (action, expect_error, json.dumps(decoded)[:500]))
        if decoded.get("Success") is not True:
            raise Fail("%s: Success is %r: %s"
                       % (action, decoded.get("Success"), json.dumps(decoded)[:500]))
        return decoded

    def step(self, text):
        print("  %s" % text)
        sys.stdout.flush()

    def poll(self, what, fetch, done, timeout=20.0, interval=0.3):
        """Calls fetch() until done(result) holds; returns the last result."""
        deadline = time.monotonic() + timeout
        while True:
            result = fetch()
            if done(result):
                return result
            if time.monotonic() > deadline:
                raise Fail("timed out after %.0f s waiting for %s; last: %s"
                           % (timeout, what, json.dumps(result)[:800]))
            time.sleep(interval)

    # --- operations, as the SDK sends them ------------------------------------------------

    def query_firmware(self, firmware_id):
        req = QueryOTAFirmwareRequest.QueryOTAFirmwareRequest()
        req.set_FirmwareId(firmware_id)
        info = self.call(req).get("FirmwareInfo")
        if not isinstance(info, dict):
            raise Fail("QueryOTAFirmware: no FirmwareInfo object")
        return info

    def tasks(self, job_id):
        """{device name: task} of a job."""
        req = ListOTATaskByJobRequest.ListOTATaskByJobRequest()
        req.set_JobId(job_id)
        req.set_CurrentPage(1)
        req.set_PageSize(100)
        reply = self.call(req)
        items = as_list(reply.get("Data"), "SimpleOTATaskInfo", "ListOTATaskByJob")
        return {t["DeviceName"]: t for t in items}

    def wait_final(self, job_id, count):
        return self.poll("the %d tasks of job %s to be final" % (count, job_id),
                         lambda: self.tasks(job_id),
                         lambda ts: len(ts) == count and all(
                             t.get("TaskStatus") in FINAL for t in ts.values()))

    def wait_states(self, job_id, wanted):
        """Polls until each device of `wanted` has its task in the state given."""
        return self.poll("job %s tasks %s" % (job_id, wanted), lambda: self.tasks(job_id),
                         lambda ts: all(ts.get(d, {}).get("TaskStatus") == s
                                        for d, s in wanted.items()))

    def query_job(self, job_id):
        req = QueryOTAJobRequest.QueryOTAJobRequest()
        req.set_JobId(job_id)
        data = self.call(req).get("Data")
        if not isinstance(data, dict):
            raise Fail("QueryOTAJob: no Data object")
        return data

    def reupgrade(self, job_id, task_ids):
        req = ReupgradeOTATaskRequest.ReupgradeOTATaskRequest()
        req.set_JobId(job_id)
        req.set_TaskIds(task_ids)
        check_sent(req, "TaskId.1")
        self.call(req)

    def confirm(self, task_ids):
        req = ConfirmOTATaskRequest.ConfirmOTATaskRequest()
        req.set_TaskIds(task_ids)
        check_sent(req, "TaskId.1")
        self.call(req)

    def upload_form(self, data, content, filename, what):
        """POSTs `content` with the form of `data` (the answer of GenerateOTAUploadURL or
        GenerateDeviceNameListURL), as OSS PostObject takes it: the file field last."""
        host = data.get("Host")
        if not host:
            raise Fail("%s: no Host in %s" % (what, json.dumps(data)))
        access_key = data.get("OSSAccessKeyId") or data.get("AccessKeyId")
        fields = [("key", data.get("Key")), ("policy", data.get("Policy")),
                  ("OSSAccessKeyId", access_key), ("Signature", data.get("Signature")),
                  ("success_action_status", "200")]
        for name, value in fields:
            if not value:
                raise Fail("%s: the answer lacks the form field %s: %s"
                           % (what, name, json.dumps(data)))
        boundary = "----lifecycle-core-%s" % os.urandom(8).hex()
        body = bytearray()
        for name, value in fields:
            body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                     % (boundary, name, value)).encode()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n" % (boundary, filename)).encode()
        body += content
        body += ("\r\n--%s--\r\n" % boundary).encode()
        request = urllib.request.Request(
            host.rstrip("/") + "/", data=bytes(body), method="POST",
            headers={"Content-Type": "multipart/form-data; boundary=%s" % boundary})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
                response.read()
        except urllib.error.HTTPError as e:
            raise Fail("%s: the upload to %s answered HTTP %s: %s"
                       % (what, host, e.code, e.read()[:500]))
        if status not in (200, 204):
            raise Fail("%s: the upload answered HTTP %s" % (what, status))
        return status

    # --- the lifecycle --------------------------------------------------------------------

    def run(self):
        a = self.args
        product = a.product
        devices = a.devices
        if len(devices) != 5:
            raise Fail("--devices must name five devices")
        failing = set(a.failing)
        run_id = "%d%03d" % (int(time.time()) % 10 ** 7, int.from_bytes(os.urandom(2), "big") % 1000)
        dest_version = "2.%s" % run_id

        # Modules.
        module = "pymod_%s" % run_id
        req = CreateOTAModuleRequest.CreateOTAModuleRequest()
        req.set_ProductKey(product)
        req.set_ModuleName(module)
        req.set_AliasName("python-module")
        req.set_Desc("created by lifecycle_core.py")
        self.call(req)
        self.step("CreateOTAModule %s" % module)
        listed = self.list_modules(product)
        if module not in listed:
            raise Fail("ListOTAModuleByProduct does not list %s: %s" % (module, sorted(listed)))
        self.step("ListOTAModuleByProduct (GET): %s" % ", ".join(sorted(listed)))
        req = UpdateOTAModuleRequest.UpdateOTAModuleRequest()
        req.set_ProductKey(product)
        req.set_ModuleName(module)
        req.set_AliasName("python-module-2")
        req.set_Desc("updated by lifecycle_core.py")
        self.call(req)
        got = self.list_modules(product).get(module, {})
        if got.get("AliasName") != "python-module-2" or got.get("Desc") != "updated by lifecycle_core.py":
            raise Fail("UpdateOTAModule did not take: %s" % json.dumps(got))
        self.step("UpdateOTAModule: AliasName %s, Desc %r" % (got["AliasName"], got["Desc"]))
        req = DeleteOTAModuleRequest.DeleteOTAModuleRequest()
        req.set_ProductKey(product)
        req.set_ModuleName(module)
        self.call(req)
        if module in self.list_modules(product):
            raise Fail("ListOTAModuleByProduct still lists %s after DeleteOTAModule" % module)
        self.step("DeleteOTAModule %s: no longer listed" % module)

        # Upload and create the package.
        content = firmware_bytes(run_id)
        md5 = hashlib.md5(content).hexdigest()
        req = GenerateOTAUploadURLRequest.GenerateOTAUploadURLRequest()
        req.set_FileSuffix("bin")
        data = self.call(req).get("Data") or {}
        self.step("GenerateOTAUploadURL: Host %s, Key %s" % (data.get("Host"), data.get("Key")))
        status = self.upload_form(data, content, "firmware.bin", "GenerateOTAUploadURL")
        self.step("upload: %d bytes, HTTP %d, MD5 %s" % (len(content), status, md5))
        firmware_name = "py-core-%s" % run_id
        req = CreateOTAFirmwareRequest.CreateOTAFirmwareRequest()
        req.set_FirmwareName(firmware_name)
        req.set_ProductKey(product)
        req.set_DestVersion(dest_version)
        req.set_FirmwareUrl(data.get("FirmwareUrl"))
        req.set_SignMethod("MD5")
        req.set_FirmwareSign(md5)
        req.set_FirmwareSize(len(content))
        req.set_NeedToVerify(True)  # the SDK sends the Python spelling, "True"
        req.set_FirmwareDesc("lifecycle_core.py")
        created = self.call(req).get("Data") or {}
        firmware_id = created.get("FirmwareId")
        if not firmware_id:
            raise Fail("CreateOTAFirmware: no Data.FirmwareId")
        self.step("CreateOTAFirmware %s: FirmwareId %s" % (firmware_name, firmware_id))
        info = self.query_firmware(firmware_id)
        if int(info.get("FirmwareSize", -1)) != len(content):
            raise Fail("QueryOTAFirmware: FirmwareSize %r, the file has %d bytes"
                       % (info.get("FirmwareSize"), len(content)))
        if str(info.get("FirmwareSign", "")).lower() != md5:
            raise Fail("QueryOTAFirmware: FirmwareSign %r, the file's MD5 is %s"
                       % (info.get("FirmwareSign"), md5))
        if int(info.get("Status", -99)) != 0:
            raise Fail("QueryOTAFirmware: Status %r, expected 0 (unverified)" % info.get("Status"))
        self.step("QueryOTAFirmware: FirmwareSize %s, FirmwareSign %s, Status %s"
                  % (info["FirmwareSize"], info["FirmwareSign"], info["Status"]))
        req = ListOTAFirmwareRequest.ListOTAFirmwareRequest()
        req.set_ProductKey(product)
        req.set_DestVersion(dest_version)
        req.set_CurrentPage(1)
        req.set_PageSize(100)
        reply = self.call(req)
        items = as_list(reply.get("FirmwareInfo"), "SimpleFirmwareInfo", "ListOTAFirmware")
        if [f.get("FirmwareId") for f in items] != [firmware_id]:
            raise Fail("ListOTAFirmware (DestVersion %s) lists %s"
                       % (dest_version, [f.get("FirmwareId") for f in items]))
        self.step("ListOTAFirmware: Total %s, the package listed" % reply.get("Total"))
        req = ModifyOTAFirmwareRequest.ModifyOTAFirmwareRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_FirmwareDesc("modified by lifecycle_core.py")
        self.call(req)
        if self.query_firmware(firmware_id).get("FirmwareDesc") != "modified by lifecycle_core.py":
            raise Fail("ModifyOTAFirmware: FirmwareDesc did not change")
        self.step("ModifyOTAFirmware: FirmwareDesc changed")

        # Verification.
        tester = devices[4]
        req = CreateOTAVerifyJobRequest.CreateOTAVerifyJobRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_TargetDeviceNames([tester])
        req.set_TimeoutInMinutes(5)
        check_sent(req, "TargetDeviceName.1")
        verify_job = (self.call(req).get("Data") or {}).get("JobId")
        if not verify_job:
            raise Fail("CreateOTAVerifyJob: no Data.JobId")
        self.step("CreateOTAVerifyJob on %s: JobId %s" % (tester, verify_job))
        info = self.poll("the package to be verified (Status 1)",
                         lambda: self.query_firmware(firmware_id),
                         lambda i: int(i.get("Status", -99)) in (1, 3))
        if int(info["Status"]) != 1:
            raise Fail("verification failed: %s" % json.dumps(info)[:500])
        self.step("QueryOTAFirmware: Status 1, VerifyProgress %s" % info.get("VerifyProgress"))

        # The static job on two devices.
        targets = devices[:2]
        req = CreateOTAStaticUpgradeJobRequest.CreateOTAStaticUpgradeJobRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_TargetSelection("SPECIFIC")
        req.set_TargetDeviceNames(targets)
        req.set_TimeoutInMinutes(10)
        req.set_Tags([{"Key": "run", "Value": run_id}])
        check_sent(req, "TargetDeviceName.2")
        job = (self.call(req).get("Data") or {}).get("JobId")
        if not job:
            raise Fail("CreateOTAStaticUpgradeJob: no Data.JobId")
        self.step("CreateOTAStaticUpgradeJob SPECIFIC %s: JobId %s" % (",".join(targets), job))
        tasks = self.wait_final(job, len(targets))
        self.step("ListOTATaskByJob: %s" % states(tasks))
        for device in targets:
            expected = "FAILED" if device in failing else "SUCCEEDED"
            if tasks[device]["TaskStatus"] != expected:
                raise Fail("the task of %s is %s, expected %s: %s"
                           % (device, tasks[device]["TaskStatus"], expected,
                              json.dumps(tasks[device])))
        self.expect_job(job, "COMPLETED", "SPECIFIC", "STATIC")
        for device in targets:
            expected = "1.0.0" if device in failing else dest_version
            self.expect_version(product, device, expected)
        req = ListOTAJobByDeviceRequest.ListOTAJobByDeviceRequest()
        req.set_ProductKey(product)
        req.set_DeviceName(targets[0])
        req.set_FirmwareId(firmware_id)
        req.set_CurrentPage(1)
        req.set_PageSize(10)
        listed = [j.get("JobId") for j in as_list(self.call(req).get("Data"), "SimpleOTAJobInfo",
                                                 "ListOTAJobByDevice")]
        if listed != [job]:
            raise Fail("ListOTAJobByDevice %s lists %s, expected [%s]" % (targets[0], listed, job))
        self.step("ListOTAJobByDevice %s: %s" % (targets[0], listed))
        failed = [tasks[d]["TaskId"] for d in targets if tasks[d]["TaskStatus"] == "FAILED"]
        if failed:
            self.reupgrade(job, failed)
            tasks = self.tasks(job)
            rerun = {d: tasks[d]["TaskStatus"] for d in targets if tasks[d]["TaskId"] in failed}
            if any(s in FINAL for s in rerun.values()):
                raise Fail("ReupgradeOTATask: the tasks are still final: %s" % rerun)
            self.step("ReupgradeOTATask %s: %s" % (",".join(failed), rerun))
            self.expect_job(job, "IN_PROGRESS", "SPECIFIC", "STATIC")
            tasks = self.wait_final(job, len(targets))
            self.step("ListOTATaskByJob after the re-run: %s" % states(tasks))
            self.expect_job(job, "COMPLETED", "SPECIFIC", "STATIC")

        # A job that needs confirmation.
        pair = devices[2:4]
        req = CreateOTAStaticUpgradeJobRequest.CreateOTAStaticUpgradeJobRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_TargetSelection("SPECIFIC")
        req.set_TargetDeviceNames(pair)
        req.set_NeedConfirm(True)  # sent as "True"
        req.set_NeedPush(True)
        confirm_job = (self.call(req).get("Data") or {}).get("JobId")
        if not confirm_job:
            raise Fail("CreateOTAStaticUpgradeJob (NeedConfirm): no Data.JobId")
        self.step("CreateOTAStaticUpgradeJob NeedConfirm %s: JobId %s"
                  % (",".join(pair), confirm_job))
        tasks = self.wait_states(confirm_job, {d: "CONFIRM" for d in pair})
        self.step("ListOTATaskByJob: %s" % states(tasks))
        req = ListOTAUnfinishedTaskByDeviceRequest.ListOTAUnfinishedTaskByDeviceRequest()
        req.set_ProductKey(product)
        req.set_DeviceName(pair[0])
        req.set_TaskStatusLists(["CONFIRM"])
        check_sent(req, "TaskStatusList.1")
        unfinished = as_list(self.call(req).get("Data"), "SimpleOTATaskInfo",
                             "ListOTAUnfinishedTaskByDevice")
        if [t.get("TaskId") for t in unfinished] != [tasks[pair[0]]["TaskId"]]:
            raise Fail("ListOTAUnfinishedTaskByDevice %s (CONFIRM): %s"
                       % (pair[0], json.dumps(unfinished)))
        self.step("ListOTAUnfinishedTaskByDevice %s: %s" % (pair[0], unfinished[0]["TaskId"]))
        self.confirm([tasks[pair[0]]["TaskId"]])
        self.step("ConfirmOTATask %s (%s)" % (tasks[pair[0]]["TaskId"], pair[0]))
        req = CancelOTATaskByJobRequest.CancelOTATaskByJobRequest()
        req.set_JobId(confirm_job)
        req.set_CancelUnconfirmedTask(True)
        self.call(req)
        tasks = self.wait_states(confirm_job, {pair[0]: "SUCCEEDED", pair[1]: "CANCELED"})
        self.step("CancelOTATaskByJob CancelUnconfirmedTask: %s" % states(tasks))
        other = tasks[pair[1]]["TaskId"]
        self.reupgrade(confirm_job, [other])
        self.wait_states(confirm_job, {pair[1]: "CONFIRM"})
        self.step("ReupgradeOTATask %s: CONFIRM again" % other)
        req = CancelOTATaskByDeviceRequest.CancelOTATaskByDeviceRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_JobId(confirm_job)
        req.set_DeviceNames([pair[1]])
        check_sent(req, "DeviceName.1")
        self.call(req)
        self.wait_states(confirm_job, {pair[1]: "CANCELED"})
        self.step("CancelOTATaskByDevice %s: CANCELED" % pair[1])
        self.reupgrade(confirm_job, [other])
        self.wait_states(confirm_job, {pair[1]: "CONFIRM"})
        self.confirm([other])
        tasks = self.wait_final(confirm_job, len(pair))
        if states(tasks) != {d: "SUCCEEDED" for d in pair}:
            raise Fail("the NeedConfirm job ended with %s" % states(tasks))
        self.step("ReupgradeOTATask + ConfirmOTATask %s: %s" % (other, states(tasks)))
        self.expect_job(confirm_job, "COMPLETED", "SPECIFIC", "STATIC")

        # A dynamic job, changed and canceled.
        req = CreateOTADynamicUpgradeJobRequest.CreateOTADynamicUpgradeJobRequest()
        req.set_FirmwareId(firmware_id)
        req.set_ProductKey(product)
        req.set_SrcVersions(["0.0.1-none"])
        req.set_DynamicMode(1)
        req.set_TimeoutInMinutes(30)
        check_sent(req, "SrcVersion.1")
        dynamic_job = (self.call(req).get("Data") or {}).get("JobId")
        if not dynamic_job:
            raise Fail("CreateOTADynamicUpgradeJob: no Data.JobId")
        self.step("CreateOTADynamicUpgradeJob SrcVersion 0.0.1-none: JobId %s" % dynamic_job)
        req = UpdateOTAJobRequest.UpdateOTAJobRequest()
        req.set_JobId(dynamic_job)
        req.set_UpgradeType("DYNAMIC")
        req.set_TargetSelection("ALL")
        req.set_MaximumPerMinute(100)
        req.set_TimeoutInMinutes(60)
        req.set_Tagss([{"Key": "stage", "Value": "two"}])
        check_sent(req, "Tags.1.Key")
        self.call(req)
        data = self.expect_job(dynamic_job, "IN_PROGRESS", "ALL", "DYNAMIC")
        tags = as_list(data.get("Tags"), "OtaTagDTO", "QueryOTAJob Tags")
        if int(data.get("MaximumPerMinute", 0)) != 100 or int(data.get("TimeoutInMinutes", 0)) != 60 \
                or [(t.get("Key"), t.get("Value")) for t in tags] != [("stage", "two")]:
            raise Fail("UpdateOTAJob did not take: %s" % json.dumps(data))
        self.step("UpdateOTAJob: MaximumPerMinute 100, TimeoutInMinutes 60, Tags stage=two")
        req = ListOTAJobByFirmwareRequest.ListOTAJobByFirmwareRequest()
        req.set_FirmwareId(firmware_id)
        req.set_CurrentPage(1)
        req.set_PageSize(10)
        listed = {j.get("JobId") for j in as_list(self.call(req).get("Data"), "SimpleOTAJobInfo",
                                                 "ListOTAJobByFirmware")}
        wanted = {verify_job, job, confirm_job, dynamic_job}
        if listed != wanted:
            raise Fail("ListOTAJobByFirmware lists %s, expected %s" % (sorted(listed), sorted(wanted)))
        self.step("ListOTAJobByFirmware: %d jobs" % len(listed))
        code = self.call(self.delete_request(firmware_id), expect_error="iot.ota.FirmwareInUse")
        self.step("DeleteOTAFirmware while the dynamic job runs: %s" % code)
        req = CancelOTAStrategyByJobRequest.CancelOTAStrategyByJobRequest()
        req.set_JobId(dynamic_job)
        self.call(req)
        self.expect_job(dynamic_job, "CANCELED", "ALL", "DYNAMIC")

        # A device list upload.
        req = GenerateDeviceNameListURLRequest.GenerateDeviceNameListURLRequest()
        data = self.call(req).get("Data") or {}
        status = self.upload_form(data, ("\n".join(devices) + "\n").encode(), "devices.csv",
                                  "GenerateDeviceNameListURL")
        self.step("GenerateDeviceNameListURL + upload: HTTP %d, FileUrl %s"
                  % (status, data.get("FileUrl")))

        # Download what devices download.
        url = self.query_firmware(firmware_id).get("FirmwareUrl")
        if not url:
            raise Fail("QueryOTAFirmware: no FirmwareUrl")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                got = response.read()
        except urllib.error.HTTPError as e:
            raise Fail("downloading %s: HTTP %s: %s" % (url, e.code, e.read()[:300]))
        if got != content or hashlib.md5(got).hexdigest() != md5:
            raise Fail("the download (%d bytes, MD5 %s) is not the uploaded file"
                       % (len(got), hashlib.md5(got).hexdigest()))
        self.step("download FirmwareUrl: %d bytes, MD5 %s" % (len(got), md5))

        # Delete.
        self.call(self.delete_request(firmware_id))
        self.step("DeleteOTAFirmware %s" % firmware_id)
        req = QueryOTAFirmwareRequest.QueryOTAFirmwareRequest()
        req.set_FirmwareId(firmware_id)
        code = self.call(req, expect_error="iot.ota.FirmwareNotFound")
        self.step("QueryOTAFirmware after the deletion: %s" % code)

    def delete_request(self, firmware_id):
        req = DeleteOTAFirmwareRequest.DeleteOTAFirmwareRequest()
        req.set_FirmwareId(firmware_id)
        return req

    def list_modules(self, product):
        req = ListOTAModuleByProductRequest.ListOTAModuleByProductRequest()
        req.set_ProductKey(product)
        if req.get_method() != "GET":
            raise Fail("the SDK's ListOTAModuleByProductRequest uses %s, not GET" % req.get_method())
        items = as_list(self.call(req).get("Data"), "OtaModuleDTO", "ListOTAModuleByProduct")
        return {m.get("ModuleName"): m for m in items}

    def expect_job(self, job_id, status, target, selection):
        data = self.query_job(job_id)
        got = (data.get("JobStatus"), data.get("TargetSelection"), data.get("SelectionType"))
        if got != (status, target, selection):
            raise Fail("QueryOTAJob %s: (JobStatus, TargetSelection, SelectionType) is %s, "
                       "expected %s" % (job_id, got, (status, target, selection)))
        self.step("QueryOTAJob %s: %s %s %s" % (job_id, status, target, selection))
        return data

    def expect_version(self, product, device, version):
        req = ListOTAModuleVersionsByDeviceRequest.ListOTAModuleVersionsByDeviceRequest()
        req.set_ProductKey(product)
        req.set_DeviceName(device)
        req.set_CurrentPage(1)
        req.set_PageSize(10)
        items = as_list(self.call(req).get("Data"), "SimpleOTAModuleInfo",
                        "ListOTAModuleVersionsByDevice")
        reported = {m.get("ModuleName"): m.get("ModuleVersion") for m in items}
        if reported.get("default") != version:
            raise Fail("ListOTAModuleVersionsByDevice %s: %s, expected default %s"
                       % (device, reported, version))
        self.step("ListOTAModuleVersionsByDevice %s: default %s" % (device, version))


def as_list(value, wrapper, what):
    """A JSON list as the service sends it: {wrapper: [...]}, a plain list, or {wrapper: {...}}
    / a lone object for a single item (as documented samples sometimes show)."""
    if value is None:
        return []
    if isinstance(value, dict) and wrapper in value:
        value = value[wrapper]
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return value
    raise Fail("%s: unexpected list shape %r" % (what, value))


def states(tasks):
    return {d: t.get("TaskStatus") for d, t in sorted(tasks.items())}


def describe(req):
    return "%s %s" % (req.get_product(), req.get_version())


def check_sent(req, name):
    """Checks the SDK class puts `name` in the request (the list encoding the service takes)."""
    if name not in req.get_query_params():
        raise Fail("%s: the SDK class did not send %s; it sent %s"
                   % (req.get_action_name(), name, sorted(req.get_query_params())))


def firmware_bytes(run_id):
    """About 200 KiB that are not all alike and differ from run to run."""
    seed = hashlib.sha256(run_id.encode()).digest()
    out = bytearray()
    block = seed
    while len(out) < 200_000:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:200_003])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", default="127.0.0.1:18765",
                    help="host:port of the emulator (plain HTTP)")
    ap.add_argument("--product", default="a1DemoProd")
    ap.add_argument("--devices", default="dev-001,dev-002,dev-003,dev-004,dev-005",
                    help="five devices: 2 for the static job, 2 for the NeedConfirm job, "
                         "1 to verify with")
    ap.add_argument("--failing", default="",
                    help="comma-separated devices (of the first two) whose tasks fail")
    ap.add_argument("--ak", default="testid")
    ap.add_argument("--secret", default="testsecret")
    ap.add_argument("--region", default="cn-shanghai")
    ap.add_argument("--debug", action="store_true", help="log the SDK's request/response")
    args = ap.parse_args()
    args.devices = [d for d in args.devices.split(",") if d]
    args.failing = [d for d in args.failing.split(",") if d]
    if args.debug:
        logging.basicConfig(level=logging.DEBUG)
    life = Lifecycle(args)
    print("lifecycle_core.py: core SDK (V1) against %s, product %s"
          % (args.endpoint, args.product))
    try:
        life.run()
    except Fail as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    print("OK: %d operations, %d calls: %s"
          % (len(life.calls), sum(life.calls.values()), ", ".join(sorted(life.calls))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
