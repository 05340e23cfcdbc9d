pub mod initiatives;
