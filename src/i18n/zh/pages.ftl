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
desk-published = 成绩已发布（#{ $record }），不能再更改。
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
judge-nothing = 没有分配给您的评分项。
judge-scale = { $min }–{ $max } 分，步长 { $step }
judge-scale-free = { $min }–{ $max } 分
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
mark-not-on-page = 未保存：{ $criterion } 不在您的评分表上（此项由记分员或组织者录入）
mark-entry-not-on-page = 未保存：`{ $entry }` 不在您的评分表上
mark-busy = 未保存：评分库正忙（另一程序正在写入），请稍后再次提交。

## 页面的答复与链接（pages 助手）

index-hall = 实时排行榜
index-judges = 评委请使用各自的专属链接。
link-not-valid = 链接无效（可能已被收回），请向组织者索取新链接。
store-unreadable = 暂时读不到评分库：{ $why }
request-too-slow = 请求传输太慢，已中止，请重试。
results-unreadable = 暂时读不到成绩，请稍后再试。
too-many-boards = 打开的实时榜单太多，请稍后再试。
form-out-of-date = 页面已过期或不是从本页提交的，请刷新页面。
other-site = 拒绝来自其他网站的请求。
mark-not-saved = 未保存：{ $why }
mark-no-such-code = 未保存：没有编号为“{ $code }”的选手
mark-bad-value = 未保存：分数应在 { $min } 到 { $max } 之间，步长 { $step }
mark-stopping = 未保存：服务器正在关闭
element-of = { $criterion } 第 { $element } 项
mark-published = 未保存：{ $cell }：成绩已公布，不能再更改。
mark-locked = 未保存：{ $cell } 已锁定；如需修改，请联系裁判长解锁。
scope-division = { $field }：{ $value }
award-provisional = 暂定
hall-provisional = 评分尚未完成，奖项为暂定

## 工作台：缺分、锁定与发布（pages 助手）

desk-progress-total = 已有 { $present } 个评分，应有 { $expected } 个，还缺 { $missing } 个。
desk-records = 记分员录入（无评委）
desk-owes = 缺 { $missing } / 共 { $expected }
desk-owe-nothing = 已齐（{ $count }）：{ $who }
desk-owes-more = ……另有 { $more } 项
desk-provisional-note = 评分尚未完成：奖项为暂定。
desk-no-action = 没有这个操作：“{ $action }”
desk-not-done = 未完成：{ $why }
desk-locked = 已锁定：{ $scope }
desk-unlocked = 已解锁：{ $scope }
desk-published-now = 成绩已发布：结果为最终成绩，评分不能再更改。
desk-published-already = 成绩已发布，不能再锁定、解锁或发布。
desk-not-locked = “{ $scope }”没有锁定。
desk-unlock-needs-reason = 解锁须填写原因（记入审计记录）。
desk-publish-needs-lock = 发布前请先锁定整个竞赛。

## 评委页：查找、下一个未评、进度（pages 助手）

judge-search = 查找选手
judge-search-help = 输入编号、姓名或序号
judge-next = 下一个未评
judge-progress = 已评 { $done } / 共 { $total }
judge-all-done = 全部已评，谢谢！
judge-no-match = 没有符合的选手

## 服务器打印的链接与消息（pages 助手）

serve-listening = podium serve：正在监听 { $url }
serve-hall = 大厅屏幕：{ $url }
serve-api = 成绩（JSON）：{ $url }
serve-desk = 组织者工作台：{ $url }
serve-judge = 评委 { $judge } { $name }：{ $url }
serve-lan = podium serve：正在所有网络接口上监听（--lan）：评委可用本机地址访问
serve-blind-codes = 盲评：请先用 `podium codes 竞赛目录` 给选手编号
serve-cannot-start = 无法启动服务器：{ $why }
serve-cannot-listen = 无法监听 { $address }：{ $why }
links-sheet-note = 评委专属评分链接：请妥善保管，勿转交他人。扫码即可在手机上评分。
links-sheet-written = 链接单：{ $path }
links-revoked = 已收回 { $who } 的旧链接；新链接：{ $url }
links-no-judge = 没有评委“{ $who }”
serve-stopping = 服务器正在关闭
serve-not-reached = 本次写入未处理到这一项，请重试
links-no-qr = 无法为 { $url } 生成二维码：{ $why }
links-sheet-unwritable = { $path }：无法写入链接单：{ $why }
serve-cannot-score = podium serve：无法计算成绩：{ $why }
