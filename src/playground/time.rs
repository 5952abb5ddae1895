//! The virtual time on screen.

/// `t = …` as the clock shows it: tenths of a second under a minute (`0s`, `2.5s`), then whole
/// seconds as Go prints durations (`1m12s`, `1h0m5s`).
pub fn format_elapsed(millis: i64) -> String {
    let millis = millis.max(0);
    if millis < 60_000 {
        let tenths = millis / 100;
        return if tenths % 10 == 0 {
            format!("{}s", tenths / 10)
        } else {
            format!("{}.{}s", tenths / 10, tenths % 10)
        };
    }
    let seconds = millis / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}h{m}m{s}s")
    } else {
        format!("{m}m{s}s")
    }
}
