#[test]
fn print() {
    println!("EXPECTED {}", wkrepro::run(100_000));
}
