//! Reading `kubectl create deployment NAME --image=IMAGE…` (kubectl
//! `pkg/cmd/create/create_deployment.go`: the required `--image`, `NameFromCommandArgs`).

use super::CreateDeploymentOptions;
use crate::kubectl::cmdutil::{Cx, DRY_RUN, FIELD_MANAGER, PRINT_FLAGS, VALIDATE, namespace_scope};
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const FLAGS: &[FlagSpec] = &[
    yes("image", None, List),
    yes("replicas", Some(b'r'), Int),
    yes("port", None, Int),
    no("save-config", None, Bool),
    VALIDATE,
    DRY_RUN,
    FIELD_MANAGER,
    PRINT_FLAGS[0],
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
    cx.done(Kubectl::CreateDeployment(CreateDeploymentOptions {
        name: name.clone(),
        images,
        replicas: f.int("replicas").unwrap_or(1),
        port: f.int("port").unwrap_or(-1),
        namespace: namespace_scope(&f),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
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
            })
        );
        assert_eq!(
            kerr("kubectl create deployment rng"),
            "error: required flag(s) \"image\" not set"
        );
        assert_eq!(
            kerr("kubectl create deploy --image=x"),
            "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples"
        );
    }
}
