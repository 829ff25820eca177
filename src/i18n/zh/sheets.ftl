# 纸质评分表及其录入。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。


## 评分表（podium sheets）：表上的字
sheet-title = { $contest }评分表
sheet-judge = 评委：{ $name }（编号 { $id }）
sheet-entry = 编号
sheet-code = 暗码
sheet-name = 姓名
sheet-scale = 分值 { $min }–{ $max }，步长 { $step }
sheet-scale-any = 分值 { $min }–{ $max }
sheet-scale-pass = 合格填 1，不合格填 0
sheet-scale-count = 填次数（整数）
sheet-sign-judge = 评委签名：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日
sheet-sign-chief = 裁判长确认：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日
sheet-page-footer = &C第 &P 页，共 &N 页
sheet-check-title = 分值不符合要求
sheet-check-message = “{ $criterion }”：{ $scale }。请按评分表填写。
sheet-struck-message = 此格不由该评委评分，请留空。

## 评分表（podium sheets）：命令的话
sheet-written = 已写出 { $path }（评委 { $judge }，{ $entries } 行）
sheet-nothing-to-mark = 评委 { $judge } 没有要评的项目，未生成评分表
sheet-no-such-judge = 没有编号为“{ $judge }”的评委；有：{ $known }
sheet-cannot-write = 无法写入 { $path }：{ $why }
sheet-cannot-build = 无法生成工作簿：{ $why }
sheet-no-code = 暗码评分：{ $entry } 还没有暗码；请先运行 `podium codes` 为新加入的参赛者编码

## 评分表录入（podium import）
sheet-cannot-read = 无法读取此文件：{ $why }
sheet-blank = 评分表上没有填写任何分数，未导入（是否选成了空白评分表？）
sheet-other-contest = 这是另一项比赛（`{ $found }`）的评分表，不是 `{ $wanted }` 的
sheet-unknown-judge = 评分表上的评委“{ $judge }”不在本比赛的评委名单中
sheet-unknown-column = 机读行中的“{ $key }”不是评委 { $judge } 的评分项；请使用 `podium sheets` 生成的表，不要改动机读行
sheet-mark-without-entry = 此处有分值（{ $criterion }），但不在参赛者的行中；请把分值填在对应编号的行
sheet-struck-filled = { $entry } 的“{ $criterion }”不由评委 { $judge } 评分（此格已划去），请清空此格
sheet-cell-refused = { $entry } 的“{ $criterion }”：{ $why }
sheet-conflict = { $entry } 的“{ $criterion }”已录入为 { $stored }（#{ $seq }），评分表上为 { $value }
sheet-conflict-help = 如需通过导入更正，请用 --reason 说明原因；或用 `podium mark --reason` 逐项更正
sheet-twice = { $entry } 的“{ $criterion }”在这个工作簿中出现了两次：在 { $earlier } 和这里
sheet-disagrees = { $entry } 的“{ $criterion }”：{ $why }
sheet-nothing-imported = 未导入任何分数：{ $why }
sheet-nothing-stored = 未导入任何分数：有 { $count } 处错误（以上均标明单元格）
sheet-nothing-confirmed = 未确认任何分数：有 { $count } 处错误（以上均标明单元格）
sheet-imported = 已从 { $file } 导入 { $stored } 个分数（{ $unchanged } 个此前已录入）
sheet-confirmed = 已从 { $file } 确认 { $stored } 个分数（{ $unchanged } 个此前已确认）
sheet-not-confirmed = { $count } 个分数未确认：请核对纸质评分表，用 `podium mark --reason` 更正后再次核对
