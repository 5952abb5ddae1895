use super::*;
use crate::cluster::ApiError;

#[test]
fn one_error_gets_the_prefix_several_do_not() {
    let mut out = Out::default();
    out.errors(vec![KError::plain("the path \"x\" does not exist")]);
    assert_eq!(out.text, "error: the path \"x\" does not exist\n");
    assert!(out.failed);

    let mut out = Out::default();
    out.errors(vec![
        KError::plain("a"),
        KError::api(ApiError::not_found("pods", "p")),
    ]);
    assert_eq!(
        out.text,
        "a\nError from server (NotFound): pods \"p\" not found\n"
    );
}

#[test]
fn api_errors_with_their_source() {
    let e = KError::api_from(
        ApiError::AlreadyExists {
            resource: "daemonsets.apps".into(),
            name: "x".into(),
        },
        "creating",
        "ds.yaml",
    );
    assert_eq!(
        e.alone(),
        "Error from server (AlreadyExists): error when creating \"ds.yaml\": daemonsets.apps \"x\" already exists"
    );
    let invalid = ApiError::Invalid {
        kind: "DaemonSet".into(),
        name: "x".into(),
        causes: vec![("spec.selector".into(), "Required value".into())],
    };
    let e = KError::api_from(invalid, "creating", "ds.yaml");
    assert_eq!(
        e.alone(),
        "The DaemonSet \"x\" is invalid: spec.selector: Required value"
    );
    assert_eq!(
        e.in_list(),
        "Error from server (Invalid): error when creating \"ds.yaml\": DaemonSet.apps \"x\" is invalid: spec.selector: Required value"
    );
}

#[test]
fn kind_and_resource_strings() {
    assert_eq!(kind_string(ResourceKind::DaemonSet), "daemonset.apps");
    assert_eq!(kind_string(ResourceKind::Node), "node");
    assert_eq!(resource_string(ResourceKind::DaemonSet), "daemonsets.apps");
    assert_eq!(resource_string(ResourceKind::Pod), "pods");
}
