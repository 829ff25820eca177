# 读取文件：名单、评分、要素、分配表（CSV、XLSX、GBK）的错误与提示。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。


## 读取文件（files 助手）：编码、工作簿、行与单元格

files-cannot-read = 无法读取文件：{ $why }
files-utf16 = 该文件是 UTF-16 文本（Excel 的“Unicode 文本”），podium 不读取这种格式
files-save-as-csv = 请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”
files-not-text = 该文件既不是 UTF-8 也不是 GB18030/GBK 文本（字节 { $byte }）
files-read-as-gb18030 = 该文件不是 UTF-8 编码：已按 GB18030（GBK）读取，即中文 Windows 上 Excel 保存“CSV”时的编码；如姓名显示不对，请另存为“CSV UTF-8”
files-workbook-unreadable = 无法读取工作簿：{ $why }
files-workbook-no-sheets = 工作簿中没有工作表
files-workbook-no-such-sheet = 工作簿中没有名为“{ $sheet }”的工作表
files-workbook-sheets = 现有工作表：{ $sheets }；在 `#` 后写工作表名，如 `marks.xlsx#Sheet1`
files-workbook-cell-error = 单元格内是错误值 { $error }：请填入数值
files-column = { $header }，{ $letter } 列
files-column-only = { $letter } 列
files-field-row = 行
files-field-count = 这一行有 { $found } 列，而表头有 { $wanted } 列
files-row-not-utf8 = 这一行不是 UTF-8 文本
files-row-unreadable = 这一行无法读取：{ $why }
files-check-commas = 请检查是否少了或多了逗号；内容本身含逗号的单元格要用英文双引号括起来
files-separator = 这一行有 { $code }“{ $char }”：各列之间要用半角逗号“,”分隔
files-more-bad-rows = ……另有 { $count } 行有错
files-no-column = 表头中没有 `{ $column }` 列
files-did-you-mean = 是否想写 `{ $name }`？
files-none-declared = 一个也没有声明
files-valid = 可用的有：{ $names }
files-valid-many = 可用的有：{ $names }……（共 { $count } 个）

## 肉眼看不出的错误字符

files-odd-wide = 单元格中有全角字符 { $code }“{ $char }”：请改为半角的“{ $plain }”（把输入法切换到半角）
files-odd-space = 单元格的值中间有空格（{ $code }）：请删除
files-odd-invisible = 单元格中有不可见字符 { $code }：请清空该单元格后重新输入
files-odd-in-number = 单元格中有 { $code }“{ $char }”：数字的小数点用半角“.”，如 8.5，也不要用千位分隔符

## 选手名单

files-entries-header = 第一行是列名：id,name,organisation,……（团体另加 members）；也可用中文列名，如 编号,姓名,单位
files-entries-no-field = 竞赛规则要用字段 `{ $field }`（分组、团体、并列排序，或赛段的对阵分组、名额限制），但选手名单中没有这一列
files-entries-add-field = 请添加 `{ $field }` 列；{ $suggestion }
files-control = 选手 `{ $id }`：`{ $value }` 中有控制字符 { $code }
files-control-help = 姓名等内容应是单行纯文本：请删除换行、制表符、转义码和方向控制符
files-id-empty = 编号为空
files-id-unusable = 编号 `{ $id }` 中有逗号、引号、换行或首尾空格
files-id-apostrophe = 编号 `{ $id }` 以撇号加 = + - 或 @ 开头，电子表格会把撇号当作文本标记而丢掉
files-entry-no-name = 选手 `{ $id }` 没有姓名
files-id-twice = 编号 `{ $id }` 用了两次：第 { $first } 行和第 { $second } 行
files-id-twice-help = 每位选手要有自己的编号

## 评分

