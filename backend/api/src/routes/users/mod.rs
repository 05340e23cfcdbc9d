pub mod activation;
pub mod create;
pub mod get;
pub mod list;
pub mod reset_password;
pub mod roles;
pub mod update;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{Organization, User};
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_domain::role::Role;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, UserAction, UserTarget};
use crate::error::ApiError;
use crate::extract::etag;
use crate::views::users::{RoleGrantView, UserView};
use crate::views::{OrganizationRef, RoleCode};

/// A user with what the policy and the view need: the organisation's ancestry and grants.
pub struct LoadedUser {
    pub user: User,
    pub organization: Organization,
    pub grants: Vec<user_queries::GrantWithOrg>,
}

impl LoadedUser {
    /// Each role with the ancestry of the organisation it is rooted at.
    pub fn grants_with_paths(&self) -> Vec<(Role, Vec<Uuid>)> {
        self.grants
            .iter()
            .filter_map(|g| Some((Role::parse(&g.grant.role)?, g.organization.ancestry())))
            .collect()
    }

    pub fn org_path(&self) -> Vec<Uuid> {
        self.organization.ancestry()
    }

    pub fn etag(&self) -> String {
        etag(self.user.id, self.user.version)
    }

    /// Asks the policy about `action` on this user.
    pub fn authorize(&self, p: &Principal, action: UserAction) -> Result<(), ApiError> {
        let path = self.org_path();
        let roles = self.grants_with_paths();
        authz::user(p, action, &self.target(&path, &roles)).into_result()
    }

    fn target<'a>(&self, path: &'a [Uuid], grants: &'a [(Role, Vec<Uuid>)]) -> UserTarget<'a> {
        UserTarget {
            id: self.user.id,
            org_path: path,
            grants,
            is_active: self.user.is_active,
        }
    }

    pub fn view(&self, p: &Principal) -> UserView {
        let path = self.org_path();
        let roles = self.grants_with_paths();
        UserView {
            id: self.user.id,
            username: self.user.username.clone(),
            display_name: self.user.display_name.clone(),
            email: self.user.email.clone(),
            position: self.user.position.clone(),
            organization: OrganizationRef::from(&self.organization),
            is_active: self.user.is_active,
            roles: self.grants.iter().filter_map(grant_view).collect(),
            created_at: self.user.created_at,
            etag: self.etag(),
            allowed_actions: authz::user_allowed_actions(p, &self.target(&path, &roles)),
        }
    }
}

pub fn grant_view(g: &user_queries::GrantWithOrg) -> Option<RoleGrantView> {
    let role = Role::parse(&g.grant.role)?;
    Some(RoleGrantView {
        id: g.grant.id,
        role: RoleCode::from(role),
        role_name_vi: role.name_vi().to_string(),
        role_name_en: role.name_en().to_string(),
        organization_id: g.organization.id,
        organization_name: g.organization.name.clone(),
    })
}

pub async fn load_many(
    conn: &mut AsyncPgConnection,
    users: Vec<User>,
) -> Result<Vec<LoadedUser>, ApiError> {
    let ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
    let mut org_ids: Vec<Uuid> = users.iter().map(|u| u.organization_id).collect();
    org_ids.sort();
    org_ids.dedup();
    let orgs: HashMap<Uuid, Organization> = org_queries::find_many(conn, &org_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let mut grants: HashMap<Uuid, Vec<user_queries::GrantWithOrg>> = HashMap::new();
    for g in user_queries::grants_of(conn, &ids).await? {
        grants.entry(g.grant.user_id).or_default().push(g);
    }
    users
        .into_iter()
        .map(|user| {
            let organization = orgs.get(&user.organization_id).cloned().ok_or_else(|| {
                ApiError::internal(anyhow::anyhow!("organisation of user {} missing", user.id))
            })?;
            let grants = grants.remove(&user.id).unwrap_or_default();
            Ok(LoadedUser {
                user,
                organization,
                grants,
            })
        })
        .collect()
}

/// Stores a new password hash and ends every session of the user, with its audit row, in
/// one transaction.
pub async fn replace_password(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    org_id: Uuid,
    hash: String,
    actor: Uuid,
    action: &'static str,
) -> Result<(), ApiError> {
    use diesel_async::AsyncConnection;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        user_queries::set_password(conn, user_id, &hash).await?;
        thidua_db::queries::auth::revoke_all_for_user(conn, user_id, chrono::Utc::now()).await?;
        crate::routes::audit(
            conn,
            Some(actor),
            action,
            "user",
            Some(user_id),
            Some(org_id),
            serde_json::json!({}),
        )
        .await
    })
    .await
}

/// Loads one user, answering 404 when it does not exist.
pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedUser, ApiError> {
    let user = user_queries::find(conn, id).await?;
    load_many(conn, vec![user])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}
