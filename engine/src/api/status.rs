//! API errors, printed as kubectl prints them.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// `Error from server (NotFound): daemonsets.apps "x" not found`
    NotFound { resource: String, name: String },
    /// `Error from server (AlreadyExists): daemonsets.apps "x" already exists`
    AlreadyExists { resource: String, name: String },
    /// `The DaemonSet "x" is invalid: <field>: <message>`; one cause per line when several.
    Invalid {
        kind: String,
        name: String,
        causes: Vec<(String, String)>,
    },
    /// Anything else the server refuses: `Error from server (BadRequest): ...`.
    BadRequest(String),
}

impl ApiError {
    pub fn not_found(resource: &str, name: &str) -> ApiError {
        ApiError::NotFound {
            resource: resource.into(),
            name: name.into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound { resource, name } => {
                write!(
                    f,
                    "Error from server (NotFound): {resource} \"{name}\" not found"
                )
            }
            ApiError::AlreadyExists { resource, name } => write!(
                f,
                "Error from server (AlreadyExists): {resource} \"{name}\" already exists"
            ),
            ApiError::Invalid { kind, name, causes } => {
                write!(f, "The {kind} \"{name}\" is invalid: ")?;
                if let [(field, msg)] = causes.as_slice() {
                    write!(f, "{field}: {msg}")
                } else {
                    for (field, msg) in causes {
                        write!(f, "\n* {field}: {msg}")?;
                    }
                    Ok(())
                }
            }
            ApiError::BadRequest(m) => write!(f, "Error from server (BadRequest): {m}"),
        }
    }
}

impl std::error::Error for ApiError {}
