pub mod create;
pub mod get;
pub mod kinds;
pub mod list;
pub mod tree;
pub mod update;

use thidua_db::models::Organization;
use thidua_db::queries::Scope;
use thidua_domain::org::is_in_force;

use crate::auth::Principal;
use crate::authz;
use crate::extract::etag;
use crate::routes::today;
use crate::views::organizations::OrganizationView;

pub fn view(p: &Principal, o: &Organization) -> OrganizationView {
    let path = o.ancestry();
    OrganizationView {
        id: o.id,
        code: o.code.clone(),
        name: o.name.clone(),
        short_name: o.short_name.clone(),
        kind: o.kind.clone(),
        parent_id: o.parent_id,
        in_force: is_in_force(o.valid_from, o.valid_to, today()),
        path: path.clone(),
        valid_from: o.valid_from,
        valid_to: o.valid_to,
        etag: etag(o.id, o.version),
        allowed_actions: authz::org_allowed_actions(p, &path),
    }
}

pub fn scope_of(p: &Principal) -> Scope {
    if p.is_admin() {
        Scope::All
    } else {
        Scope::Subtrees(p.roots())
    }
}
