//! Integration tests: each runs the real `maatwerk` binary in a sealed
//! environment (empty temp HOME and working directory, fixed clock).

mod cli {
    mod support;

    mod agent;
    mod bundled;
    mod conditions;
    mod drafts;
    mod export;
    mod export_checks;
    mod global;
    mod hostile;
    mod keyring;
    mod legacy;
    mod lifecycle;
    mod norms_check;
    mod norms_list;
    mod norms_show;
    mod overview;
    mod privacy;
    mod records;
    mod report;
    mod reviews;
    mod rules;
    mod signals;
    mod sync;
    mod totals;
    mod verify;
    mod walkthrough;
}
