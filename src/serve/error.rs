//! Errors: the API's (every failure leaves as `{"error": "..."}` with its status code) and the
//! service's own (why it could not start).

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answer of the API.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The message for the caller.
    pub message: String,
    /// Seconds for a `Retry-After` header (503 answers).
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400: the request's parameters are wrong.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: no such thing.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 409: the request conflicts with the item's state (say, someone else's claim).
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, message)
    }

    /// 422: the body is well-formed but cannot be used.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// 503 with `Retry-After: seconds`: the server is full or not ready; try again later.
    pub fn unavailable(message: impl Into<String>, seconds: u64) -> Self {
        ApiError {
            retry_after: Some(seconds.max(1)),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, message)
        }
    }

    /// 500: something on our side failed; the details go to the log, not to the caller.
    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!("internal error: {err}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        ApiError::internal(format!("database: {err}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(json!({ "error": self.message }))).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;

/// Why the service could not start, or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The config file (its scan sections or `[serve]`) is unusable.
    #[error(transparent)]
    Config(#[from] crate::scan::ConfigError),
    /// A `[serve]` setting is out of range.
    #[error("config {}: [serve] {message}", path.display())]
    Setting {
        /// The config file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The tokens file could not be read.
    #[error("cannot read --tokens {}", path.display())]
    TokensRead {
        /// The tokens file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A line of the tokens file is wrong.
    #[error("--tokens {}: {message}", path.display())]
    Tokens {
        /// The tokens file.
        path: PathBuf,
        /// What is wrong, with its line number.
        message: String,
    },
    /// Without `--tokens`, only loopback addresses are served.
    #[error(
        "refusing to listen on {0} without --tokens: anyone who can reach it could scan and \
         review. Give --tokens FILE (lines `ROLE NAME TOKEN`), or listen on a loopback address \
         such as 127.0.0.1"
    )]
    Unprotected(SocketAddr),
    /// `--db` names no database we speak.
    #[error("--db must be sqlite:PATH or postgres://... (got {0})")]
    DatabaseUrl(String),
    /// The SQLite file's folder could not be made.
    #[error("cannot create the folder {}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The database could not be opened.
    #[error("cannot open the database {url}")]
    Database {
        /// The URL, password hidden.
        url: String,
        /// Why.
        #[source]
        source: sqlx::Error,
    },
    /// The database schema could not be brought up to date.
    #[error("cannot migrate the database")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The listening socket could not be opened.
    #[error("cannot listen on {address}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// ONNX Runtime, the models or the rule files could not be loaded.
    #[error("cannot load the models")]
    Models(#[source] crate::scan::ScanError),
    /// The metrics recorder could not be installed.
    #[error("cannot set up the metrics")]
    Metrics(#[source] metrics_exporter_prometheus::BuildError),
    /// The callback client could not be built.
    #[error("cannot set up the callback client")]
    Http(#[source] reqwest::Error),
    /// The near-duplicate bank could not be read from the database.
    #[error("cannot load the near-duplicate bank")]
    Bank(#[source] sqlx::Error),
    /// Threads, the async runtime or the server's socket failed.
    #[error("the service failed")]
    Io(#[from] std::io::Error),
}
