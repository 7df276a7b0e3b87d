//! The work budget: a count of work units (alignment cells, postings visited, occurrences
//! listed) that bounds a run whatever the input. Counting units instead of time keeps results
//! reproducible.

#[derive(Debug)]
pub(crate) struct Budget {
    limit: u64,
    spent: u64,
    /// What the run is doing, for saying where the budget ran out.
    stage: &'static str,
    ran_out_in: Option<&'static str>,
}

impl Budget {
    pub(crate) fn new(limit: u64) -> Budget {
        Budget { limit, spent: 0, stage: "", ran_out_in: None }
    }

    /// Names what the run does next (a phrase such as "grouping phrases into families").
    pub(crate) fn enter(&mut self, stage: &'static str) {
        self.stage = stage;
    }

    /// Spends `units`; returns false (and spends nothing) when that would pass the limit, and
    /// from then on the budget is used up.
    pub(crate) fn spend(&mut self, units: u64) -> bool {
        if self.spent.saturating_add(units) > self.limit {
            self.spent = self.limit;
            self.ran_out(self.stage);
            return false;
        }
        self.spent += units;
        true
    }

    /// Like `spend`, but also false when the total would pass `cap` (a stage's share of the
    /// budget); then only this stage stops, and what remains is left for the next ones.
    pub(crate) fn spend_until(&mut self, units: u64, cap: u64) -> bool {
        if self.spent.saturating_add(units) > cap.min(self.limit) {
            self.ran_out(self.stage);
            return false;
        }
        self.spent += units;
        true
    }

    /// Spends `units` if they fit in what is left, and returns whether they did; a refusal
    /// leaves the budget as it was (for optional work, such as the similarity matrix, that a
    /// run does without and says so).
    pub(crate) fn afford(&mut self, units: u64) -> bool {
        let fits = self.spent.saturating_add(units) <= self.limit;
        if fits {
            self.spent += units;
        }
        fits
    }

    fn ran_out(&mut self, stage: &'static str) {
        if self.ran_out_in.is_none() {
            self.ran_out_in = Some(stage);
        }
    }

    /// Half of what is left: the share a stage may take when later stages need some too.
    pub(crate) fn half_left(&self) -> u64 {
        self.spent + (self.limit - self.spent) / 2
    }

    /// True once a spend was refused: the run stopped gathering somewhere.
    pub(crate) fn exhausted(&self) -> bool {
        self.ran_out_in.is_some()
    }

    /// The stage in which a spend was first refused.
    pub(crate) fn ran_out_in(&self) -> Option<&'static str> {
        self.ran_out_in
    }

    /// The units this budget holds.
    pub(crate) fn limit(&self) -> u64 {
        self.limit
    }

    pub(crate) fn spent(&self) -> u64 {
        self.spent
    }
}

#[cfg(test)]
mod tests {
    use super::Budget;

    #[test]
    fn a_stage_share_leaves_the_rest_for_later_stages() {
        let mut b = Budget::new(1_000);
        b.enter("first");
        let cap = b.half_left();
        assert!(b.spend_until(400, cap));
        assert!(!b.spend_until(200, cap));
        assert_eq!(b.ran_out_in(), Some("first"));
        b.enter("second");
        assert!(b.spend(600));
        assert!(!b.spend(1));
        assert_eq!(b.ran_out_in(), Some("first"), "the first stage to run out is the one named");
        assert!(b.exhausted());
    }

    #[test]
    fn optional_work_that_does_not_fit_leaves_the_budget_as_it_was() {
        let mut b = Budget::new(1_000);
        assert!(b.afford(600));
        assert!(!b.afford(500));
        assert_eq!(b.spent(), 600);
        assert!(!b.exhausted());
        assert!(b.spend(400));
    }
}
