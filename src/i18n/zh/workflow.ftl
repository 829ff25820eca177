# 成绩确认流程：角色、签字、解密、复核、申诉、公示（contest.ron 的 workflow）

## 角色与权限
role-organiser = 组委会
role-chief-judge = 裁判长
role-encryption-judge = 加密裁判
role-supervisor = 监督
role-arbitration = 仲裁组
role-clerk = 录分员
role-judge = 裁判
action-mark = 录入评分
action-lock = 锁定、解锁评分
action-draw = 抽签
action-code = 编制加密号
action-confirm-sheet = 确认评分表
action-sign-results = 签字确认成绩
action-decode = 解密
action-supervise = 监督解密并签字
action-recheck = 复核
action-file-appeal = 受理申诉
action-rule = 仲裁裁决
action-notice = 开始公示
action-publish = 公布最终成绩

## 检查 contest.ron 的 workflow
rules-workflow-code-layers = 加密层数 `code_layers` 为 { $layers }，只能是 0、1 或 2
rules-workflow-blind-twice = 已在 `workflow.code_layers` 中写明加密，不要再写 `marking.blind`
rules-workflow-role-twice = 角色编号 `{ $id }` 写了两次
rules-workflow-role-nameless = 角色 `{ $id }` 没有写姓名（`name`）
rules-workflow-nobody-may = 流程中有“{ $action }”这一步，但没有哪个角色可以做
rules-workflow-nobody-may-help = 在 `roles` 中加上能做这一步的角色（通常是 { $roles }），或在某个角色的 `may` 中写上这一权限
rules-workflow-length = 时长“{ $text }”看不懂
rules-workflow-length-help = 时长写成整数加单位：`"90s"`（秒）、`"20m"`（分钟）、`"2h"`（小时）、`"5d"`（天），最长十年
rules-draw-no-stations = 抽签需要工位：写 `stations: ["A01", "A02"]` 或 `station_count: 30`
rules-draw-stations-twice = `stations` 与 `station_count` 只写一个
rules-draw-count = 工位数、场次数须在 1 到 { $max } 之间
rules-draw-station-name = 工位名“{ $name }”不能为空，也不能含控制字符
rules-draw-station-twice = 工位“{ $name }”写了两次
rules-recheck-percent = 复核的 `{ $field }` 为 { $value }，应是 0 到 100 之间的百分数
rules-recheck-margin = 复核的 `margin`（获奖线附近的分差）不能为负数

## 以哪个角色操作（--as）
event-no-roles = 这场比赛的 contest.ron 没有写流程角色（`workflow.roles`），不用写 `--as { $id }`
event-role-needed = “{ $action }”要写明以哪个角色操作：{ $roles }
event-role-unknown = 没有编号为 `{ $id }` 的角色。{ $suggestion }
event-role-may-not = 角色 `{ $id }`（{ $role }）不能“{ $action }”；可以做这一步的是：{ $able }

## 成绩所处阶段
phase-open = 未开始评分
phase-marking = 评分中
phase-locked = 评分已锁定
phase-signed = 已签字确认
phase-decoded = 已解密
phase-on-notice = 公示中
phase-final = 最终成绩已公布

