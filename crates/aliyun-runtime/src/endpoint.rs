//! Where calls go: `https://iot.<region>.aliyuncs.com/` from a region and the product's
//! template, or an explicit URL (plain `http://` allowed, for the emulator and proxies).

use reqwest::Url;

use crate::error::Error;

/// How the client finds the service.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Endpoint {
    /// A region ID such as `cn-shanghai`, put into the product's endpoint template.
    Region(String),
    /// An explicit URL such as `http://127.0.0.1:18080/` or a VPC endpoint.
    Url(Url),
}

impl Endpoint {
    /// An endpoint from a region ID; refuses IDs that could not be a host name label.
    pub fn region(region: &str) -> Result<Self, Error> {
        let valid = !region.is_empty()
            && region.len() <= 63
            && region
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !region.starts_with('-')
            && !region.ends_with('-');
        if !valid {
            return Err(Error::Config(format!(
                "region {region:?} is not a region ID (like cn-shanghai: lowercase letters, digits and dashes)"
            )));
        }
        Ok(Endpoint::Region(region.to_owned()))
    }

    /// An endpoint from an explicit `http://` or `https://` URL, without query or fragment.
    pub fn url(url: &str) -> Result<Self, Error> {
        let parsed = Url::parse(url)
            .map_err(|e| Error::Config(format!("endpoint {url:?} is not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(Error::Config(format!(
                "endpoint {url:?} must be an http:// or https:// URL with a host"
            )));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(Error::Config(format!(
                "endpoint {url:?} must not carry a query or fragment"
            )));
        }
        Ok(Endpoint::Url(parsed))
    }

    /// The base URL of calls, given the product's template (`https://iot.{region}.aliyuncs.com/`).
    pub fn resolve(&self, template: &str) -> Result<Url, Error> {
        match self {
            Endpoint::Url(url) => Ok(url.clone()),
            Endpoint::Region(region) => {
                let url = template.replace("{region}", region);
                Url::parse(&url).map_err(|e| {
                    Error::Config(format!(
                        "endpoint {url:?} made from region {region:?} is not a URL: {e}"
                    ))
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "https://iot.{region}.aliyuncs.com/";

    #[test]
    fn regions_fill_the_template() {
        let url = Endpoint::region("cn-shanghai")
            .unwrap()
            .resolve(TEMPLATE)
            .unwrap();
        assert_eq!(url.as_str(), "https://iot.cn-shanghai.aliyuncs.com/");
        let url = Endpoint::region("cn-beijing")
            .unwrap()
            .resolve(TEMPLATE)
            .unwrap();
        assert_eq!(url.as_str(), "https://iot.cn-beijing.aliyuncs.com/");
    }

    #[test]
    fn bad_regions_and_urls_are_config_errors() {
        for region in ["", "CN-Shanghai", "cn shanghai", "evil.com/x", "-cn"] {
            assert!(
                matches!(Endpoint::region(region), Err(Error::Config(_))),
                "{region}"
            );
        }
        for url in ["ftp://x/", "not a url", "http://h/?a=1", "http:///"] {
            assert!(matches!(Endpoint::url(url), Err(Error::Config(_))), "{url}");
        }
        let ok = Endpoint::url("http://127.0.0.1:18080/").unwrap();
        assert_eq!(
            ok.resolve(TEMPLATE).unwrap().as_str(),
            "http://127.0.0.1:18080/"
        );
    }
}
