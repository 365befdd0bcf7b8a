//! Following page-numbered list operations (`CurrentPage`/`PageSize` in, `Total`,
//! `PageCount`, `CurrentPage` and the items out) to their end.
//!
//! Every page is an ordinary call, so it is paced, retried and signed like any other. The
//! paginator stops on the last page by whichever signal the service gives: the page count,
//! the total, an empty or short page. It never loops on a server that ignores the page
//! number: a page that comes back numbered differently from the one asked for, or with the
//! same items as the page before, ends the walk with [`Error::Pagination`], so that a
//! truncated list is never mistaken for a whole one.

use futures_util::stream::{self, Stream};

use crate::client::RpcClient;
use crate::error::Error;
use crate::operation::Operation;

/// The most pages one paginator fetches (the service caps page × size at 100,000 items).
pub const MAX_PAGES: i64 = 100_000;

/// A list operation that pages by number. Generated for every operation with `pagination`.
pub trait PagedOperation: Operation + Clone {
    /// The page this input asks for, when set.
    fn page(&self) -> Option<i64>;
    /// Asks for page `page` (from 1).
    fn set_page(&mut self, page: i64);
    /// The page size this input asks for, when set.
    fn page_size(&self) -> Option<i64>;
}

/// The output of a page-numbered list operation.
pub trait PagedOutput {
    /// One item of a page.
    type Item;
    /// The items of this page.
    fn items(&self) -> &[Self::Item];
    /// The items of this page, owned.
    fn into_items(self) -> Vec<Self::Item>;
    /// The number of items in all pages, when sent.
    fn total(&self) -> Option<i64>;
    /// The number of pages, when sent.
    fn page_count(&self) -> Option<i64>;
    /// The number of the page returned, when sent.
    fn current_page(&self) -> Option<i64>;
}

/// Fetches the pages of a list operation one call at a time: [`next_page`](Self::next_page),
/// or as a [`Stream`] of pages ([`pages`](Self::pages)) or of items ([`items`](Self::items)).
pub struct Paginator<O: PagedOperation>
where
    O::Output: PagedOutput,
{
    client: RpcClient,
    input: O,
    next: i64,
    items_seen: i64,
    done: bool,
    /// The previous page's length and first item: a server that ignores the page number
    /// answers the same again (comparing these is enough, and copies one item, not a page).
    last_page: Option<(usize, <O::Output as PagedOutput>::Item)>,
}

impl<O: PagedOperation + std::fmt::Debug> std::fmt::Debug for Paginator<O>
where
    O::Output: PagedOutput,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("input", &self.input)
            .field("next", &self.next)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<O> Paginator<O>
where
    O: PagedOperation,
    O::Output: PagedOutput,
    <O::Output as PagedOutput>::Item: PartialEq + Clone,
{
    /// A paginator that starts at the input's page (1 when unset).
    pub fn new(client: RpcClient, input: O) -> Self {
        let next = input.page().unwrap_or(1).max(1);
        Self {
            client,
            input,
            next,
            items_seen: 0,
            done: false,
            last_page: None,
        }
    }

    /// The next page, `None` after the last one. An error ends the walk (a service that
    /// ignores the page number gives [`Error::Pagination`]).
    pub async fn next_page(&mut self) -> Option<Result<O::Output, Error>> {
        if self.done || self.next > MAX_PAGES {
            return None;
        }
        let asked = self.next;
        self.input.set_page(asked);
        let page = match self.client.call(&self.input).await {
            Ok(page) => page,
            Err(error) => {
                self.done = true;
                return Some(Err(error));
            }
        };
        let items = page.items();
        // A server that ignores the page number answers another page: stop rather than loop.
        let renumbered = page.current_page().is_some_and(|n| n != asked);
        let repeated = match (&self.last_page, items.first()) {
            (Some((len, first)), Some(now)) => *len == items.len() && first == now,
            _ => false,
        };
        if renumbered || repeated {
            self.done = true;
            let returned = page.current_page().map_or_else(
                || "the previous page again".to_owned(),
                |n| format!("page {n}"),
            );
            return Some(Err(Error::Pagination(format!(
                "{} answered {returned} when page {asked} was asked for",
                O::INFO.action
            ))));
        }
        let count = i64::try_from(items.len()).unwrap_or(i64::MAX);
        self.items_seen = self.items_seen.saturating_add(count);
        let short = self.input.page_size().is_some_and(|size| count < size);
        self.done = count == 0
            || page.page_count().is_some_and(|pages| asked >= pages)
            || page.total().is_some_and(|total| self.items_seen >= total)
            || (page.page_count().is_none() && page.total().is_none() && short);
        self.last_page = items.first().map(|first| (items.len(), first.clone()));
        self.next = asked + 1;
        Some(Ok(page))
    }

    /// The pages as a stream.
    pub fn pages(self) -> impl Stream<Item = Result<O::Output, Error>> {
        stream::unfold(self, |mut paginator| async move {
            let page = paginator.next_page().await?;
            Some((page, paginator))
        })
    }

    /// The items of every page as a stream.
    pub fn items(self) -> impl Stream<Item = Result<<O::Output as PagedOutput>::Item, Error>> {
        let state = (self, std::collections::VecDeque::new());
        stream::unfold(state, |(mut paginator, mut buffered)| async move {
            loop {
                if let Some(item) = buffered.pop_front() {
                    return Some((Ok(item), (paginator, buffered)));
                }
                match paginator.next_page().await? {
                    Ok(page) => buffered.extend(page.into_items()),
                    Err(error) => return Some((Err(error), (paginator, buffered))),
                }
            }
        })
    }

    /// Every item of every page, collected; the first error ends it.
    pub async fn collect_items(mut self) -> Result<Vec<<O::Output as PagedOutput>::Item>, Error> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await {
            all.extend(page?.into_items());
        }
        Ok(all)
    }
}