files-marks-empty = 评分文件是空的
files-marks-header = 第一行是列名：entry,criterion,element,judge,value（或 编号,评分项,要素,评委,分数）
files-marks-twice = 选手 `{ $entry }` 的 { $criterion } 有评委 { $judge } 的两个分数（第 { $rows } 行）
files-marks-twice-element = 选手 `{ $entry }` 的 { $criterion } 第 { $element } 个要素有评委 { $judge } 的两个分数（第 { $rows } 行）
files-marks-more = 选手 `{ $entry }` 的 { $criterion } 有评委 { $judge } 的 { $count } 个分数（第 { $rows } 行）
files-marks-more-element = 选手 `{ $entry }` 的 { $criterion } 第 { $element } 个要素有评委 { $judge } 的 { $count } 个分数（第 { $rows } 行）
files-marks-twice-help = 每位评委对每一项只给一个分数：请删除或改正其中一行
files-unknown-entry = 没有编号为 `{ $entry }` 的选手
files-check-entries = 请核对选手名单
files-unknown-criterion = 没有评分项 `{ $criterion }`
files-criterion-help = 写成 类别.评分项 的形式；{ $suggestion }
files-cell-for = { $criterion } 的 `{ $cell }`：{ $why }
files-formula-no-marks = 该评分项由公式计算，不录入分数
files-element-needed = 该评分项分要素：请填 1 到 { $count } 的序号
files-element-range = 要素序号是 1 到 { $count } 的数
files-element-none = 该评分项不分要素：这一列请留空
files-judge-needed = 该评分项由评委组打分：请写明评委
files-unknown-judge = 没有这位评委；{ $suggestion }
files-unknown-judge-named = 没有评委 `{ $judge }`
files-judge-not-on-panel = 这位评委不在该项的评委组中（{ $panel }）
files-judge-own-organisation = 这位评委属于 { $organisation }，与选手同单位（需回避；`judging: (allow_own_organisation: true)` 可允许）
files-judge-not-assigned = 选手 `{ $entry }` 不在分配给这位评委的选手之中
files-judge-other-division = 这位评委只评 { $field } 为 `{ $wanted }` 的选手，选手 `{ $entry }` 不在其中
files-reserve-not-seated = 这位备用裁判不在选手 `{ $entry }` 的评委组中（其评委组：{ $panel }）
files-out-of-range = 超出范围：分数应在 { $min } 到 { $max } 之间
files-off-step = 不符合从 { $min } 起、以 { $step } 为步长的分值
files-number-too-long = 超过 { $count } 个字符：分数不会这样写
files-not-a-number = 不是数字（应写成 8.5 这样；不带单位、不用千位分隔符，最多 { $scale } 位小数）
files-not-a-number-cell = `{ $cell }` 不是数字
files-too-many-decimals = 小数位数超过该评分项步长允许的位数（{ $scale }）
files-too-large = 数值太大

## 要素数据与评委分配表

files-elements-header = 表头需要 `entry`、`criterion`、`element` 三列（或 编号、评分项、要素），其后每个数据字段一列
files-elements-none = `{ $criterion }` 不分要素，没有要素数据
files-elements-not-element = `{ $cell }` 不是 { $criterion } 的要素：请填 1 到 { $count }
files-elements-no-field = { $criterion } 需要数据字段 `{ $field }`，但没有这一列
files-elements-twice = 选手 `{ $entry }` 的 { $criterion } 第 { $element } 个要素给了两次：第 { $first } 行和第 { $second } 行
files-assignments-header = 表头需要 `judge` 列，以及 `entry` 或 `group` 列（或 评委、编号、分组）
files-assignments-example = 例如：第一行 judge,entry，下一行 J1,E001（或 评委,编号）
files-assignments-entry-or-group = 每行填选手编号或分组（字段=值）之一，不能都填或都不填
files-group-form = 分组写成 字段=值，如 trade=welder（而不是 `{ $group }`）
files-group-no-field = `{ $field }` 不是选手名单的字段；{ $suggestion }
files-group-no-entry = 没有选手的 { $field } 是 `{ $value }`

## podium import 与 podium check

