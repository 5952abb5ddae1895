//! `help`: the language's commands in a few lines, for the console and the CLI prompt, where a
//! learner has no README at hand. The forms are those of docs/scenario-language.md.

/// What `help` prints.
pub(crate) const HELP: &str = "\
One command per line; `-f -` with <<'EOF' … EOF reads the lines up to EOF; # starts a comment.
  kubectl apply|create -f FILE|- [--validate=false]
  kubectl create deployment NAME --image=IMAGE [--replicas=N] [--dry-run=client -o yaml]
  kubectl get ds|pods|nodes|deploy|rs|controllerrevisions|events|all [NAME] [-n NS|-A] [-l SEL]
      [-o wide|yaml|json|name] [--show-labels]
  kubectl describe ds|pod|node|deploy|rs NAME       kubectl delete KIND NAME | -f FILE
  kubectl label|taint nodes NAME|--all|-l SEL …     kubectl cordon|uncordon|drain NODE
  kubectl rollout status|history|undo|restart ds/NAME
  kubectl set image ds/NAME CONTAINER=IMAGE         kubectl scale deploy/NAME --replicas=N
  sim advance DURATION | sim settle | sim node NAME ready|not-ready|unreachable
  sim node NAME pressure memory|disk|pid on|off | sim image IMAGE unpullable|pullable
  sim pod NAME fail | sim seed N | sim timing [NAME DURATION] | sim audit
  sim simplifications                               where it differs from a real cluster
  expect pods of ds/NAME [ready] on exactly|on at least|not on NODE… | count N
  expect KIND/NAME exists|absent|ready|rolled out | expect KIND/NAME FIELD =|!=|-lt|-gt VALUE
  expect output contains|lacks TEXT | expect failed [TEXT] | expect succeeded
  help                                              this list
";

/// `help` takes no arguments; anything else is a mistake worth saying.
pub(crate) fn parse(rest: &[String]) -> Result<(), String> {
    match rest {
        [] => Ok(()),
        _ => Err("usage: help (it lists the commands; it takes no arguments)".into()),
    }
}
