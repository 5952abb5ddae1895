use super::*;
use crate::testutil::labels;

#[test]
fn rfc1123z_dates() {
    assert_eq!(rfc1123z(Time(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
    let t = Time::parse_rfc3339("2025-01-01T00:05:09Z").unwrap();
    assert_eq!(rfc1123z(t), "Wed, 01 Jan 2025 00:05:09 +0000");
    let t = Time::parse_rfc3339("2024-02-29T23:59:59Z").unwrap();
    assert_eq!(rfc1123z(t), "Thu, 29 Feb 2024 23:59:59 +0000");
}

#[test]
fn multiline_labels_align_under_the_first() {
    let mut w = Writer::default();
    w.line(0, "Name:\tx");
    labels_multiline(&mut w, "", "Labels", &labels(&[("b", "2"), ("a", "1")]));
    labels_multiline(&mut w, "", "Empty", &StringMap::new());
    assert_eq!(
        w.finish(),
        "Name:    x\nLabels:  a=1\n         b=2\nEmpty:   <none>\n"
    );
}

#[test]
fn annotations_skip_last_applied_and_wrap_long_values() {
    let mut w = Writer::default();
    let mut a = StringMap::new();
    a.insert(
        "kubectl.kubernetes.io/last-applied-configuration".into(),
        "{}".into(),
    );
    a.insert("k".into(), "v".into());
    a.insert("long".into(), "x".repeat(150));
    annotations_multiline(&mut w, "Annotations", &a);
    let text = w.finish();
    assert_eq!(
        text,
        format!(
            "Annotations:  k: v\n              long:\n                {}...\n",
            "x".repeat(138)
        )
    );
}

#[test]
fn tolerations_as_kubectl_writes_them() {
    let mut w = Writer::default();
    let t = vec![
        Toleration::exists("node.kubernetes.io/unreachable", "NoExecute"),
        Toleration {
            key: "dedicated".into(),
            operator: "Equal".into(),
            value: "db".into(),
            effect: "NoSchedule".into(),
            toleration_seconds: Some(300),
        },
        Toleration {
            operator: "Exists".into(),
            ..Default::default()
        },
    ];
    tolerations_multiline(&mut w, "", "Tolerations", &t);
    assert_eq!(
        w.finish(),
        "Tolerations:  op=Exists\n              dedicated=db:NoSchedule for 300s\n              node.kubernetes.io/unreachable:NoExecute op=Exists\n"
    );
}

#[test]
fn rfc1123z_far_from_now_does_not_panic() {
    for t in [
        Time(i64::MAX),
        Time(i64::MIN),
        Time(-1),
        Time(253_402_300_800_000),
    ] {
        let s = rfc1123z(t);
        assert!(s.ends_with(" +0000"), "{s}");
    }
}

#[test]
fn canonical_quantities() {
    let q = |s: &str| canonical(&Quantity(s.into()));
    assert_eq!(q("100m"), "100m");
    assert_eq!(q("0.1"), "100m");
    assert_eq!(q("1000m"), "1");
    assert_eq!(q("200Mi"), "200Mi");
    assert_eq!(q("1024Ki"), "1Mi");
    assert_eq!(q("2000"), "2k");
    assert_eq!(q("0"), "0");
}
