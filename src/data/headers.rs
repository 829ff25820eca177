//! Column headers in Chinese: the one table of the names an office may
//! give a column instead of podium's English one (documented in
//! docs/contest-format.md, "Files as offices have them"). Headers are
//! trimmed, full-width spaces and a BOM too.

/// A column's English name and the Chinese names read as it.
pub struct Alias {
    pub name: &'static str,
    pub chinese: &'static [&'static str],
    /// A column of a file's own (`id`, `judge`): a Chinese name is read as
    /// it only by a reader that has the column (`编号` is the `id` of the
    /// entries and the `entry` of marks). Otherwise an entry field
    /// (`工种` → `trade`), read as its English name unless the contest
    /// names the field in Chinese itself.
    pub own: bool,
}

const fn own(name: &'static str, chinese: &'static [&'static str]) -> Alias {
    Alias { name, chinese, own: true }
}

const fn field(name: &'static str, chinese: &'static [&'static str]) -> Alias {
    Alias { name, chinese, own: false }
}

/// Every Chinese header podium reads, by the English name it stands for.
pub const ALIASES: &[Alias] = &[
    // Entries.
    own("id", &["编号", "选手编号", "参赛编号", "队伍编号"]),
    own("name", &["姓名", "名称", "选手姓名", "队名", "队伍名称"]),
    own("organisation", &["单位", "所在单位", "工作单位", "参赛单位"]),
    own("members", &["成员", "队员", "团队成员"]),
    // Marks, element data and assignments.
    own("entry", &["编号", "选手编号", "参赛编号", "选手"]),
    own("criterion", &["评分项", "评分项目", "评分指标"]),
    own("element", &["要素", "要素序号", "动作序号"]),
    own("judge", &["评委", "裁判", "评委编号"]),
    own("value", &["分数", "得分", "评分"]),
    own("group", &["分组"]),
    // Entry fields the bundled examples and most contests use.
    field("division", &["组别"]),
    field("trade", &["工种"]),
    field("gender", &["性别"]),
    field("region", &["地区"]),
    field("district", &["区县", "城区"]),
    field("street", &["街道"]),
    field("industry", &["行业"]),
    field("workshop", &["车间"]),
    field("level", &["级别", "等级"]),
    // Where an entry that went on from a lower level came from (`podium advance`).
    field("from_contest", &["来源比赛"]),
    field("from_place", &["原名次"]),
];

/// A header cell as written, without edge spaces (full-width too) or BOM.
pub fn trimmed(name: &str) -> &str {
    name.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// The header's names as a reader uses them: trimmed, and a Chinese name
/// read as its English one where the reader has that column (`columns`)
/// or it is a field the reader does not know by its Chinese name.
pub fn read_header<'a>(header: impl IntoIterator<Item = &'a str>, columns: &[&str]) -> Vec<String> {
    header
        .into_iter()
        .map(|name| read_name(trimmed(name), columns).to_string())
        .collect()
}

fn read_name<'a>(name: &'a str, columns: &[&str]) -> &'a str {
    if columns.contains(&name) {
        return name;
    }
    ALIASES
        .iter()
        .find(|alias| alias.chinese.contains(&name) && (!alias.own || columns.contains(&alias.name)))
        .map_or(name, |alias| alias.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_headers_are_read_as_the_columns_of_their_file() {
        let entries = ["id", "name", "organisation", "members", "trade"];
        assert_eq!(
            read_header([" 编号\u{3000}", "姓名", "\u{feff}单位", "工种", "街道", "备注"], &entries),
            ["id", "name", "organisation", "trade", "street", "备注"]
        );
        let marks = ["entry", "criterion", "element", "judge", "value"];
        assert_eq!(
            read_header(["编号", "评分项", "要素", "评委", "分数"], &marks),
            ["entry", "criterion", "element", "judge", "value"]
        );
        // A contest that names its field in Chinese keeps it.
        assert_eq!(read_header(["工种"], &["工种"]), ["工种"]);
    }

    #[test]
    fn no_chinese_name_stands_for_two_columns_of_one_file() {
        let files: [&[&str]; 2] = [
            &["id", "name", "organisation", "members"],
            &["entry", "criterion", "element", "judge", "value", "group"],
        ];
        for columns in files {
            let mut seen = std::collections::HashSet::new();
            for alias in ALIASES.iter().filter(|a| !a.own || columns.contains(&a.name)) {
                for name in alias.chinese {
                    assert!(seen.insert(*name), "`{name}` stands for two columns");
                }
            }
        }
    }
}
