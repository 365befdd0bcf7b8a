//! The listings the workflows read, as streams of items over the generated paginators (the
//! largest page each operation allows, so the fewest calls).

use aliyun_runtime::{BuildError, Error, PagedOperation, PagedOutput, Paginator};
use futures_util::future::Either;
use futures_util::stream::{self, Stream};

use crate::Client;
use crate::list_ota_firmware::SimpleFirmwareInfo;
use crate::types::{SimpleOtaJobInfo, SimpleOtaTaskInfo, TaskStatus};

impl Client {
    /// Every package of the account, or of one product, newest first as the service lists them
    /// (ListOTAFirmware, 100 a page).
    pub fn stream_packages(
        &self,
        product_key: Option<&str>,
        iot_instance_id: Option<&str>,
    ) -> impl Stream<Item = Result<SimpleFirmwareInfo, Error>> + Send + 'static {
        items(
            self.list_ota_firmware()
                .set_product_key(product_key.map(str::to_owned))
                .set_iot_instance_id(iot_instance_id.map(str::to_owned))
                .page_size(100)
                .into_paginator(),
        )
    }

    /// Every job of a package: verification, static and dynamic (ListOTAJobByFirmware, 200 a
    /// page).
    pub fn stream_jobs_of_package(
        &self,
        firmware_id: &str,
        iot_instance_id: Option<&str>,
    ) -> impl Stream<Item = Result<SimpleOtaJobInfo, Error>> + Send + 'static {
        items(
            self.list_ota_job_by_firmware()
                .firmware_id(firmware_id)
                .set_iot_instance_id(iot_instance_id.map(str::to_owned))
                .page_size(200)
                .into_paginator(),
        )
    }

    /// Every task of a job, or those in one state (ListOTATaskByJob, 100 a page).
    pub fn stream_tasks_of_job(
        &self,
        job_id: &str,
        status: Option<TaskStatus>,
        iot_instance_id: Option<&str>,
    ) -> impl Stream<Item = Result<SimpleOtaTaskInfo, Error>> + Send + 'static {
        items(
            self.list_ota_task_by_job()
                .job_id(job_id)
                .set_task_status(status)
                .set_iot_instance_id(iot_instance_id.map(str::to_owned))
                .page_size(100)
                .into_paginator(),
        )
    }
}

/// The items of a paginator, or the one error of building it.
fn items<O>(
    paginator: Result<Paginator<O>, BuildError>,
) -> impl Stream<Item = Result<<O::Output as PagedOutput>::Item, Error>>
where
    O: PagedOperation,
    O::Output: PagedOutput,
    <O::Output as PagedOutput>::Item: PartialEq + Clone,
{
    match paginator {
        Ok(paginator) => Either::Left(paginator.items()),
        Err(error) => Either::Right(stream::iter([Err(Error::Build(error))])),
    }
}