## 流程各步的拒绝理由
event-final = 最终成绩已公布（记录 #{ $seq }），不能再做任何改动
event-no-workflow = 这场比赛的 contest.ron 没有写成绩确认流程（`workflow`），没有这一步
event-no-sign-offs = 这场比赛的流程不含签字确认（`workflow.sign_offs: true`）
event-moved = 刚才有别人在同一时间写入了评分库；什么也没有记录，请再试一次
event-sheet-no-marks = 裁判 `{ $judge }` 还没有任何评分，没有评分表可确认
event-sheet-already = 裁判 `{ $judge }` 的评分表已按现有评分确认过
event-sign-not-locked = 评分尚未结束：先锁定整场比赛（`podium lock`），再签字确认成绩
event-sign-already = 成绩已按现有评分签字（记录 #{ $seq }）
event-sign-sheets = 以下裁判的评分表尚未按现有评分由裁判长确认：{ $judges }（`podium sign 比赛 --sheet 裁判编号 --as 裁判长角色`）
event-countersign-first = 裁判长尚未按现有评分签字确认成绩，监督须在裁判长之后签字
event-no-codes = 这场比赛的流程不含加密（`workflow.code_layers`），没有可解密的
event-decode-unsigned = 成绩现在“{ $phase }”；须经裁判长和监督签字确认后才能解密
event-decode-awaiting = 第 { $layer } 层的解密尚待监督确认（`podium decode 比赛 --as 监督角色`）；确认前不能解密下一层，也不显示解密结果
event-decode-done = 各层加密都已解密
event-witness-nothing = 没有待确认的解密：须由加密裁判先解密
event-no-notice = 这场比赛的流程不含公示（`workflow.notice`）
event-notice-already = 成绩正在公示，至 { $until } 结束
event-notice-too-early = 成绩现在“{ $phase }”；须“{ $needed }”后才能公示
event-publish-on-notice = 成绩正在公示，至 { $until } 结束；公示期满后才能公布最终成绩
event-publish-needs-notice = 成绩现在“{ $phase }”；须经公示（`podium notice`）、公示期满后才能公布最终成绩
event-publish-too-early = 成绩现在“{ $phase }”；须“{ $needed }”后才能公布最终成绩
event-appeals-open = 申诉或异议 { $ids } 尚未裁决；仲裁组裁决后才能继续（`podium appeal 比赛 --rule 编号`）
event-no-appeals = 这场比赛的流程不受理申诉（`workflow.appeals`、`workflow.notice`）
event-appeal-empty = 申诉须写明 `{ $field }`
event-appeal-late = 申诉时限已于 { $deadline } 截止，不再受理
event-objection-late = 公示已于 { $until } 结束，不再受理异议
event-appeal-only-on-notice = 这场比赛只在公示期内受理异议（`workflow.notice`），现在不在公示期
event-rule-unknown = 没有编号为 `{ $id }` 的申诉或异议。{ $suggestion }
event-rule-final = 申诉 `{ $id }` 已裁决（记录 #{ $seq }），仲裁组的裁决为最终裁决

## podium sign、decode、notice、appeal 的输出
event-phase-now = 成绩现在：{ $phase }
event-done-sheet = 已记录：{ $who } 确认裁判 `{ $judge }` 的评分表（记录 #{ $seq }）
event-done-sign = 已记录：{ $who } 签字确认成绩（记录 #{ $seq }）
event-done-countersign = 已记录：{ $who } 在裁判长之后签字（记录 #{ $seq }）
event-done-decode = 已记录：{ $who } 解密第 { $layer } 层（记录 #{ $seq }）；监督确认后生效
event-done-witness = 已记录：{ $who } 确认第 { $layer } 层的解密（记录 #{ $seq }）
event-done-notice = 已记录：{ $who } 开始公示，至 { $until } 结束（记录 #{ $seq }）
event-done-appeal = 已受理：{ $who } 登记申诉 { $id }，涉及选手 { $entry }（记录 #{ $seq }）
event-done-upheld = 已记录：{ $who } 裁决申诉 { $id } 成立（记录 #{ $seq }）；需更改的分数以 `podium mark … --appeal { $id }` 更正
event-done-dismissed = 已记录：{ $who } 裁决申诉 { $id } 不成立，予以驳回（记录 #{ $seq }）
event-ruling-needs-reason = 仲裁裁决须写明理由（`--reason`），理由记入审计记录
event-appeal-entry-unknown = 没有选手 `{ $entry }`
event-appeal-flags = `podium appeal` 三种用法择一：`--list`；`--rule 编号` 加 `--upheld` 或 `--dismissed`；或 `--entry`、`--from`、`--what` 登记申诉
event-appeal-flags-ruling = 裁决须写 `--upheld`（成立）或 `--dismissed`（驳回）之一
event-appeal-flags-filing = 登记申诉须同时写 `--entry`（选手）、`--from`（申诉人）和 `--what`（申诉内容）
event-appeals-none = 没有申诉或异议
event-appeals-deadline = 申诉截止时间：{ $deadline }
event-appeal-open = 待裁决
event-appeal-ruled = { $upheld ->
    [yes] 成立
   *[no] 驳回
  }：{ $reason }（{ $by }，{ $at }）
event-appeal-line = { $id }  选手 { $entry }  申诉人 { $from }  { $filed }：{ $what } — { $ruling }

