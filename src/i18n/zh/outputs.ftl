# 输出：表头、导出、图表、报告。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。

## 表头

column-rank = 名次
column-name = 名称
column-entry = 编号
column-organisation = 单位
column-total = 总分
column-award = 奖项
column-flags = 标记
column-judge = 评委
column-saved = 已评
column-expected = 应评

## 成绩表的用词

column-tied = 并列
column-division = 组别
column-award-id = 奖项代码
value-yes = 是
value-no = 否
board-award-provisional = { $award }（暂定）
board-provisional = 评分尚未完成：奖项为暂定，可能变化。
xlsx-page-footer = &C第 &P 页，共 &N 页

## 按组别筛选（--division）

division-none = 本竞赛没有声明组别
division-none-help = 在竞赛文件中加入 `divisions: ["trade"]`
division-unknown-field = `{ $field }` 不是本竞赛的组别字段
division-no-entry = 没有选手的 { $field } 为 `{ $value }`
teams-none = 本竞赛没有声明团体
teams-none-help = 加入 `teams: (field: "organisation", combine: Best(3))`，由成员成绩合成团体成绩

## 标记（给人看的）

flag-veto = 一票否决：{ $veto }
flag-spread = { $criterion } 评分差 { $spread } 超限
flag-incomplete = { $criterion } 未评出：{ $reason }
flag-substituted = { $criterion } 缺评委 { $judges }，取平均代替
list-separator = 、

## 分阶段的竞赛
column-round-rank = 本轮名次
column-behind = 落后
column-advanced = 晋级
column-stage-reached = 止步阶段

## The report of a contest run in stages
report-stage-board = { $stage }成绩
report-stage-board-note = 参赛 { $entries } 人，晋级 { $through } 人（见“{ $column }”栏）。
report-stage-board-note-last = 参赛 { $entries } 人；本赛段为最后赛段，其名次即最终名次。
report-stages-title = 赛段
report-stages-intro = 本竞赛分 { $count } 个赛段依次进行。最终名次先看选手到达的最后一个赛段（越靠后越在前），再看其在该赛段的名次：在某一赛段被淘汰的选手保留该赛段的名次，无论得分高低，均排在该赛段所有晋级者之后。
report-stage-line = 第 { $number } 赛段“{ $stage }”（`{ $id }`）：比赛内容为{ $categories }；{ $takes }；{ $carry }；{ $advance }。
report-stage-takes-everyone = 全体选手参加
report-stage-takes-qualifiers = “{ $stage }”的晋级者参加
report-stage-carry-none = 不带入此前赛段的成绩
report-stage-carry = 本赛段得分另加{ $parts }
report-stage-carry-part = “{ $stage }”总分的 { $percent }%
report-stage-last = 为最后赛段，其名次即最终名次
report-stage-advance-everyone = 有成绩者全部晋级
report-stage-advance-top = 前 { $n } 名晋级，与第 { $n } 名并列者全部晋级
report-stage-advance-share = 有成绩者的前 { $percent }%（人数向下取整）晋级，与末位并列者全部晋级
report-stage-advance-at-least = 总分不低于 { $bound } 者晋级
report-stage-advance-at-most = 总分不高于 { $bound } 者晋级
report-stage-advance-heats = 按“{ $field }”分组对阵：每组前 { $winners } 名晋级，其余选手中总分最好的 { $others } 名也晋级，与末位并列者全部晋级
report-stage-advance-cap = ；同一{ $field }至多 { $cap } 人晋级，超出者由其后成绩最好者递补
report-stage-rule = “{ $stage }”赛段：{ $rule }

## 动作与实测（第 14 号议题：动作部分）

flag-filled-zero = { $criterion }：缺分数，按 0 计（`missing: Zero`）
flag-filled-zero-element = { $criterion } 第{ $element }个动作：缺分数，按 0 计（`missing: Zero`）
trace-element-not-performed-skip = { $key } 第{ $number }个动作：未完成（无分数、无动作数据），不计入
trace-element-not-performed-zero = { $key } 第{ $number }个动作：未完成（无分数、无动作数据），按 { $zero } 计
trace-element-scored = { $key } 第{ $number }个动作：得分 { $score } → { $element_value }
trace-element-scored-data = { $key } 第{ $number }个动作：得分 { $score }，{ $data } → { $element_value }
trace-measured-formula = { $key }：实测 { $value }，{ $formula } = { $points }
trace-measured-formula-capped = { $key }：实测 { $value }，{ $formula } = { $points }，最多 { $max }
column-element = { $criterion } 第{ $element }个动作
column-element-field = { $criterion } 第{ $element }个动作 { $field }
value-not-performed = 未完成
value-not-performed-zero = 未完成（按 0 计）
report-elements = 各动作得分
report-unperformed-skip = ；可少于 { $count } 个，未完成的动作不计入
report-unperformed-zero = ；可少于 { $count } 个，未完成的动作按 0 计
trace-judge-missing-zero = { $label }：缺评委 { $names } 的分数，按 0 计（`missing: Zero`）
status-filled-zero = { $count } 处缺分按 0 计（`missing: Zero`），见下方标记：请逐一核实
trace-element-unperformed-undeclared = 第{ $element }个动作既无分数也无动作数据：如果该动作未完成，须在竞赛文件中规定如何计分（`unperformed: Skip` 或 `Zero`）
