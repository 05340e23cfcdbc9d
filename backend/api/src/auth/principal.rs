use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use thidua_db::queries::users as user_queries;
use thidua_domain::role::Role;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// A role held over one organisation subtree.
#[derive(Debug, Clone)]
pub struct Grant {
    pub id: Uuid,
    pub role: Role,
    pub organization_id: Uuid,
    pub organization_name: String,
    /// The grant root's ancestry, root first, ending with the grant root.
    pub organization_path: Vec<Uuid>,
}

/// The authenticated caller. Read from the database, or from the servers' cache of recent
/// principals which every change to accounts, grants or the tree empties as it commits
/// ([`super::principals`]), so that deactivation, password changes and revoked grants take
/// effect at once rather than when the access token expires.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub organization_id: Uuid,
    pub grants: Vec<Grant>,
}

impl Principal {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    pub fn is_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }

    /// Roles that apply to a node with the given ancestry (root first, ending at the node):
    /// those whose grant root lies on the path.
    pub fn roles_over<'a>(&'a self, node_path: &'a [Uuid]) -> impl Iterator<Item = Role> + 'a {
        self.grants
            .iter()
            .filter(move |g| node_path.contains(&g.organization_id))
            .map(|g| g.role)
    }

    pub fn has_role_over(&self, role: Role, node_path: &[Uuid]) -> bool {
        self.roles_over(node_path).any(|r| r == role)
    }

    /// The roots of every subtree the caller holds any role in.
    pub fn roots(&self) -> Vec<Uuid> {
        let mut r: Vec<Uuid> = self.grants.iter().map(|g| g.organization_id).collect();
        r.sort();
        r.dedup();
        r
    }

    pub fn roots_with(&self, roles: &[Role]) -> Vec<Uuid> {
        let mut r: Vec<Uuid> = self
            .grants
            .iter()
            .filter(|g| roles.contains(&g.role))
            .map(|g| g.organization_id)
            .collect();
        r.sort();
        r.dedup();
        r
    }

    /// Every ancestor (inclusive) of every grant root.
    pub fn ancestors(&self) -> Vec<Uuid> {
        let mut a: Vec<Uuid> = self
            .grants
            .iter()
            .flat_map(|g| g.organization_path.iter().copied())
            .collect();
        a.sort();
        a.dedup();
        a
    }

    pub fn role_codes(&self) -> Vec<String> {
        let mut r: Vec<String> = self
            .grants
            .iter()
            .map(|g| g.role.as_str().to_string())
            .collect();
        r.sort();
        r.dedup();
        r
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

pub async fn load_principal(
    state: &AppState,
    user_id: Uuid,
) -> Result<Option<(Principal, chrono::DateTime<chrono::Utc>)>, ApiError> {
    let conn = state.conn().await?;
    let Some((user, grants)) = user_queries::with_grants(&conn, user_id).await? else {
        return Ok(None);
    };
    if !user.is_active {
        return Ok(None);
    }
    let grants = grants
        .into_iter()
        .filter_map(|g| {
            Some(Grant {
                id: g.grant.id,
                role: Role::parse(&g.grant.role)?,
                organization_id: g.organization.id,
                organization_name: g.organization.name.clone(),
                organization_path: g.organization.ancestry(),
            })
        })
        .collect();
    Ok(Some((
        Principal {
            user_id: user.id,
            username: user.username,
            display_name: user.display_name,
            organization_id: user.organization_id,
            grants,
        },
        user.password_changed_at,
    )))
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let state = state
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("application state missing")))?;
            let token = token.ok_or_else(ApiError::unauthenticated)?;
            let claims = state.jwt.verify(&token)?;
            let (principal, password_changed_at) = match state.principals.get(claims.sub) {
                Some(kept) => kept,
                None => {
                    let generation = state.principals.generation();
                    let loaded = load_principal(&state, claims.sub)
                        .await?
                        .ok_or_else(ApiError::invalid_token)?;
                    state.principals.store(generation, loaded.clone());
                    loaded
                }
            };
            // A password change ends every session that started before it.
            if claims.pwc != password_changed_at.timestamp_millis() {
                return Err(ApiError::invalid_token());
            }
            Ok(principal)
        })
    }
}