## 命令帮助
help-sign = 裁判长确认一位裁判的评分表（`--sheet`），或签字确认成绩：先裁判长，后监督
help-sign-example = {"  "}podium sign 焊工比赛 --sheet J1 --as chief
help-sign-sheet = 确认这位裁判的评分表（按其现有评分）
help-arg-role = 以哪个角色操作：contest.ron 中 `workflow.roles` 的编号
help-decode = 加密裁判解密下一层加密号；监督以 `--as` 监督角色确认后生效
help-decode-example = {"  "}podium decode 焊工比赛 --as enc
help-notice = 把已签字、已解密的成绩公示，公示期按 contest.ron 的 `workflow.notice`
help-notice-example = {"  "}podium notice 焊工比赛 --as org
help-appeal = 登记申诉（公示期内为异议）、仲裁裁决，或列出全部申诉
help-appeal-example = {"  "}podium appeal 焊工比赛 --as clerk --entry W07 --from "张领队" --what "第 3 项计时有误"
help-appeal-entry = 申诉涉及的选手（盲评时为代码）
help-appeal-from = 申诉人（如领队）
help-appeal-what = 申诉内容
help-appeal-rule = 裁决这一编号的申诉
help-appeal-upheld = 裁决：申诉成立
help-appeal-dismissed = 裁决：申诉不成立，驳回
help-appeal-list = 列出申诉、异议及其裁决

## 依申诉裁决更正分数（podium mark --appeal）
event-correction-other-entry = 申诉 `{ $id }` 涉及的是选手 { $entry }，不能据此更正其他选手的分数
event-correction-dismissed = 申诉 `{ $id }` 已被驳回，不能据此更正分数
event-correction-unruled = 申诉 `{ $id }` 尚未裁决，仲裁组裁决成立后才能据此更正分数
cli-mark-appeal-needs-reason = 依申诉更正须写明理由（`--reason`）
help-mark-role = 以哪个角色录入（比赛写有流程角色时必填）
help-mark-appeal = 执行这一编号的申诉裁决：评分锁定后仍可更正，理由前注明申诉编号

## 现场服务台
desk-publish-workflow = 这场比赛按成绩确认流程公布成绩：签字、解密、公示后，由组委会以 `podium publish 比赛 --as 组委会角色` 公布

## 审计记录中的流程步骤
step-confirm-sheet = 确认裁判 { $judge } 的评分表（评分摘要 { $digest }）
step-sign = 裁判长签字确认成绩（评分摘要 { $digest }）
step-countersign = 监督签字（评分摘要 { $digest }）
step-decode = 解密第 { $layer } 层
step-witness = 监督确认第 { $layer } 层解密
step-notice = 开始公示，至 { $until } 结束
step-appeal = 受理申诉 { $id }：选手 { $entry }，申诉人 { $from }：{ $what }
step-objection = 受理公示异议 { $id }：选手 { $entry }，提出人 { $from }：{ $what }
step-upheld = 仲裁裁决：{ $id } 成立
step-dismissed = 仲裁裁决：{ $id } 不成立，驳回
audit-step-reason = { $step }，理由：{ $reason }
audit-step-other = 流程步骤 { $step } { $subject } { $value }

## 加密号（暗码）
blind-id-not-code = 盲评：请写选手的加密号，而不是编号（`{ $id }`）
blind-unknown-code = 没有加密号 `{ $code }`
blind-no-randomness = 无法生成随机加密号：{ $error }
blind-no-codes = 盲评：请先用 `podium codes 比赛` 给选手编加密号
blind-no-piece-codes = 二次加密：请先用 `podium codes 比赛 --layer 2` 给每件作品编加密号
help-codes-layer = 哪一层加密号：1 为选手的（一次加密，默认），2 为作品的（二次加密，评分按作品加密号录入）
codes-layer-not-declared = 这场比赛有 { $layers } 层加密，没有第 { $layer } 层（层数写在 `workflow.code_layers`）

## podium status 中的流程
summary-phase = 成绩确认流程：{ $phase }
summary-by = { $by }，{ $at }，记录 #{ $seq }
summary-sheets = 评分表：{ $confirmed } / { $total } 份已由裁判长确认
summary-sheets-waiting = 评分表：{ $confirmed } / { $total } 份已由裁判长确认；待确认：{ $waiting }
summary-signed = 裁判长签字：{ $by }
summary-countersigned = 监督签字：{ $by }
summary-unsigned = { $who }：尚未按现有评分签字
summary-decoded = 解密：已解密 { $decoded } / { $layers } 层
summary-decoded-awaiting = 解密：已解密 { $decoded } / { $layers } 层；第 { $awaiting } 层待监督确认
summary-appeals = 申诉与异议：共 { $count } 件；待裁决：{ $open }；申诉截止：{ $deadline }
summary-notice = 公示：至 { $until } 结束（{ $by }）

