//! Operations: what a person does to the store, each one function (or a
//! prepare-then-sign pair) with typed errors. The scripted commands, the
//! walkthrough and every later front end call these, never the steps inside
//! them.
//!
//! Operations that sign come in two steps: `prepare` judges the request
//! without touching the disk or the key, so a front end can say what is
//! wrong before it asks for a passphrase; `sign` then writes.

pub mod adoption;
pub mod checkpoint;
pub mod keyring;
pub mod keys;
pub mod record;
pub mod review;
pub mod signal;
pub mod sync;
