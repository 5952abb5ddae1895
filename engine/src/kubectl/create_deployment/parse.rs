//! Reading `kubectl create deployment NAME --image=IMAGE…` (kubectl
//! `pkg/cmd/create/create_deployment.go`: the required `--image`, `NameFromCommandArgs`;
//! `cmdutil.GetDryRunStrategy` for `--dry-run`).

use super::{CreateDeploymentOptions, DryRunOutput};
use crate::kubectl::cmdutil::{
    Cx, FIELD_MANAGER, PRINT_FLAGS, VALIDATE, namespace_scope, not_a_command,
};
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const FLAGS: &[FlagSpec] = &[
    yes("image", None, List),
    yes("replicas", Some(b'r'), Int),
    yes("port", None, Int),
    no("save-config", None, Bool),
    VALIDATE,
    yes("dry-run", None, OptStr("unchanged")),
    FIELD_MANAGER,
    yes("output", Some(b'o'), Str),
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
];

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl create deployment");
    let f = cx.flags(args, FLAGS)?;
    let images = f.list("image").to_vec();
    if !f.changed("image") {
        return Err(cx.plain("required flag(s) \"image\" not set"));
    }
    let [name] = f.positional.as_slice() else {
        return Err(cx.usage(format!(
            "exactly one NAME is required, got {}",
            f.positional.len()
        )));
    };
    let dry_run = match f.str("dry-run") {
        None | Some("none") => false,
        Some("client") => true,
        Some("unchanged") => {
            return Err(cx.plain(
                "--dry-run flag without a value was specified. A value must be set: \"none\", \"server\", or \"client\".",
            ));
        }
        Some("server") => {
            return Err(not_a_command(
                "kubectl create deployment --dry-run=server is not supported by the simulator (--dry-run=client is)".into(),
            ));
        }
        Some(other) => {
            return Err(cx.plain(format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            )));
        }
    };
    let output = match f.str("output") {
        None => None,
        Some(o) if !dry_run => {
            return Err(not_a_command(format!(
                "kubectl create deployment -o {o} is supported by the simulator with --dry-run=client only"
            )));
        }
        Some("yaml") => Some(DryRunOutput::Yaml),
        Some("json") => Some(DryRunOutput::Json),
        Some("name") => Some(DryRunOutput::Name),
        Some(other) => {
            return Err(not_a_command(format!(
                "kubectl create deployment -o {other} is not supported by the simulator (it prints -o yaml, json and name)"
            )));
        }
    };
    cx.done(Kubectl::CreateDeployment(CreateDeploymentOptions {
        name: name.clone(),
        images,
        replicas: f.int("replicas").unwrap_or(1),
        port: f.int("port").unwrap_or(-1),
        namespace: namespace_scope(&f),
        dry_run,
        output,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::create_deployment::DryRunOutput;
    use crate::kubectl::test_util::*;

    #[test]
    fn create_deployment_forms_and_errors() {
        assert_eq!(
            ok("kubectl create deployment rng --image=dockercoins/rng:v0.1 --replicas 2"),
            Kubectl::CreateDeployment(CreateDeploymentOptions {
                name: "rng".into(),
                images: vec!["dockercoins/rng:v0.1".into()],
                replicas: 2,
                port: -1,
                namespace: NamespaceScope::Default,
                dry_run: false,
                output: None,
            })
        );
        assert_eq!(
            kerr("kubectl create deployment rng"),
            "error: required flag(s) \"image\" not set"
        );
        // cmdutil.GetDryRunStrategy: a value is required, and one of three.
        assert_eq!(
            kerr("kubectl create deployment rng --image=x --dry-run"),
            "error: --dry-run flag without a value was specified. A value must be set: \"none\", \"server\", or \"client\"."
        );
        assert_eq!(
            kerr("kubectl create deployment rng --image=x --dry-run=maybe"),
            "error: Invalid dry-run value (maybe). Must be \"none\", \"server\", or \"client\"."
        );
        assert!(matches!(
            ok("kubectl create deployment rng --image=x --dry-run=client -o yaml"),
            Kubectl::CreateDeployment(CreateDeploymentOptions {
                dry_run: true,
                output: Some(DryRunOutput::Yaml),
                ..
            })
        ));
        assert_eq!(
            kerr("kubectl create deploy --image=x"),
            "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples"
        );
    }
}
