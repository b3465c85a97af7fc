//! The `shanzhai` command-line tool; all logic lives in the library.

fn main() -> std::process::ExitCode {
    shanzhai::cli::main()
}