## 角色页面（podium serve 的角色链接）
serve-role = 角色 { $id }（{ $role }）{ $name }：{ $url }
role-page-title = 角色：{ $role } { $name }
role-page-where = 成绩现在
role-page-steps = 可以进行的步骤
role-page-reason = 理由或说明（记入审计记录）
role-page-judge = 裁判
role-page-confirm-sheet = 确认这位裁判的评分表
role-page-sign = 签字确认成绩
role-page-decode = 解密下一层
role-page-witness = 确认解密（监督）
role-page-notice = 开始公示
role-page-publish = 公布最终成绩
role-page-entry = 选手（加密号）
role-page-from = 申诉人
role-page-what = 申诉内容
role-page-file-appeal = 登记申诉
role-page-appeal = 申诉编号
role-page-ruling = 裁决
role-page-upheld = 成立
role-page-dismissed = 不成立，驳回
role-page-rule = 作出裁决
role-page-appeals = 申诉与异议

## 成绩报告中的流程记录
report-names-hidden = 盲评：成绩报告列出选手姓名，须在解密（有成绩确认流程时）或成绩公布后生成
report-cannot-write = { $path }：无法写入成绩报告：{ $error }
report-workflow = 成绩确认记录
report-workflow-rules = 成绩确认的各个步骤及其规则
report-workflow-rule-marking = 评分中 → 评分已锁定：裁判长或组委会锁定整场比赛，评分结束（申诉时限自此计算）
report-workflow-rule-sheets = 每位裁判的评分表须由裁判长按现有评分确认；之后评分有任何改动，该表须重新确认
report-workflow-rule-sign = 评分已锁定 → 已签字确认：所有评分表已确认、无待裁决的申诉时，裁判长按加密号签字确认成绩，监督随后签字；签字针对全部评分的摘要，评分再有改动（复核或申诉裁决的更正）则签字失效，须重新签字
report-workflow-rule-decode = 已签字确认 → 已解密：加密裁判逐层解密（先作品加密号，后选手加密号），每层须监督确认后才生效；解密前任何页面都不显示姓名
report-workflow-rule-appeals = 申诉在评分锁定后的规定时限内登记，公示期内为异议；仲裁组的裁决为最终裁决，裁决成立的更正须注明申诉编号
report-workflow-rule-notice = 已解密 → 公示中：组委会开始公示，公示期按规定长度；有待裁决的申诉时不能开始
report-workflow-rule-final = 公示中 → 最终成绩已公布：公示期满且所有申诉、异议都已裁决后，组委会公布最终成绩；之后任何评分都不能再改
report-workflow-steps = 各步骤记录
report-workflow-record = 记录
report-workflow-when = 时间
report-workflow-who = 由谁
report-workflow-what = 做了什么

## 成绩签字确认表（podium sign --print）
signoff-title = { $contest } 成绩签字确认表
signoff-by-code = 按加密号列出，未解密
signoff-by-name = 已解密，按选手列出
signoff-phase = 成绩现在
signoff-digest = 评分摘要（SHA-256）
signoff-head = 审计记录头
signoff-sheets = 评分表确认
signoff-line = { $role }签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿　{ $recorded }
signoff-recorded = （已记录：{ $by }，{ $at }，记录 #{ $seq }）
help-sign-print = 不签字，而是把成绩签字确认表写到这个文件（HTML，A4，打印后签字）

## 成绩公示表（podium notice --print）
notice-title = { $contest } 成绩公示
notice-until = 公示期至 { $until }
notice-objections = 对公示成绩有异议的，请于 { $until } 前以书面形式向竞赛组委会提出，由仲裁组裁决。
notice-not-on = 成绩现在“{ $phase }”，不在公示期；先以 `podium notice 比赛 --as 组委会角色` 开始公示
help-notice-print = 不开始公示，而是把成绩公示表写到这个文件（HTML，A4，供张贴）
desk-workflow-note = 这场比赛按成绩确认流程公布成绩：签字、解密、公示和公布在各角色的专属链接上进行（`podium serve` 启动时列出）。

## 大厅屏幕
hall-on-notice = 成绩公示中，至 { $until }；奖项为暂定
hall-unconfirmed = 成绩尚待确认，奖项为暂定
audit-code = 选手 { $entry } 的加密号为 { $code }
audit-piece-code = 选手 { $entry } 的作品加密号为 { $code }

