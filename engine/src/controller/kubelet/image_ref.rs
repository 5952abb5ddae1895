//! The `imageID` a container runtime reports once a container runs: the image's repository,
//! normalised as containerd names it (`nginx` → `docker.io/library/nginx`), `@`, and the digest
//! of the image the tag resolved to. There is no registry here, so the digest is derived from
//! the image reference: the same image gives the same ID on every node and in every run (a real
//! registry's digest would differ).

/// `containerStatuses[].imageID` for a container started from `image`.
pub(crate) fn image_id(image: &str) -> String {
    let (repository, digest) = match image.split_once('@') {
        // Pulled by digest: the runtime reports that digest.
        Some((name, digest)) => (strip_tag(name), digest.to_string()),
        None => (strip_tag(image), format!("sha256:{}", digest_hex(image))),
    };
    format!("{}@{digest}", normalise(repository))
}

/// The repository without its `:tag` (a `:` after the last `/`; one before it is a port).
fn strip_tag(name: &str) -> &str {
    let last = name.rfind('/').map_or(0, |i| i + 1);
    match name[last..].find(':') {
        Some(i) => &name[..last + i],
        None => name,
    }
}

/// docker/distribution's `ParseNormalizedNamed`: a first component without `.` or `:` (and not
/// `localhost`) is a Docker Hub path, and a single-component Hub name lives under `library/`.
fn normalise(repository: &str) -> String {
    match repository.split_once('/') {
        Some((domain, _))
            if domain.contains('.') || domain.contains(':') || domain == "localhost" =>
        {
            repository.to_string()
        }
        Some(_) => format!("docker.io/{repository}"),
        None => format!("docker.io/library/{repository}"),
    }
}

/// 64 hex digits: four FNV-1a 64-bit hashes of the reference, each over a different salt.
fn digest_hex(image: &str) -> String {
    (0u8..4)
        .map(|salt| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in std::iter::once(salt).chain(image.bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            format!("{h:016x}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::image_id;

    /// containerd reports `imageID` as the normalised repository and a sha256 digest
    /// (docker/distribution reference normalisation: docker.io, library/).
    #[test]
    fn image_id_names_the_normalised_repository_and_a_sha256_digest() {
        let id = image_id("nginx");
        let (repo, digest) = id.split_once("@sha256:").unwrap();
        assert_eq!(repo, "docker.io/library/nginx");
        assert_eq!(digest.len(), 64);
        assert!(digest.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(
            image_id("nginx:1.27").starts_with("docker.io/library/nginx@sha256:"),
            "the tag is not part of the repository"
        );
        assert!(image_id("dockercoins/rng:v0.1").starts_with("docker.io/dockercoins/rng@sha256:"));
        assert!(
            image_id("quay.io/fluentd_elasticsearch/fluentd:v2.5.2")
                .starts_with("quay.io/fluentd_elasticsearch/fluentd@sha256:")
        );
        assert!(image_id("localhost:5000/agent:v1").starts_with("localhost:5000/agent@sha256:"));
    }

    /// The same image has the same ID (on every node, in every run); another tag another one.
    #[test]
    fn image_id_is_deterministic_per_reference() {
        assert_eq!(image_id("nginx:1.27"), image_id("nginx:1.27"));
        assert_ne!(image_id("nginx:1.27"), image_id("nginx:1.28"));
    }

    /// An image pulled by digest reports that digest.
    #[test]
    fn image_id_keeps_a_digest_reference() {
        let digest = format!("sha256:{}", "ab".repeat(32));
        assert_eq!(
            image_id(&format!("registry.k8s.io/pause:3.10@{digest}")),
            format!("registry.k8s.io/pause@{digest}")
        );
    }
}
