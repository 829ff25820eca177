//! CSV: one row per entry, numbers exactly as computed.

use super::{number, Format, Leaderboard};
use std::io::{self, Write};

pub struct Csv;

impl Format for Csv {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        let mut header: Vec<String> = ["rank", "tied", "entry", "name", "organisation", "division", "total"]
            .map(String::from)
            .to_vec();
        header.extend(board.rules.categories.iter().map(|c| c.id.clone()));
        header.extend(["flags", "award", "award_label"].map(String::from));
        writer.write_record(&header)?;
        for row in &board.rows {
            let mut record = vec![
                row.place.map_or(String::new(), |p| p.rank.to_string()),
                row.place.is_some_and(|p| p.tied).to_string(),
                row.entry.clone(),
                row.name.clone(),
                row.organisation.clone(),
                row.division.clone(),
                number(row.total),
            ];
            record.extend(row.categories.iter().map(|v| number(*v)));
            record.push(row.flags.join(";"));
            record.push(row.awards.first().map(|a| a.1.clone()).unwrap_or_default());
            record.push(row.awards.first().map(|a| a.2.clone()).unwrap_or_default());
            writer.write_record(&record)?;
        }
        writer.flush()
    }
}
