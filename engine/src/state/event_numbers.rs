//! Each event row's number in the log (its name's suffix is `firstTimestamp (ms) * 1000 +
//! number`), kept by where the row is, not in it: rows are added in the order they are
//! numbered, one number after the other, and the sweep drops some but keeps the others' order.
//! So the numbers are runs, each a row and its number, the rows after it numbered on from it:
//! one run until the first sweep drops a row, then one for each stretch of rows it kept. Four
//! bytes a row less (about five rows a pod).

/// The rows' numbers, as runs of consecutive ones.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    /// (first row, its number), by row; the first run starts at row 0.
    runs: Vec<(u32, u32)>,
    /// Rows numbered.
    len: u32,
}

impl Numbers {
    /// Numbers the next row `number`.
    pub fn push(&mut self, number: u32) {
        let next = self.len;
        let follows = (self.runs.last())
            .is_some_and(|&(row, first)| first.wrapping_add(next - row) == number);
        if !follows {
            self.runs.push((next, number));
        }
        self.len += 1;
    }

    /// The number of row `row`.
    pub fn get(&self, row: usize) -> u32 {
        let row = row as u32;
        // The last run that starts at or before `row` (there is one: the first starts at 0).
        let at = self.runs.partition_point(|&(start, _)| start <= row);
        let (start, first) = self.runs[at.saturating_sub(1)];
        first.wrapping_add(row - start)
    }

    #[cfg(test)]
    pub fn runs_len(&self) -> usize {
        self.runs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::Numbers;

    /// Consecutive numbers are one run; a gap (rows the sweep dropped) starts another, and
    /// numbers wrap at 2^32 within a run.
    #[test]
    fn numbers_read_back_by_row() {
        let given = [1, 2, 3, 7, 8, 20, u32::MAX, 0, 1, 5];
        let mut numbers = Numbers::default();
        for n in given {
            numbers.push(n);
        }
        for (row, n) in given.into_iter().enumerate() {
            assert_eq!(numbers.get(row), n, "row {row}");
        }
        assert_eq!(numbers.runs.len(), 5);
    }
}
