//! Exports for auditors: every record with its status, history and
//! verification result, as CSV (RFC 4180, also for Dutch Excel) or JSON
//! Lines, one record at a time so that a store of any size is written in
//! flat memory; anonymised on request.

pub mod anon;
pub mod csv_out;
pub mod row;
pub mod signals;
pub mod table;
pub mod xlsx_out;
pub mod zgw;
