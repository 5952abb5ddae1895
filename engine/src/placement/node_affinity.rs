//! Required node affinity (spec §3.2): `nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)`,
//! i.e. the pod's `nodeSelector` AND its required node-affinity terms, with the lazy parse errors
//! of component-helpers' `LazyErrorNodeSelector` (an invalid term never matches; the others can).

use super::explain::Reason;
use crate::api::{
    Affinity, Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Operator, PodSpec,
    Requirement, StringMap, validate_label_value, validate_qualified_name,
};

/// The only node field `extractNodeFields` exposes to `matchFields`.
pub const NODE_NAME_FIELD: &str = "metadata.name";

/// `nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)` (spec §3.2), parse errors ignored as
/// the DaemonSet controller does: `nodeSelector` AND required node affinity.
pub fn required_node_affinity_matches(spec: &PodSpec, node: &Node) -> bool {
    RequiredNodeAffinity::for_pod_spec(spec).matches(node)
}

/// A pod's `nodeSelector` and required node-affinity terms, parsed once (`RequiredNodeAffinity`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredNodeAffinity {
    node_selector: Vec<(String, String)>,
    affinity: Option<NodeSelectorMatcher>,
}

impl RequiredNodeAffinity {
    /// `NewRequiredNodeAffinity(nodeSelector, affinity)`.
    pub fn new(node_selector: &StringMap, affinity: Option<&Affinity>) -> RequiredNodeAffinity {
        let required = affinity
            .and_then(|a| a.node_affinity.as_ref())
            .and_then(|na| na.required.as_ref());
        RequiredNodeAffinity {
            node_selector: node_selector
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            affinity: required.map(|r| NodeSelectorMatcher::new(r)),
        }
    }

    /// `GetRequiredNodeAffinity(pod)` for a pod spec.
    pub fn for_pod_spec(spec: &PodSpec) -> RequiredNodeAffinity {
        RequiredNodeAffinity::new(&spec.settings.node_selector, spec.affinity.as_deref())
    }

    /// Whether the node fits; parse errors count as "no match" (spec §3.2).
    pub fn matches(&self, node: &Node) -> bool {
        self.node_selector_matches(&node.metadata.labels)
            && self.affinity.as_ref().is_none_or(|s| s.matches(node))
    }

    /// `RequiredNodeAffinity.Match`: `Err` carries the parse errors of the terms tried when no
    /// term matched (`false` in Kubernetes' `(bool, error)`).
    pub fn match_node(&self, node: &Node) -> Result<bool, String> {
        if !self.node_selector_matches(&node.metadata.labels) {
            return Ok(false);
        }
        match &self.affinity {
            Some(selector) => selector.match_node(node),
            None => Ok(true),
        }
    }

    /// `labels.SelectorFromSet(nodeSelector)`: every pair must be on the node (AND).
    fn node_selector_matches(&self, labels: &StringMap) -> bool {
        self.node_selector
            .iter()
            .all(|(k, v)| labels.get(k).is_some_and(|have| have == v))
    }

    /// As [`Self::matches`], appending to `reasons` what decided: the failing `nodeSelector`
    /// entries, or (all entries matching) each of them and then the affinity's outcome.
    pub(super) fn explain(&self, node: &Node, reasons: &mut Vec<Reason>) -> bool {
        let labels = &node.metadata.labels;
        let mismatches: Vec<Reason> = self
            .node_selector
            .iter()
            .filter(|(k, v)| labels.get(k) != Some(v))
            .map(|(k, v)| Reason::NodeSelectorMismatch {
                key: k.clone(),
                wanted: v.clone(),
                actual: labels.get(k).cloned(),
            })
            .collect();
        if !mismatches.is_empty() {
            reasons.extend(mismatches);
            return false;
        }
        reasons.extend(
            self.node_selector
                .iter()
                .map(|(k, v)| Reason::NodeSelectorMatched {
                    key: k.clone(),
                    value: v.clone(),
                }),
        );
        match &self.affinity {
            Some(selector) => selector.explain(node, reasons),
            None => true,
        }
    }
}

/// A parsed `NodeSelector` (`LazyErrorNodeSelector`): empty terms dropped, each remaining term
/// parsed on its own so that one invalid term does not disable the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSelectorMatcher {
    terms: Vec<ParsedTerm>,
}

impl NodeSelectorMatcher {
    /// `NewLazyErrorNodeSelector`: a term with no expressions and no fields is dropped.
    pub fn new(selector: &NodeSelector) -> NodeSelectorMatcher {
        let terms = selector
            .node_selector_terms
            .iter()
            .enumerate()
            .filter(|(_, term)| !is_empty_node_selector_term(term))
            .map(|(index, term)| ParsedTerm::new(index, term))
            .collect();
        NodeSelectorMatcher { terms }
    }

    /// The error `NewNodeSelector` (the eager variant) would return: every term's parse errors.
    pub fn parse_error(&self) -> Option<String> {
        let errors: Vec<&str> = self
            .terms
            .iter()
            .flat_map(|t| t.errors.iter().map(String::as_str))
            .collect();
        aggregate_errors(&errors)
    }