files-import-refused = 未导入任何分数：{ $why }
files-imported = 已从 { $file } 导入 { $stored } 个分数（{ $unchanged } 个此前已保存）
files-confirmed = 已从 { $file } 核对确认 { $stored } 个分数（{ $unchanged } 个此前已确认）
files-not-confirmed-one = 1 个分数未确认：请核对纸质评分表，用 `podium mark --reason` 改正后再核对
files-not-confirmed = { $count } 个分数未确认：请核对纸质评分表，用 `podium mark --reason` 改正后再核对
files-nothing-imported-one = 未导入任何分数：1 行有错
files-nothing-imported = 未导入任何分数：{ $count } 行有错
files-nothing-confirmed-one = 未确认任何分数：1 行有错
files-nothing-confirmed = 未确认任何分数：{ $count } 行有错
files-import-conflict = { $entry } { $criterion } { $judge } 已保存为 { $stored }（#{ $seq }），不是 { $value }
files-import-conflict-help = 要通过导入改正分数，请用 --reason 说明原因；或用 `podium mark --reason` 逐个改正
files-import-twice = { $entry } { $criterion } { $judge } 在本文件第 { $earlier } 行是 { $stored }，这里却是 { $value }：每位评委对每一项只给一个分数
files-verify-disagrees = { $entry } { $criterion } { $judge }：{ $why }
files-check-problem = 发现 1 个问题
files-check-problems = 发现 { $count } 个问题
files-check-summary = { $contest } — { $categories } 个类别，{ $criteria } 个评分项，{ $judges } 位评委，{ $entries } 名选手，{ $marks } 个分数
files-check-ok = 检查通过：{ $summary }
files-check-warning = 1 条警告
files-check-warnings = { $count } 条警告
files-check-more-reasons = ；另有 { $count } 项
files-check-more-entries = ……另有 { $count } 名
files-check-unscorable = { $entries } 名选手中有 { $count } 名暂不能计分（不参加排名）：
    { $list }
files-check-status = `podium status { $dir }` 列出所有缺少的分数

## 比赛活动（campaign.ron）

campaign-not-found-help = 比赛活动的文件夹中应有 `{ $file }`，写明活动名称、级别、工种和各级比赛的文件夹；`podium init 文件夹 --template campaign-district` 可以从示例新建一个
campaign-id-twice = 编号 `{ $id }` 写了两次：每个级别、每个工种的编号只能用一次
campaign-unknown-level = `levels` 中没有编号为 `{ $id }` 的级别
campaign-unknown-trade = `trades` 中没有编号为 `{ $id }` 的工种
campaign-folder-twice = 文件夹 `{ $folder }` 写了两次：每场比赛只能属于一个级别和工种
campaign-not-a-contest = 文件夹 `{ $folder }` 不是竞赛文件夹
campaign-folder-help = 文件夹的路径相对于 campaign.ron 所在的文件夹，其中应有 `{ $file }`
campaign-contest-id-twice = 文件夹 `{ $folder }` 中比赛的编号 `{ $id }` 与文件夹 `{ $first }` 中的相同
campaign-contest-id-help = 晋级选手的来源按比赛编号记录：复制竞赛文件夹后，请在 contest.ron 中改写 `id`

## 规则文件中的动作文字与实测公式（第 14 号议题：动作部分）

rules-element-text-in-formula = `{ $name }` 是文字型动作数据（代码等，按原样显示），公式只能用数字计算；请改用数值字段（`data`）
rules-element-text-twice = `{ $name }` 在动作的 `data` 与 `text` 中重复出现：一个字段要么是数字（`data`），要么是文字（`text`）
files-quote-not-closed = 这个单元格在此处以引号（`"`）开头，但直到文件末尾、或 4 MB 之内，引号都没有闭合：其后的行都会被当作这一个单元格读入
files-quote-not-closed-help = 补上闭合的引号，或删去这个引号；带引号的单元格里的引号要写两次（`""`）
files-row-too-long = 这一行超过 4 MB，表格中不会有这么长的行（Excel 一个单元格最多 32,767 个字符）
files-row-too-long-help = 行内误输入的引号（`"`）会把其后的行都变成一个单元格：补上闭合的引号，或删去它
