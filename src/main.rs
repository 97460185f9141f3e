use std::process::ExitCode;

fn main() -> ExitCode {
    maatwerk::cli::main()
}