    /// `LazyErrorNodeSelector.Match`: terms are OR'ed; an invalid term is skipped and its errors
    /// returned if no term matches. No terms at all (nil, `[]` or only empty terms) matches none.
    pub fn match_node(&self, node: &Node) -> Result<bool, String> {
        let mut errors: Vec<&str> = Vec::new();
        for term in &self.terms {
            if !term.errors.is_empty() {
                errors.extend(term.errors.iter().map(String::as_str));
            } else if term.matches(node) {
                return Ok(true);
            }
        }
        aggregate_errors(&errors).map_or(Ok(false), Err)
    }

    /// `NodeSelector.Match`: errors ignored.
    pub fn matches(&self, node: &Node) -> bool {
        self.terms
            .iter()
            .any(|t| t.errors.is_empty() && t.matches(node))
    }

    /// As [`Self::matches`], appending the matching term, or every term's failure.
    fn explain(&self, node: &Node, reasons: &mut Vec<Reason>) -> bool {
        if self.terms.is_empty() {
            reasons.push(Reason::NodeAffinityNoTerms);
            return false;
        }
        let mut failures = Vec::new();
        for term in &self.terms {
            match term.failure(node) {
                None => {
                    reasons.push(Reason::NodeAffinityMatched { term: term.index });
                    return true;
                }
                Some(failure) => failures.push(failure),
            }
        }
        reasons.extend(failures);
        false
    }
}

/// `isEmptyNodeSelectorTerm`.
fn is_empty_node_selector_term(term: &NodeSelectorTerm) -> bool {
    term.expressions().is_empty() && term.fields().is_empty()
}

/// One `nodeSelectorTerms[index]`: label requirements AND field requirements, or its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ParsedTerm {
    index: usize,
    expressions: Vec<Requirement>,
    fields: Vec<FieldRequirement>,
    errors: Vec<String>,
}

impl ParsedTerm {
    /// `newNodeSelectorTerm`: parses both lists, collecting every error with its field path.
    fn new(index: usize, term: &NodeSelectorTerm) -> ParsedTerm {
        let mut parsed = ParsedTerm {
            index,
            expressions: Vec::new(),
            fields: Vec::new(),
            errors: Vec::new(),
        };
        let path = format!("nodeSelectorTerms[{index}]");
        for (j, expr) in term.expressions().iter().enumerate() {
            let path = format!("{path}.matchExpressions[{j}]");
            match node_selector_requirement_as_label_requirement(expr, &path) {
                Ok(r) => parsed.expressions.push(r),
                Err(errs) => parsed.errors.extend(errs),
            }
        }
        for (j, expr) in term.fields().iter().enumerate() {
            let path = format!("{path}.matchFields[{j}]");
            match FieldRequirement::parse(expr, &path) {
                Ok(f) => parsed.fields.push(f),
                Err(e) => parsed.errors.push(e),
            }
        }
        if !parsed.errors.is_empty() {
            parsed.expressions.clear();
            parsed.fields.clear();
        }
        parsed
    }

    /// `nodeSelectorTerm.match` for a valid term. Fields are not checked for a node without a
    /// name (`extractNodeFields` then yields no fields), as upstream.
    fn matches(&self, node: &Node) -> bool {
        let labels = &node.metadata.labels;
        let name = node.name();
        self.expressions.iter().all(|r| r.matches(labels))
            && (name.is_empty() || self.fields.iter().all(|f| f.matches(name)))
    }

    /// Why the term does not match `node` (`None` if it does): its parse error, or the first
    /// requirement (expressions first, then fields) that fails.
    fn failure(&self, node: &Node) -> Option<Reason> {
        if !self.errors.is_empty() {
            let errors: Vec<&str> = self.errors.iter().map(String::as_str).collect();
            return Some(Reason::NodeAffinityTermInvalid {
                term: self.index,
                error: aggregate_errors(&errors).unwrap_or_default(),
            });
        }
        let labels = &node.metadata.labels;
        if let Some(r) = self.expressions.iter().find(|r| !r.matches(labels)) {
            return Some(Reason::NodeAffinityTermFailed {
                term: self.index,
                failed: requirement_text(&r.key, operator_name(r.op), &r.values),
                key: r.key.clone(),
                is_field: false,
                node_value: labels.get(&r.key).cloned(),
            });
        }
        let name = node.name();
        if name.is_empty() {
            return None;
        }
        let f = self.fields.iter().find(|f| !f.matches(name))?;
        Some(Reason::NodeAffinityTermFailed {
            term: self.index,
            failed: requirement_text(
                &f.key,
                if f.equal { "In" } else { "NotIn" },
                std::slice::from_ref(&f.value),
            ),
            key: f.key.clone(),
            is_field: true,
            node_value: (f.key == NODE_NAME_FIELD).then(|| name.to_string()),
        })
    }
}

