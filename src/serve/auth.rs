//! Bearer tokens and roles (`--tokens FILE`): who may call what.
//!
//! The file has one `ROLE NAME TOKEN` line per caller (`#` starts a comment). Roles: `submit`
//! (may scan and read its scans), `review` (may read the review queue and decide), `admin`
//! (everything). Tokens are kept as SHA-256 digests and looked up by digest, so neither the
//! tokens nor the time a comparison takes leave the process.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::error::{ApiError, ServeError};

/// What a caller may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Submit scans and read their results.
    Submit,
    /// Read the review queue, claim items and decide them.
    Review,
    /// Everything, the audit log included.
    Admin,
}

impl Role {
    /// The role called `text` in the tokens file.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "submit" => Some(Role::Submit),
            "review" => Some(Role::Review),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The role's name in the tokens file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Submit => "submit",
            Role::Review => "review",
            Role::Admin => "admin",
        }
    }

    /// True when this role may call an endpoint that needs `needed`.
    pub fn allows(self, needed: Role) -> bool {
        self == Role::Admin || self == needed
    }
}

/// The authenticated caller, put in the request's extensions for the handlers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The name from the tokens file (`local` when the server runs without tokens).
    pub name: String,
    /// The caller's role.
    pub role: Role,
}

/// The callers the server knows; `open()` lets everyone in (loopback use without `--tokens`).
#[derive(Debug, Default)]
pub struct Tokens {
    by_digest: HashMap<[u8; 32], Caller>,
    open: bool,
}

impl Tokens {
    /// No authentication: every request acts as the admin `local`. Only for loopback listeners.
    pub fn open() -> Self {
        Tokens {
            by_digest: HashMap::new(),
            open: true,
        }
    }

    /// Reads a tokens file.
    pub fn load(path: &Path) -> Result<Self, ServeError> {
        let text = std::fs::read_to_string(path).map_err(|source| ServeError::TokensRead {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text).map_err(|message| ServeError::Tokens {
            path: path.to_path_buf(),
            message,
        })
    }

    /// Parses the text of a tokens file; the error says which line is wrong and why.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut tokens = Tokens::default();
        for (number, line) in text.lines().enumerate() {
            let line = line.split_once('#').map_or(line, |(before, _)| before);
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.is_empty() {
                continue;
            }
            let at = number + 1;
            let [role, name, token] = fields[..] else {
                return Err(format!("line {at}: expected `ROLE NAME TOKEN`"));
            };
            let role = Role::parse(role).ok_or_else(|| {
                format!("line {at}: unknown role {role:?} (submit, review or admin)")
            })?;
            if token.len() < 16 {
                return Err(format!(
                    "line {at}: the token of {name} is shorter than 16 characters"
                ));
            }
            let caller = Caller {
                name: name.to_string(),
                role,
            };
            if tokens.by_digest.insert(digest(token), caller).is_some() {
                return Err(format!(
                    "line {at}: this token is already given to another line"
                ));
            }
        }
        if tokens.by_digest.is_empty() {
            return Err("no `ROLE NAME TOKEN` line".into());
        }
        Ok(tokens)
    }

    /// True when every request is let in.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Who logs in to the pages with `token` (any token when the server runs without
    /// `--tokens`: the admin `local`, as for the API), if anyone.
    pub fn login(&self, token: &str) -> Option<Caller> {
        if self.open {
            return Some(Caller {
                name: "local".into(),
                role: Role::Admin,
            });
        }
        self.caller(token).cloned()
    }

    /// The caller presenting `token`, if any.
    fn caller(&self, token: &str) -> Option<&Caller> {
        self.by_digest.get(&digest(token))
    }

    /// Who sent `request`: 401 without a known bearer token.
    fn authenticate(&self, request: &Request) -> Result<Caller, ApiError> {
        if self.open {
            return Ok(Caller {
                name: "local".into(),
                role: Role::Admin,
            });
        }
        let header = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok());
        let Some(header) = header else {
            return Err(unauthorized("missing Authorization: Bearer TOKEN"));
        };
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .ok_or_else(|| unauthorized("the Authorization header must be `Bearer TOKEN`"))?;
        self.caller(token)
            .cloned()
            .ok_or_else(|| unauthorized("unknown token"))
    }
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, message)
}

/// Middleware state: the tokens and the role the guarded routes need.
#[derive(Clone)]
pub struct Guard {
    /// The known callers.
    pub tokens: Arc<Tokens>,
    /// The role the routes behind this guard need (admin always passes).
    pub needs: Role,
}

/// Lets a request through when its token's role allows the route: 401 for no or an unknown
/// token, 403 for a role that may not call it. Runs before the body is read.
pub async fn require(State(guard): State<Guard>, mut request: Request, next: Next) -> Response {
    let caller = match guard.tokens.authenticate(&request) {
        Ok(caller) => caller,
        Err(err) => {
            let mut response = err.into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            return response;
        }
    };
    if !caller.role.allows(guard.needs) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "{} ({}) may not call this endpoint: it needs the {} role",
                caller.name,
                caller.role.name(),
                guard.needs.name()
            ),
        )
        .into_response();
    }
    request.extensions_mut().insert(caller);
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# role name token\n\
        submit uploader  s-0123456789abcdef\n\
        review alice     r-0123456789abcdef   # the night shift\n\
        \n\
        admin  root      a-0123456789abcdef\n";

    #[test]
    fn parses_roles_names_and_comments() {
        let tokens = Tokens::parse(FILE).unwrap();
        let alice = tokens.caller("r-0123456789abcdef").unwrap();
        assert_eq!((alice.name.as_str(), alice.role), ("alice", Role::Review));
        assert_eq!(
            tokens.caller("a-0123456789abcdef").unwrap().role,
            Role::Admin
        );
        assert!(tokens.caller("nope").is_none());
        assert!(!tokens.is_open());
    }

    #[test]
    fn refuses_bad_lines() {
        assert!(Tokens::parse("submit only-two\n").is_err());
        assert!(Tokens::parse("boss x 0123456789abcdefgh\n").is_err());
        assert!(Tokens::parse("submit x short\n").is_err());
        assert!(
            Tokens::parse("submit x 0123456789abcdefgh\nreview y 0123456789abcdefgh\n").is_err()
        );
        assert!(Tokens::parse("# nothing\n").is_err());
    }

    #[test]
    fn admin_allows_everything_others_only_their_own() {
        assert!(Role::Admin.allows(Role::Review));
        assert!(Role::Review.allows(Role::Review));
        assert!(!Role::Submit.allows(Role::Review));
        assert!(!Role::Review.allows(Role::Admin));
    }
}