## 复核（podium recheck）
recheck-none = 这场比赛的流程不含复核（`workflow.recheck`）
recheck-not-drawn = 还没有抽取复核样本：先运行 `podium recheck 比赛 --draw --as 裁判长角色`
recheck-before-lock = 评分尚未结束：锁定整场比赛后才能复核
recheck-after-sign = 成绩已签字确认（记录 #{ $seq }），复核须在签字之前
recheck-drawn-already = 复核样本已抽取（记录 #{ $seq }），不能重抽
recheck-no-unlock = 复核样本已抽取（记录 #{ $seq }），{ $scope }不能再解锁；此后分数只能依复核（`podium mark … --recheck`）或成立的申诉（`podium mark … --appeal`）更正
recheck-drawn = 已抽取复核样本：{ $count } 名选手（记录 #{ $seq }）
recheck-why-top = { $entry }：名次 { $place }，前列全部复核
recheck-why-line = { $entry }：总分距获奖线 { $line } 在规定分差内
recheck-why-cut = { $entry }：在赛段 `{ $stage }` 的总分距晋级线 { $line } 在规定分差内
recheck-why-drawn = { $entry }：随机抽取
recheck-why-all = { $entry }：差错率超过规定，扩大为全部复核
recheck-outside-row = { $file }:{ $line }：选手 { $entry } 不在复核样本中
recheck-outside = 复核录入只能包含样本中的选手：整份文件未记录
recheck-missing-cell = { $file }：缺少选手 { $entry } { $criterion } 裁判 { $judge } 的复核分数
recheck-incomplete = 复核须录入选手的整份评分：该选手每位裁判录入的每个分数都要在同一文件中重新录入；整份文件未记录
recheck-twice-row = { $file }:{ $line }：选手 { $entry } { $criterion } 裁判 { $judge } 又录为 { $value }，第 { $first } 行录的是 { $was }
recheck-twice = 复核录入中每个分数只能录一次：整份文件未记录
recheck-compared = 已比对复核录入：{ $rows } 个分数，{ $entries } 名选手，发现 { $differences } 处不一致（记录 #{ $seq }）
recheck-difference = 选手 { $entry } { $criterion } 裁判 { $judge }：录入 { $stored }，复核 { $rechecked }
recheck-rate = 已复核 { $rechecked } 名，其中 { $errors } 名有差错，差错率 { $rate }；尚待复核 { $pending } 名
recheck-widened = 差错率超过 { $threshold }%：复核扩大到全部选手，新增 { $count } 名待复核
recheck-status-drawn = 复核样本：{ $count } 名选手（记录 #{ $seq }，{ $by }）
recheck-open = 待更正
recheck-resolved = 已解决
recheck-threshold = 全部复核的差错率界限：{ $threshold }%；{ $widened ->
    [yes] 已扩大为全部复核
   *[no] 尚未扩大
  }
recheck-no-difference = 复核没有发现选手 { $entry } { $criterion } 裁判 { $judge } 的待更正差错，不能据此在锁定后更正
recheck-step-sample = 抽取复核样本 { $count } 名：{ $entries }（种子 { $seed }）
recheck-step-sample-plan = 抽取复核样本 { $count } 名：{ $entries }（种子 { $seed }；规则：前 { $top } 名全部，其余抽取 { $percent }%，{ $margin ->
    [none] 不含获奖线附近
   *[other] 获奖线上下 { $margin } 分以内
}，差错率超过 { $threshold }% 全部复核）
recheck-step-entry = 比对复核录入 { $file }：{ $entries } 名选手，{ $count } 处不一致：{ $found }
recheck-step-widen = 差错率超过规定，复核扩大到全部选手（新增 { $count } 名）
recheck-step-kept = 选手 { $entry } { $criterion } 裁判 { $judge }：维持录入的 { $value }，不采用复核录入
recheck-kept = { $cell }：维持录入的 { $value }，不采用复核录入，差错已解决（记录 #{ $seq }）
event-sign-recheck-undrawn = 还没有复核：先抽取复核样本（`podium recheck 比赛 --draw`）
event-sign-recheck-pending = 复核尚未完成：还有 { $pending } 名选手待复核
event-sign-recheck-unresolved = 复核发现的差错尚未更正：{ $cells }（`podium mark … --recheck`）
summary-recheck-undrawn = 复核：尚未抽取样本
summary-recheck = 复核：待复核 { $pending } 名，待更正 { $unresolved } 处，差错率 { $rate }
help-recheck = 复核：抽取样本（`--draw`）、比对复核录入（`--enter`），或查看复核进展
help-recheck-example = {"  "}podium recheck 焊工比赛 --draw --as chief
help-recheck-draw = 抽取复核样本：前列全部、其余按比例随机抽取，以及获奖线附近的选手
help-recheck-enter = 复核人员重新录入的样本评分表（CSV 或 Excel），与已录入的评分比对
help-mark-recheck = 更正复核发现的差错：评分锁定后仍可更正，理由前注明复核
