//! Paper marking sheets (评分表) and their return: each judge's sheet,
//! entries down and their criteria across, written as XLSX (checked as it
//! is typed) or as a page to print, and read back from XLSX or CSV into
//! marks. The layout is declared once, in [`layout`], for writing and
//! reading alike.

pub mod html;
pub mod layout;
pub mod read;
pub mod signoff;
pub mod xlsx;

pub use layout::Sheet;
