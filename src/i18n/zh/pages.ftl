# 页面：大厅屏幕、组织者工作台、评委评分页。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。

## 大厅屏幕

hall-live = 实时排行榜
hall-frozen = 榜单已冻结
hall-ceremony = 颁奖进行中
hall-waiting = 还有 { $n } 个名次待揭晓
hall-withheld = 颁奖典礼正在揭晓名次，典礼结束后可查询成绩。

## 组织者工作台

desk-title = 组织者工作台
desk-progress = 评分进度
desk-locks = 锁定与发布
desk-published = 成绩已发布，不能再更改。
desk-unlock-reason = 解锁原因
desk-unlock = 解锁
desk-whole-contest = 整个竞赛
desk-lock = 锁定
desk-publish = 发布成绩（需先锁定整个竞赛）
desk-hall = 大厅屏幕
desk-freeze = 冻结榜单
desk-unfreeze = 解除冻结
desk-places = 获奖名次数
desk-places-help = 颁奖揭晓的名次数（留空：所有获奖名次）
desk-ceremony-start = 开始颁奖
desk-ceremony-next = 颁奖：揭晓下一名
desk-ceremony-end = 结束颁奖模式
desk-live-results = 实时成绩（不受冻结影响）
desk-hall-ceremony = 颁奖中：已揭晓 { $revealed } / { $rows } 名
desk-hall-frozen = 大厅榜单已冻结
desk-hall-live = 大厅榜单实时更新
desk-places-wanted = 名次数须为正整数（收到“{ $typed }”）

## 评委评分页

judge-who = 评委
judge-saved = 已评
judge-nothing = 没有分配给您的评分项。
judge-scale = { $min }–{ $max } 分，步长 { $step }
judge-offline = 未能连接服务器，未保存
judge-out-of-range = 超出范围：应在 { $min } 到 { $max } 之间
judge-off-step = 须为 { $step } 的整数倍
judge-not-a-number = 请输入数字
judge-empty = 请先输入分数
judge-reason = 修改原因（必填）
judge-save = 保存

## 评委保存后看到的答复

mark-saved = 已保存 #{ $record }：{ $cell } = { $value }
mark-unchanged = { $cell } 已是 { $value }（#{ $record }）
mark-corrected = 已保存 #{ $record }：{ $cell } { $from } → { $value }
mark-needs-reason = 未保存：{ $cell } 已是 { $value }（#{ $record }）；如需修改，请填写原因
mark-refused = 未保存：{ $cell }：{ $why }
mark-not-on-page = 未保存：{ $criterion } 不在您的评分表上（此项由记分员或组织者录入）
mark-entry-not-on-page = 未保存：`{ $entry }` 不在您的评分表上
mark-busy = 未保存：评分库正忙（另一程序正在写入），请稍后再次提交。
