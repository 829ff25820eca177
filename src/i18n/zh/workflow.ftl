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
