//! Reading `kubectl scale [--replicas=N] TYPE NAME…|TYPE/NAME…|TYPE -l SEL|TYPE --all`
//! (kubectl `pkg/cmd/scale/scale.go`): the required `--replicas`, `Validate`, the builder.

use super::ScaleOptions;
use crate::kubectl::builder::{Request, Target, resolve};
use crate::kubectl::cmdutil::{Cx, DRY_RUN, PRINT_FLAGS, RECORD, filename_flags, namespace_scope};
use crate::kubectl::objects::Objects;
use crate::kubectl::resource::ResourceKind;
use crate::kubectl::{Kubectl, Parsed, Refusal};
use crate::script::flags::{FlagSpec, FlagType::*, no, yes};

const SCALE_FLAGS: &[FlagSpec] = &[
    yes("replicas", None, Int),
    yes("current-replicas", None, Int),
    yes("all", None, Bool),
    yes("selector", Some(b'l'), Str),
    no("resource-version", None, Str),
    no("timeout", None, Duration),
    RECORD,
    PRINT_FLAGS[0],
    PRINT_FLAGS[1],
    PRINT_FLAGS[2],
    PRINT_FLAGS[3],
    filename_flags(false)[0],
    filename_flags(false)[1],
    filename_flags(false)[2],
    DRY_RUN,
];

pub(in crate::kubectl) fn parse(args: &[String]) -> Result<Parsed, Refusal> {
    let mut cx = Cx::new("kubectl scale");
    let f = cx.flags(args, SCALE_FLAGS)?;
    // cobra's MarkFlagRequired, checked before the command runs.
    let Some(replicas) = f.int("replicas") else {
        return Err(cx.plain("required flag(s) \"replicas\" not set"));
    };
    // Validate.
    if replicas < 0 {
        return Err(cx.plain(
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
        ));
    }
    let current_replicas = f.int("current-replicas").unwrap_or(-1);
    if current_replicas < -1 {
        return Err(cx.plain("The --current-replicas must specify an integer of -1 or greater"));
    }
    // Run: the builder.
    let target = resolve(&Request {
        args: &f.positional,
        selector: f.str("selector"),
        select_all: f.bool("all"),
        ..Default::default()
    })
    .map_err(|e| cx.target(e))?;
    let (kind, objects) = match target {
        Target::Named { kind, names } => (kind, Objects::Named(names)),
        Target::Selector { kind, selector } => (kind, Objects::Selector(selector)),
        Target::Files(_) => return Err(cx.unsupported("-f is not supported")),
    };
    if !matches!(kind, ResourceKind::Deployment | ResourceKind::ReplicaSet) {
        return Err(cx.unsupported(format!(
            "only Deployments and ReplicaSets scale in the simulator, not {}",
            kind.resource()
        )));
    }
    cx.done(Kubectl::Scale(ScaleOptions {
        kind,
        objects,
        replicas,
        current_replicas,
        namespace: namespace_scope(&f),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::NamespaceScope;
    use crate::kubectl::test_util::*;

    #[test]
    fn scale_forms() {
        let want = Kubectl::Scale(ScaleOptions {
            kind: ResourceKind::Deployment,
            objects: Objects::Named(vec!["rng".into()]),
            replicas: 4,
            current_replicas: -1,
            namespace: NamespaceScope::Default,
        });
        for line in [
            "kubectl scale deploy/rng --replicas=4",
            "kubectl scale --replicas 4 deployment rng",
            "kubectl scale deployments.apps/rng --replicas=4",
        ] {
            assert_eq!(ok(line), want, "{line}");
        }
    }

    /// kubectl's own errors (scale.go `Validate`, cobra's required flag).
    #[test]
    fn scale_errors() {
        assert_eq!(
            kerr("kubectl scale deploy/rng"),
            "error: required flag(s) \"replicas\" not set"
        );
        assert_eq!(
            kerr("kubectl scale deploy/rng --replicas=-1"),
            "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0"
        );
        assert!(
            nac("kubectl scale ds/x --replicas=2").contains("only Deployments and ReplicaSets")
        );
    }
}
