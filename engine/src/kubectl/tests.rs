use super::test_util::*;
use super::*;
use crate::api::ApiError;

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
fn namespace_scope_namespace() {
    assert_eq!(NamespaceScope::Default.namespace(), Some("default"));
    assert_eq!(NamespaceScope::Named("x".into()).namespace(), Some("x"));
    assert_eq!(NamespaceScope::All.namespace(), None);
}

#[test]
fn verb_after_global_flags() {
    assert_eq!(
        ok("kubectl -n kube-system get pods"),
        ok("kubectl get pods -n kube-system")
    );
    assert_eq!(
        ok("kubectl --namespace=x get pods"),
        ok("kubectl get pods --namespace x")
    );
    match ok("kubectl -n kube-system get pods") {
        Kubectl::Get(o) => {
            assert_eq!(o.namespace, NamespaceScope::Named("kube-system".into()))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_and_unsupported_verbs_are_not_commands() {
    assert!(nac("kubectl").contains("kubectl needs a command"));
    assert!(nac("kubectl -n x").contains("kubectl needs a command"));
    assert!(
        nac("kubectl frobnicate").starts_with("unknown command \"frobnicate\" for \"kubectl\"")
    );
    assert!(nac("kubectl logs x").starts_with("kubectl logs is not part of the scenario language"));
    assert!(nac("kubectl autoscale ds x").contains("not part of the scenario language"));
}

#[test]
fn help_and_global_flags_are_not_modelled() {
    assert!(nac("kubectl get pods -h").contains("help"));
    assert!(nac("kubectl get pods --help").contains("help"));
    assert_eq!(
        nac("kubectl get pods --context prod"),
        "kubectl get: --context is not supported by the simulator"
    );
    assert_eq!(
        nac("kubectl get pods -v=6 --kubeconfig x"),
        "kubectl get: --v, --kubeconfig are not supported by the simulator"
    );
}

/// A flag error beats `--help` and unsupported flags, as in cobra.
#[test]
fn flag_errors_come_first() {
    assert_eq!(
        kerr("kubectl get pods --context x --foo"),
        "error: unknown flag: --foo\nSee 'kubectl get --help' for usage."
    );
    assert_eq!(
        kerr("kubectl get pods -h -z"),
        "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage."
    );
}
