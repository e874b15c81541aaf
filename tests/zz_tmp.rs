use storycard::similar::{explain, score};
#[test]
fn probe() {
    for (a, b) in [
        (
            "Fire breaks out at factory in Dong Nai",
            "Fire breaks out at factory in Binh Duong",
        ),
        ("Cháy xưởng gỗ ở Đồng Nai", "Cháy xưởng gỗ ở Bình Dương"),
        (
            "Tai nạn trên cao tốc TP.HCM - Long Thành",
            "Tai nạn trên cao tốc Trung Lương",
        ),
        ("Mưa lớn ở Hà Nội ngày 5/9", "Mưa lớn ở Hà Nội ngày 6/9"),
        (
            "Concert postponed to March 5",
            "Concert postponed to March 15",
        ),
        ("Election set for Nov. 3", "Election set for Nov. 5"),
        (
            "Storm to hit coast on Tuesday",
            "Storm to hit coast on Thursday",
        ),
        (
            "Sturm trifft Küste am Dienstag",
            "Sturm trifft Küste am Donnerstag",
        ),
        ("Tempête sur la côte mardi", "Tempête sur la côte jeudi"),
        ("Strike planned for 2025", "Strike planned for 2026"),
        ("Bridge collapses in Genoa", "Bridge collapses in Baltimore"),
        (
            "Bridge collapses in northern Italy",
            "Bridge collapses in southern Italy",
        ),
        (
            "Protests in Paris turn violent",
            "Protests in Lyon turn violent",
        ),
        ("Protestas en Madrid", "Protestas en Sevilla"),
        ("Hochwasser in Bayern", "Hochwasser in Sachsen"),
        ("Apple unveils iPhone 15", "Apple unveils iPhone 16"),
        ("Windows 10 support ends", "Windows 11 support ends"),
        ("Covid cases rise in UK", "Covid cases rise in US"),
        ("Giá vàng hôm nay 5/9", "Giá vàng hôm nay 6/9"),
        ("Xổ số miền Bắc ngày 12/10", "Xổ số miền Nam ngày 12/10"),
        (
            "Kết quả xổ số ngày 12/10/2025",
            "Kết quả xổ số ngày 13/10/2025",
        ),
        (
            "Weather forecast for Monday",
            "Weather forecast for Tuesday",
        ),
        ("Man dies after crash on A1", "Man dies after crash on A14"),
        (
            "Shooting in Texas leaves 5 dead",
            "Shooting in Texas leaves five dead",
        ),
        (
            "The Fed will not cut rates in June",
            "Fed won't cut rates in June",
        ),
        ("Senate passes bill", "Senate fails to pass bill"),
        ("Senate passes bill", "House passes bill"),
    ] {
        let s = score(a, b);
        println!("{:.2} {}", s, explain(a, b));
    }
}
