//! `sim audit`: the API server's audit log of pod writes as a table, oldest first. TIME is the
//! virtual time since the scenario began (as `sim settle` prints it), with milliseconds, so that
//! writes of one instant share a time.

use crate::gofmt::go_duration;
use crate::kubectl::print::table::Table;
use crate::state::audit::AuditLog;
use crate::state::clock::EPOCH;

pub(super) fn render(log: &AuditLog) -> String {
    let mut t = Table::new(&[
        "TIME",
        "USER",
        "VERB",
        "RESOURCE",
        "NAMESPACE",
        "NAME",
        "NODE",
    ]);
    t.rows = log
        .entries()
        .map(|e| {
            let node = if e.node.is_empty() { "<none>" } else { &e.node };
            vec![
                go_duration(e.at.millis() - EPOCH.millis()),
                e.user.to_string(),
                e.verb.to_string(),
                e.resource.to_string(),
                e.namespace.to_string(),
                e.name.to_string(),
                node.to_string(),
            ]
        })
        .collect();
    let mut out = String::new();
    if log.dropped() > 0 {
        out.push_str(&format!(
            "({} earlier writes dropped: the log keeps the last {})\n",
            log.dropped(),
            crate::state::audit::MAX_ENTRIES
        ));
    }
    if t.rows.is_empty() {
        return out + "No pod writes yet.\n";
    }
    out + &t.render()
}
