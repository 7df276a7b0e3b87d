//! The work budget: a count of work units (alignment cells, postings visited) that bounds a
//! run whatever the input. Counting units instead of time keeps results reproducible.

#[derive(Debug)]
pub(crate) struct Budget {
    limit: u64,
    spent: u64,
}

impl Budget {
    pub(crate) fn new(limit: u64) -> Budget {
        Budget { limit, spent: 0 }
    }

    /// Spends `units`; returns false (and spends nothing) when that would pass the limit.
    pub(crate) fn spend(&mut self, units: u64) -> bool {
        if self.spent.saturating_add(units) > self.limit {
            self.spent = self.limit;
            return false;
        }
        self.spent += units;
        true
    }

    pub(crate) fn exhausted(&self) -> bool {
        self.spent >= self.limit
    }

    pub(crate) fn spent(&self) -> u64 {
        self.spent
    }
}