/// A `matchFields` requirement: `fields.OneTermEqualSelector` (In) or `OneTermNotEqualSelector`
/// (NotIn) on one value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FieldRequirement {
    key: String,
    value: String,
    equal: bool,
}

impl FieldRequirement {
    /// `nodeSelectorRequirementsAsFieldSelector` for one requirement: only In / NotIn, with
    /// exactly one value.
    fn parse(req: &NodeSelectorRequirement, path: &str) -> Result<FieldRequirement, String> {
        let equal = match req.operator.as_str() {
            "In" => true,
            "NotIn" => false,
            other => {
                return Err(format!(
                    "{path}.operator: Unsupported value: {}: supported values: \"In\", \"NotIn\"",
                    quote(other)
                ));
            }
        };
        match req.values.as_slice() {
            [value] => Ok(FieldRequirement {
                key: req.key.clone(),
                value: value.clone(),
                equal,
            }),
            values => Err(format!(
                "{path}.values: Invalid value: {}: must have one element",
                json_list(values)
            )),
        }
    }

    /// The node's only field is its name; any other field reads as `""` (`fields.Set.Get`).
    fn matches(&self, node_name: &str) -> bool {
        let have = if self.key == NODE_NAME_FIELD {
            node_name
        } else {
            ""
        };
        (have == self.value) == self.equal
    }
}

/// `nodeSelectorRequirementsAsSelector` for one requirement, then `labels.NewRequirement`'s
/// checks in its order (key, value count / integers, label values), every error with its path.
fn node_selector_requirement_as_label_requirement(
    req: &NodeSelectorRequirement,
    path: &str,
) -> Result<Requirement, Vec<String>> {
    let Some(op) = Operator::from_expression(&req.operator, true) else {
        return Err(vec![format!(
            "{path}.operator: Unsupported value: {}: supported values: \"In\", \"NotIn\", \
             \"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\"",
            quote(&req.operator)
        )]);
    };
    let (key, values) = (&req.key, &req.values);
    let mut errors = Vec::new();
    if let Some(e) = validate_qualified_name(key) {
        errors.push(format!("{path}.key: Invalid value: {}: {e}", quote(key)));
    }
    let count_error = match op {
        Operator::In | Operator::NotIn if values.is_empty() => {
            Some("for 'in', 'notin' operators, values set can't be empty")
        }
        Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
            Some("values set must be empty for exists and does not exist")
        }
        Operator::Gt | Operator::Lt if values.len() != 1 => {
            Some("for 'Gt', 'Lt' operators, exactly one value is required")
        }
        _ => None,
    };
    if let Some(e) = count_error {
        errors.push(format!(
            "{path}.values: Invalid value: {}: {e}",
            json_list(values)
        ));
    }
    if matches!(op, Operator::Gt | Operator::Lt) {
        for (i, v) in values.iter().enumerate() {
            if v.parse::<i64>().is_err() {
                errors.push(format!(
                    "{path}.values[{i}]: Invalid value: {}: for 'Gt', 'Lt' operators, the value \
                     must be an integer",
                    quote(v)
                ));
            }
        }
    }
    // Upstream checks label-value syntax for every operator, Gt/Lt included ("-5" is invalid).
    for (i, v) in values.iter().enumerate() {
        if let Some(e) = validate_label_value(v) {
            errors.push(format!(
                "{path}.values[{i}][{key}]: Invalid value: {}: {e}",
                quote(v)
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Requirement::new(key, op, values.clone()).map_err(|e| vec![format!("{path}: {e}")])
}

/// The operator as written in a `NodeSelectorRequirement`.
fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::In => "In",
        Operator::NotIn => "NotIn",
        Operator::Exists => "Exists",
        Operator::DoesNotExist => "DoesNotExist",
        Operator::Gt => "Gt",
        Operator::Lt => "Lt",
        Operator::Equals => "=",
        Operator::NotEquals => "!=",
    }
}

/// A requirement as the UI shows it: `color In [blue]`, `GPU Exists`.
pub fn requirement_text(key: &str, op: &str, values: &[String]) -> String {
    if values.is_empty() && matches!(op, "Exists" | "DoesNotExist") {
        format!("{key} {op}")
    } else {
        format!("{key} {op} [{}]", values.join(", "))
    }
}

/// Go's `%q` for the simple strings of error messages.
fn quote(s: &str) -> String {
    format!("{s:?}")
}

/// A `[]string` bad value as `field.Error` prints it (`json.Marshal`; an absent list is `null`).
fn json_list(values: &[String]) -> String {
    if values.is_empty() {
        return "null".into();
    }
    serde_json::to_string(values).unwrap_or_default()
}

/// `errors.Flatten(errors.NewAggregate(errs)).Error()`: one message alone, else the distinct
/// messages in order, comma-separated in brackets. `None` when there are none.
pub fn aggregate_errors(errors: &[&str]) -> Option<String> {
    let mut distinct: Vec<&str> = Vec::new();
    for e in errors {
        if !distinct.contains(e) {
            distinct.push(e);
        }
    }
    match distinct.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        many => Some(format!("[{}]", many.join(", "))),
    }
}
