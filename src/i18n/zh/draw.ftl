# 抽签（podium draw）

## 抽签的步骤
draw-what-stations = 工位与场次
draw-what-order = 出场顺序
draw-what-codes = 检录号
draw-step-commit = 抽签（{ $what }）公布承诺值 { $commitment }，共 { $count } 名选手
draw-step-reveal = 抽签（{ $what }）揭晓种子 { $seed }，抽定 { $count } 名选手
draw-step-move = 选手 { $entry } 调至第 { $heat } 场 { $to } 工位，补时 { $minutes } 分钟
draw-committed = 已公布{ $what }抽签的承诺值（记录 #{ $seq }）：{ $commitment }；请张贴或宣读，再运行同一命令（不带 `--commit`）抽签
draw-revealed = 已抽签：{ $what }（记录 #{ $seq }），种子 { $seed }；任何人可据此复算（`podium draw --verify`）
draw-moved = 已记录：选手 { $entry } 调至第 { $heat } 场 { $to } 工位（记录 #{ $seq }）

## 拒绝理由
draw-for-needed = 请用 `--for stations`、`--for order` 或 `--for codes` 写明抽什么
draw-one-thing = `--commit` 与 `--move` 不能同时用：一次只做一件事
draw-no-plan = 这场比赛的 contest.ron 没有写抽签安排（`workflow.draw`：工位 `stations` 或 `station_count`、场次 `heats`）
draw-no-entries = 选手名单是空的，没有可抽签的选手
draw-commit-open = { $what }的抽签已公布承诺值（记录 #{ $seq }）但尚未抽签：先抽签；若须作废它重新公布承诺值（如名单已变），请用 `--reason` 写明理由
draw-redraw-needs-reason = { $what }已经抽过签（记录 #{ $seq }）；重新抽签须写明理由（`--reason`），原抽签结果保留在记录中
draw-too-few-stations = { $entries } 名选手，而工位只有 { $stations } 个 × { $heats } 场 = { $seats } 个位置：请增加工位或场次（`workflow.draw`）
draw-codes-exist = 选手已有加密号，不能再抽检录号
draw-reveal-no-commit = { $what }还没有公布承诺值：先运行 `podium draw 比赛 --for … --commit`
draw-list-changed = 公布承诺值时名单有 { $count } 名选手，现在名单不同（{ $now } 名）：承诺值对应的名单已变，须以理由重新公布承诺值
draw-seats-changed = 公布承诺值以后，contest.ron 的工位或场次（`workflow.draw`）改动了：承诺值对应的是原来的工位，须改回，或以理由重新公布承诺值
draw-seed-lost = 承诺值 { $commitment } 对应的种子不在评分库中，无法抽签；请以理由重新公布承诺值
draw-move-needs-reason = 调换工位或场次须写明理由（`--reason`，如“设备故障”）
draw-move-to-needed = 调换须写明调至哪个工位（`--to`）
draw-move-not-drawn = 还没有抽定工位，没有可调换的
draw-move-unknown-entry = 工位抽签中没有选手 `{ $entry }`
draw-move-unknown-station = 没有工位“{ $to }”；可用的工位（含备用）：{ $valid }
draw-move-heat = 没有第 { $heat } 场：这场比赛有 { $heats } 场
draw-move-taken = 第 { $heat } 场 { $to } 工位已由选手 { $other } 使用
draw-time-added = 补时“{ $text }”看不懂：写成整数加单位，如 `"10m"`、`"90s"`
draw-nothing = 还没有“{ $what }”的抽签

## 核验与查看
draw-verify-none = 评分库中没有抽签记录
draw-verify-ok = 抽签核验通过：{ $count } 次抽签都可由公布的种子复算，且种子与承诺值相符（共公布承诺值 { $commits } 次）
draw-verify-seed = 记录 #{ $seq }：种子不是 64 位十六进制数
draw-verify-commitment = 记录 #{ $seq }：种子的 SHA-256 与公布的承诺值不符
draw-verify-places = 记录 #{ $seq }：由种子复算的结果与记录的抽签结果不同
draw-verify-uncommitted = 记录 #{ $seq }：此前没有公布过这个承诺值，这次抽签未经承诺
draw-verify-list = 记录 #{ $seq }：抽签所用的名单与公布承诺值时的名单不同
draw-verify-seats = 记录 #{ $seq }：抽签所用的工位或场次与公布承诺值时的不同
draw-show-committed = 已公布承诺值 { $commitment }（{ $count } 名选手），尚未抽签
draw-show-head = 承诺值 { $commitment }；种子 { $seed }（记录 #{ $seq }）
draw-show-station = { $entry }	第 { $heat } 场	{ $station }

## 抽签表
draw-sheet-title = { $contest } 抽签表（{ $what }）
draw-sheet-commitment = 承诺值（种子的 SHA-256）
draw-sheet-seed = 种子
draw-sheet-seed-later = 抽签后公布
draw-sheet-heat = 场次
draw-sheet-station = 工位
draw-sheet-order = 出场顺序
draw-sheet-code = 检录号
draw-sheet-redraws = 重新抽签
draw-sheet-moved = （已调换）
draw-sheet-moves = 调换记录
draw-sheet-how = 核验方法：种子的 SHA-256 应等于承诺值；按 docs/contest-format.zh.md“抽签”一节的算法，由种子和按编号排序的选手名单可复算全部结果。
draw-sheet-drawer = 抽签人签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿
draw-sheet-supervisor = 监督签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿

## 命令帮助
help-draw = 可核验的抽签：先公布承诺值（`--commit`），再抽签并公布种子；抽签后调换工位；查看、核验或打印抽签表
help-draw-example = {"  "}podium draw 焊工比赛 --for stations --commit --as chief
help-draw-what = 抽什么：stations（工位与场次）、order（出场顺序）、codes（检录号）
help-draw-commit = 生成种子并只公布其承诺值（SHA-256），种子保密到抽签时
help-draw-move_entry = 把这名选手调至另一工位或场次（设备故障等）
help-draw-to = 调至的工位（可以是备用工位）
help-draw-heat = 调至的场次（默认不变）
help-draw-time_added = 补时，如 `10m`
help-draw-show = 列出抽签结果（含调换）与核验所需的种子
help-draw-format = table 或 json
help-draw-verify = 由公布的种子复算每一次抽签，并核对承诺值
help-draw-sheet = 把抽签表（承诺值、种子、二维码、结果、签字栏）写到这个文件
