//! Which records a command takes: by author, norm, decision date, status
//! and case, as `list` and `export` filter them.

use clap::Args;

use super::{CliError, Context, date_arg};
use crate::domain::lifecycle::Status;
use crate::domain::store::RecordFilter;

#[derive(Debug, Args)]
pub struct Selection {
    /// Only records by this principal
    #[arg(long, value_parser = crate::cli::principal_arg)]
    pub author: Option<String>,
    /// Only records relying on this norm id
    #[arg(long)]
    pub norm: Option<String>,
    /// Only decisions dated on or after this date
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only decisions dated on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only decisions with this status: decided, for-review, approved,
    /// returned, rejected, superseded, withdrawn, expired
    #[arg(long, value_name = "CODE")]
    pub status: Option<String>,
    /// Only records for this case reference, however it is written
    /// (`Z-2026-0001` also finds `z 2026/1`)
    #[arg(long, value_name = "REF")]
    pub case: Option<String>,
}

impl Selection {
    /// The filter on what records say, and the status asked for (which
    /// their story tells); `brief` leaves out what a listing does not need.
    pub fn read(
        &self,
        ctx: &Context,
        brief: bool,
    ) -> Result<(RecordFilter, Option<Status>), CliError> {
        let filter = RecordFilter {
            author: self.author.clone(),
            norm: self.norm.clone(),
            from: date_arg(ctx, "--from", self.from.as_deref())?,
            to: date_arg(ctx, "--to", self.to.as_deref())?,
            case: self.case.clone(),
            brief,
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            return Err(CliError::input(
                ctx.lang.report_from_after_to(from, to),
                None,
            ));
        }
        let status = match self.status.as_deref() {
            None => None,
            Some(code) => Some(
                Status::from_code(code.trim())
                    .ok_or_else(|| CliError::input(ctx.lang.unknown_status(code), None))?,
            ),
        };
        Ok((filter, status))
    }
}
