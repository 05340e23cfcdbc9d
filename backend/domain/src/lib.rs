//! Pure rules of Thi đua CCHC: no IO, no HTTP, no SQL. Everything here is tested in
//! microseconds and reused by the database and API layers.

pub mod award;
pub mod campaign;
pub mod deadline;
pub mod evaluation;
pub mod initiative;
pub mod org;
pub mod page;
pub mod registration;
pub mod report;
pub mod role;
pub mod submission;
pub mod text;
pub mod validation;

pub use validation::{FieldError, ValidationErrors};
