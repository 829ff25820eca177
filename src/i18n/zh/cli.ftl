# 命令行：错误的格式、竞赛文件的错误、状态、解释、帮助。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。

## 错误的格式（位置：文件:行:列）

diag-error = { $place }：错误：{ $message }
diag-error-in = { $place }：错误（{ $field }）：{ $message }
diag-warning = { $place }：警告：{ $message }
diag-warning-in = { $place }：警告（{ $field }）：{ $message }
diag-help = 提示：{ $help }

## 建议（您是不是要写……）

suggest-did-you-mean = 您是不是要写 `{ $name }`？
suggest-none-declared = 一个也没有声明
suggest-valid = 可用的有：{ $names }
suggest-valid-some = 可用的有：{ $names }……（共 { $count } 个）

## 公式

formula-unexpected = 多余的{ $what }
formula-token-number = 数字 `{ $number }`
formula-token-name = 名称 `{ $name }`
formula-too-deep = 括号、函数调用、`-` 和 `not` 在这里嵌套超过 { $depth } 层
formula-the-end = 公式结尾
formula-expected = 这里应为 { $what }，却是{ $found }
formula-too-long = 公式太长：最多 { $tokens } 个数字、名称、运算符和括号
formula-expected-atom = 这里应为数字、名称或 `(`，却是{ $found }
formula-ends-early = 公式没有写完
formula-unknown-function = 没有函数 `{ $name }`；{ $suggestion }
formula-takes-some = 一个或多个参数
formula-takes-clamp = 3 个参数：clamp(x, 下限, 上限)
formula-takes-if = 3 个参数：if(条件, 是, 否)
formula-takes-round = 2 个参数：round(x, 小数位数)
formula-takes-one = 1 个参数
formula-arity = `{ $name }` 需要{ $wanted }，给了 { $given } 个
formula-not-a-number = `{ $text }` 不是数字
formula-unexpected-character = 不认识的字符 `{ $character }`
formula-missing-input = 有一个输入没有值
formula-division-by-zero = 除以零
formula-overflow = 数值太大

formula-comma-or-bracket = `,` 或 `)`

## 竞赛文件（contest.ron）的错误

rules-id-unusable = 编号 `{ $id }` 不能使用
rules-id-unusable-help = 编号不能为空，只能用字母、数字、`_` 或 `-`（不能有点、逗号或空格）
rules-judge-twice = 评委编号 `{ $id }` 用了两次
rules-no-categories = 竞赛没有任何评分类别
rules-no-categories-help = 至少声明一个 Category(id: ..., criteria: [...])
rules-category-twice = 类别编号 `{ $id }` 用了两次
rules-category-empty = 类别 `{ $id }` 没有评分项
rules-criterion-twice = 评分项 `{ $key }` 声明了两次
rules-share-no-weight = 类别 `{ $id }` 按占总分的份额（Share）计分，却没有权重
rules-share-no-weight-help = 加上 `weight: 30`（它在总分中的分值），或改为 `score: Sum`
rules-share-no-max = 类别 `{ $id }` 按份额（Share）计分，但它的评分项都没有 `max`
rules-share-no-max-help = 给它的评分项写上 `max`，或改为 `score: Sum`
rules-too-many-cells = 竞赛有 { $count } 个评分格，最多支持 65535 个
rules-needs-marks = 评分项 `{ $key }` 需要写明分数范围
rules-needs-marks-help = 加上 `marks: (min: 0, max: 10, step: 0.5)`
rules-empty-range = `{ $key }` 的分数范围是空的：最低分 { $min } 不小于最高分 { $max }
rules-descriptor-outside = `{ $key }` 从 { $from } 分起的评分说明超出了 { $min } 到 { $max } 分的范围，或顺序不对
rules-descriptor-outside-help = 评分说明从最低分往上列，每一条都在该评分项的分数范围内
rules-step-not-positive = `{ $key }` 的步长必须大于 0，不能是 { $step }
rules-too-many-steps = `{ $key }` 的分数最高到 { $max }，步长 { $step }：级数太多，无法存储
rules-too-many-steps-help = 按这个步长，分数最多到 ±{ $limit }；请用更粗的步长或更大的单位（万元而不是元）
rules-formula-no-marks = `{ $key }` 是公式（Formula），不录入分数
rules-needs-max = 评分项 `{ $key }` 需要 `max`，即它的分值
rules-unknown-judge = 没有评委 `{ $id }`
rules-panel-no-judges = 评分项 `{ $key }` 由评委组打分，但竞赛没有声明评委
rules-panel-no-judges-help = 在竞赛中加上 `judges: [Judge(id: "J1", name: "..."), ...]`
rules-bysize-uncovered = `{ $key }` 的评委组有 { $count } 位评委，没有一条 BySize 规则适用于这个人数
rules-trim-leaves-nothing = 去掉 { $k } 个最高分和 { $k } 个最低分后，{ $count } 位评委的分数一个不剩
rules-trim-leaves-nothing-help = 少去掉几个分数，或用 BySize 规则
rules-bysize-empty = BySize 至少需要一组（人数, 规则）
rules-bysize-nested = BySize 里不能再套 BySize
rules-bysize-trim-leaves-nothing = { $size } 位评委时，去掉 { $k } 个最高分和 { $k } 个最低分后一个不剩
rules-bysize-increase = BySize 的人数必须递增：[(3, Mean), (5, TrimmedMean(1)), (7, TrimmedMean(2))]
rules-bands-empty = 分档（Bands）至少需要一档
rules-bands-order = 分档须按 `within` 从最严到最宽排列
rules-linear-same = 线性换算（Linear）的 `best` 和 `worst` 不能相同
rules-per-not-positive = `per`（每次的分值）必须大于 0，不能是 { $per }
rules-elements-none = 分项（Elements）评分项至少需要 1 个分项
rules-best-range = Best({ $n }) 保留的分项数须在 1 到 { $count } 之间
rules-table-order = 换算表中每个分数只列一次，且从小到大
rules-unknown-name = 没有名称 `{ $name }`；{ $suggestion }
rules-formula-reads-later = `{ $key }` 只能引用在它之前声明的评分项，`{ $name }` 不是
rules-formula-reads-category = `{ $name }` 是类别；评分项的公式引用评分项（`{ $name }.<评分项>`），类别在其后汇总
rules-unknown-criterion-in-formula = 没有评分项 `{ $name }`；{ $suggestion }
rules-in-formula = 公式 { $formula } 中：{ $message }
rules-weights-sum = 各类别权重合计 { $sum }，而总分（total_max）是 { $total_max }
rules-weights-list = 权重：{ $weights }
rules-unknown-category = 没有类别 `{ $id }`
rules-unknown-criterion = 没有评分项 `{ $key }`（写作 类别.评分项）
rules-rounding-places = { $places } 位小数超过了支持的 20 位
rules-teams-best = Best(k) 的 k 至少为 1
rules-awards-not-division = 奖项按 `{ $name }` 分组评定，但它不是竞赛的分组（divisions）之一
rules-awards-not-division-help = 把 "{ $name }" 加到 `divisions` 中；{ $suggestion }
rules-awards-no-tier = 一组奖项至少需要一个等级
rules-shares-over = `{ $id }` 的比例合计 { $share }%，超过了 100%
rules-shares-over-help = 每个 Share 是该等级自己占参赛者的百分比，在它上面的等级之后计算
rules-award-bysize-order = BySize 按人数递增列出（参赛人数, 获奖数）：[(1, 1), (10, 2), (20, 3)]

## 竞赛文件的写法（RON）

ron-add-field-to = 在 { $outer } 中加上 `{ $field }: ...`
ron-add-field = 在这一项中加上 `{ $field }: ...`
ron-no-such-field = { $outer } 没有字段 `{ $found }`
ron-no-such-variant = { $outer } 没有 `{ $found }` 这一种
ron-missing-field = { $outer } 缺少字段 `{ $field }`
ron-duplicate-field = { $outer } 的字段 `{ $field }` 写了两次
ron-wrong-value = 这里应为{ $expected }，却是{ $found }
ron-value = 这个值不对：{ $message }
ron-eof = 文件在这里意外结束（少了右括号？）
ron-expected-comma = 这里少了逗号 `,`
ron-expected-end = 这里应有右括号（`)`、`]` 或 `{ "}" }`）
ron-expected-string-end = 字符串没有结束：少了右引号 `"`
ron-expected-string = 这里应为带引号的文字
ron-expected-number = 这里应为数字
ron-unexpected-char = 不认识的字符 `{ $character }`
ron-trailing = 竞赛定义结束后还有多余的内容
ron-other = 文件写法有误（RON：{ $message }）
contest-not-found-help = CONTEST 是含有 { $file } 的文件夹或这个文件的路径；`podium init 文件夹` 可以新建一个

## 锁定与公布的范围

cli-scope-contest = 整个竞赛
cli-scope-criterion = 评分项 `{ $key }`
cli-scope-category = 类别 `{ $id }`
cli-scope-division = 分组 { $field }={ $value }
cli-scope-unknown-criterion = `--criterion`：没有评分项 `{ $key }`；{ $suggestion }
cli-scope-unknown-category = `--category`：没有类别 `{ $id }`；{ $suggestion }
cli-scope-division-form = `--division`：请写成 字段=值，例如 trade=welder（而不是 `{ $text }`）
cli-scope-not-a-division = `--division`：`{ $field }` 不是分组字段；{ $suggestion }
cli-scope-division-empty = `--division`：没有选手的 { $field } 是 `{ $value }`
cli-scope-one = 只能指定一个范围：`--criterion`、`--category` 或 `--division`（都不写即整个竞赛）
cli-scope-not-a-scope = `{ $text }` 不是范围：contest、criterion 评分项、category 类别 或 division 字段=值
cli-lock-published = 成绩已公布（#{ $seq }），不能再更改
cli-lock-locked = { $scope }已锁定（#{ $seq }）；裁判长可用 `podium unlock` 解锁
cli-lock-already = { $scope }已经锁定（#{ $seq }）
cli-lock-done = 已锁定{ $scope }（#{ $seq }）
cli-unlock-not-locked = { $scope }没有锁定
cli-unlock-not-locked-but = { $scope }没有锁定；目前锁定的是：{ $locked }
cli-unlock-needs-reason = 解锁{ $scope }需要说明理由：`--reason "……"`（记入审计记录）
cli-unlock-done = 已解锁{ $scope }（#{ $seq }）
cli-publish-needs-lock = 公布前先锁定整个竞赛：`podium lock 竞赛文件夹`
cli-publish-done = 已公布（#{ $seq }）：成绩为最终结果，任何分数都不能再改

## 录入分数（podium mark）

cli-mark-login-name = 登录名
cli-mark-cell = 选手 { $entry } 的评分项 `{ $criterion }`
cli-mark-not-stored = 分数未录入，什么也没有保存：{ $why }
cli-mark-refused-flag = 分数未录入，什么也没有保存：`{ $flag }` { $why }
cli-mark-refused-at = 分数未录入，什么也没有保存（{ $cell }）：`{ $flag }` { $why }
cli-mark-refused-cell = 分数未录入，什么也没有保存：{ $cell }：{ $why }
cli-mark-described = 选手 { $entry } 评分项 `{ $criterion }`
cli-mark-described-judge = { $cell } 评委 { $judge }
cli-mark-described-element = 选手 { $entry } 评分项 `{ $criterion }` 第 { $element } 分项
cli-mark-confirmed = 已核对 #{ $seq }：{ $cell } = { $value }
cli-mark-already-confirmed = { $cell } = { $value } 已经核对过
cli-mark-not-confirmed = 未核对：{ $cell }：{ $why }
cli-mark-stored = 已保存 #{ $seq }：{ $cell } = { $value }
cli-mark-same = { $cell } 已经是 { $value }（#{ $seq }）；没有保存新记录
cli-mark-correct-needs-reason = 分数未录入，什么也没有保存：{ $cell } 已经是 { $value }（#{ $seq }）；要更正，请用 `--reason` 说明理由
cli-mark-stored-correction = 已保存 #{ $seq }：{ $cell } { $from } → { $value }（更正 #{ $replaces }：{ $reason }）

## 帮助（--help）：clap 的用词

help-template = {"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = 选项
help-heading-arguments = 参数
help-heading-commands = 命令
help-heading-example = 示例：
help-value-command = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-choices = （可选：{ $choices }）
help-default = （默认：{ $value }）
clap-error = 错误：{ $message }
clap-usage = 用法：{ $usage }
clap-more = 更多信息请用 `--help`。
clap-unknown-argument = 不认识的参数 `{ $arg }`
clap-unknown-command = 没有命令 `{ $command }`
clap-invalid-value = `{ $value }` 不是 `{ $arg }` 可用的值
clap-valid = 可用的值：{ $values }
clap-missing = 缺少必需的参数：{ $args }
clap-missing-command = 缺少命令
clap-conflict = `{ $arg }` 不能与 `{ $other }` 同时使用
clap-values = `{ $arg }` 的值个数不对
clap-no-equals = `{ $arg }` 的值要用等号写：`{ $arg }=值`
clap-other = 参数有误（{ $message }）

## 帮助（--help）：各命令和参数

help-podium = 技能竞赛和劳动竞赛的精确评分：检查竞赛文件、录入分数、计算名次和奖项、输出成绩
help-podium-example = {"  "}podium init 焊工比赛 --template skills-duel
    {"  "}podium check 焊工比赛
    {"  "}podium score 焊工比赛
help-arg-lang = podium 所说的语言（不写则按环境变量 PODIUM_LANG，再按系统语言）
help-arg-contest = 竞赛文件夹（含 contest.ron），或 contest.ron 的路径
help-arg-marks = 用这个 CSV 中的分数代替竞赛的分数文件
help-arg-by = 录入人（默认：您的登录名），记入审计记录
help-arg-reason = 理由，记入审计记录
help-arg-output = 写入这个文件，而不是标准输出
help-arg-division = 只看这一组：一个值（`welder`）或 `字段=值`
help-arg-base = 评委访问服务器的地址
help-arg-font = 绘图用的字体文件（.ttf/.otf），代替内置字体
help-arg-top = 显示多少名
help-arg-criterion = 评分项，写作 `类别.评分项`
help-arg-category = 类别编号
help-arg-judge = 评委编号
help-arg-verify = 双人录入：核对另一名录入员已录入的分数，一致则确认

help-check = 检查竞赛、选手名单和分数，列出所有问题
help-check-example = {"  "}podium check 焊工比赛
help-score = 为每位选手计分，输出排行榜
help-score-example = {"  "}podium score 焊工比赛
    {"  "}podium score 焊工比赛 --format xlsx -o 成绩.xlsx
help-score-format = 输出格式
help-score-headers = CSV 与 XLSX 的列名：words 为所选语言的文字，ids 为脚本使用的英文标识（与以前相同）
help-score-teams = 团体排行榜（由成员成绩合成）
help-chart = 根据计分结果画奖项图表（PNG 或 SVG）
help-chart-example = {"  "}podium chart 焊工比赛 leaderboard -o 排行榜.png
help-chart-kind = 图表的种类
help-chart-output = 要写入的文件（`.png` 或 `.svg`）；不写则为本文件夹中的 种类.png
help-chart-format = PNG 或 SVG；默认按输出文件的扩展名
help-chart-size = 宽x高（像素），或 1080p（大厅屏幕）、4k、a4（300 dpi）、a4-portrait
help-chart-top = 图表显示多少名选手（或多少组）
help-chart-entries = 雷达图显示的选手（可重复此参数）；不写则为前三名
help-chart-by = 分组比较所按的字段（一个分组字段或 `organisation`）
help-report = 写出竞赛报告：概况、奖项、排行榜、图表、每位选手的得分明细和文字版规则，为一个独立的 HTML 文件
help-report-example = {"  "}podium report 焊工比赛 -o 报告.html
help-serve = 运行现场服务：评委页面（各凭专属链接）、组委会工作台和大厅实时排行榜
help-serve-example = {"  "}podium serve 焊工比赛 --lan --base http://192.168.1.20:8080
help-serve-bind = 监听的地址（不加 `--lan` 时只限本机）
help-serve-lan = 在所有网络接口上监听，供评委手机通过现场网络访问
help-serve-base = 链接中显示的地址，例如 http://192.168.1.20:8080
help-serve-top = 大厅屏幕显示多少名
help-judges = 评委的专属链接：列出，或作废一个并发放新的
help-judges-example = {"  "}podium judges links 焊工比赛 --sheet 评委链接.html
help-judges-links = 列出每位评委的链接和组委会工作台的链接
help-judges-links-example = {"  "}podium judges links 焊工比赛 --base http://192.168.1.20:8080 --sheet 评委链接.html
help-judges-links-sheet = 同时写出一页可打印的二维码，每位评委一个
help-judges-revoke = 作废一位评委（或 `admin` 即工作台，或流程中的某个角色）的链接，并显示新链接
help-judges-revoke-example = {"  "}podium judges revoke 焊工比赛 J2
help-judges-revoke-who = 评委编号、`admin`，或 `workflow.roles` 中的角色编号
help-explain = 逐步说明一位选手从原始分数到总分、名次和奖项的计算
help-explain-example = {"  "}podium explain 焊工比赛 W07
help-explain-entry = 选手编号
help-mark = 向分数库录入一个分数：按竞赛规则检查，持久保存，或说明拒绝的理由。更正需要 `--reason`
help-mark-example = {"  "}podium mark 焊工比赛 --judge J1 --entry W07 --criterion practical.workmanship 8.5
help-mark-judge = 打这个分数的评委（没有评委的记录留空）
help-mark-entry = 选手编号（盲评时为代码）
help-mark-element = 分项编号，用于有分项的评分项
help-mark-reason = 更正已有分数的理由（记入审计记录）
help-mark-value = 分数
help-import = 把分数 CSV（entry,criterion,element,judge,value）导入分数库：要么全部导入，要么一个都不导入；同一文件再导入不会重复保存
help-import-example = {"  "}podium import 焊工比赛 评分表-J1.csv
help-import-file = 要导入的分数文件
help-import-reason = 允许文件更正已保存的分数，理由为此
help-import-verify = 双人录入：文件是第二名录入员对已录入评分表的录入；一致的分数被确认，不一致的列出
help-codes = 盲评：给每位选手一个匿名代码，并列出
help-codes-example = {"  "}podium codes 焊工比赛 -o 代码表.csv
help-codes-output = 把代码表（代码、选手、姓名、单位）写到这里
help-lock = 锁定整个竞赛，或一个评分项、类别或分组：解锁前其分数不能更改
help-lock-example = {"  "}podium lock 焊工比赛 --criterion practical.workmanship
help-unlock = 解锁 `lock` 锁定的范围（必须说明理由，记入审计记录）
help-unlock-example = {"  "}podium unlock 焊工比赛 --criterion practical.workmanship --reason "复核第 7 号"
help-publish = 公布最终成绩：竞赛须已锁定；之后不能再更改
help-publish-example = {"  "}podium publish 焊工比赛
help-status = 还缺什么、有什么被标记：按评分项、评委和选手列出完成情况
help-status-example = {"  "}podium status 焊工比赛
help-export = 从分数库导出
help-export-example = {"  "}podium export marks 焊工比赛 -o 分数.csv
help-export-marks = 当前的分数，为 `import` 可读的 CSV
help-export-marks-example = {"  "}podium export marks 焊工比赛 -o 分数.csv
help-audit = 分数库的审计记录
help-audit-example = {"  "}podium audit verify 焊工比赛
help-audit-verify = 检查没有记录在 podium 之外被修改、删除或插入
help-audit-verify-example = {"  "}podium audit verify 焊工比赛
help-audit-log = 分数的历史：谁在何时录入了什么，以及每次更正
help-audit-log-example = {"  "}podium audit log 焊工比赛 --entry W07
help-audit-log-entry = 只看这位选手
help-audit-log-criterion = 只看这个评分项
help-audit-log-judge = 只看这位评委
help-init = 用内置示例之一新建一个竞赛文件夹
help-init-example = {"  "}podium init 焊工比赛 --template skills-duel
help-init-dir = 新的竞赛文件夹
help-init-template = 从哪个示例开始（见 `podium init --list`）
help-init-list = 列出示例
help-gen = 生成一个大规模的模拟竞赛，由种子确定
help-gen-example = {"  "}podium gen /tmp/大赛 --entries 5000 --criteria 30 --judges 7
help-gen-dir = 新的竞赛文件夹
help-gen-entries = 选手人数
help-gen-criteria = 评分项个数
help-gen-judges = 评委人数
help-gen-panel = 每位选手的评委组人数，从 `--judges` 中抽取并写入 assignments.csv（默认：每位评委给每位选手打分）
help-gen-seed = 随机种子

## 完成情况（podium status）

status-no-judge = （无评委的记录）
status-missing = 选手 { $entry } 评分项 `{ $criterion }` 评委 { $judge }
status-missing-element = 选手 { $entry } 评分项 `{ $criterion }` 第 { $element } 分项 评委 { $judge }
status-marks = 评分：应有 { $expected } 个，已有 { $done } 个（{ $share }%）；{ $total } 名选手中 { $missing } 名缺分
status-scope = { $scope }（#{ $seq }）
status-list-separator = 、
status-unconfirmed = 未经复核确认的评分（双人录入）：{ $count } 个（不计入排名）
status-unconfirmed-counted = 未经复核确认的评分（双人录入）：{ $count } 个（计入暂定排名）
status-published = 状态：成绩已公布，不可再改（#{ $seq }）
status-open = 状态：开放录入
status-locked = 状态：已锁定{ $scopes }
status-by-criterion = 按评分项：
status-by-judge = 按评委：
status-missing-heading = 缺少的评分（{ $count } 个）：
status-more = ……另有 { $count } 个
status-flagged = 需处理的标记：
status-more-entries = ……另有 { $count } 名选手

## 审计记录（podium audit）

audit-no-store = { $path }：还没有分数库；`podium import` 或 `podium mark` 会建立它
audit-intact = 完好：共 { $count } 条记录，哈希链完整（{ $path }）
audit-head = 最新：#{ $seq } { $hash }
audit-changed = 分数库在 podium 之外被改动过：{ $count } 处问题
audit-cell = 选手 { $entry } 评分项 `{ $criterion }` 评委 { $judge }
audit-cell-element = 选手 { $entry } 评分项 `{ $criterion }` 第 { $element } 分项 评委 { $judge }
audit-marked = { $cell } { $value }
audit-corrected = { $cell } { $from } → { $value }（更正 #{ $replaces }：{ $reason }）
audit-confirmed = { $cell } { $value } 已核对（#{ $mark } 的第二次录入）
audit-lock = 锁定
audit-unlock = 解锁
audit-publish = 公布
audit-state = { $action }{ $scope }
audit-state-reason = { $action }{ $scope }（{ $reason }）
audit-line = #{ $seq } { $at } 由 { $actor }（{ $source }）：{ $what }
audit-none = 没有符合条件的记录

## 读入竞赛时的警告（load）

load-assigned-unknown = 评委 { $judge } 被分配了 `{ $id }`，但名单中没有这名选手
load-elements-unused = 这份分项数据没有用上：竞赛文件没有写到它
load-elements-unused-help = 在竞赛文件中写上：files: (elements: "elements.csv")
load-file-not-comparable = 这份分数文件不参与计分（计分用的是分数库），也无法与分数库比对：有 { $count } 处问题
load-file-not-comparable-help = 查看这些问题：`{ $command }`
load-file-left-out = 这份分数文件中有 { $count } 个分数不参与计分：{ $absent } 个分数库里没有，{ $different } 个与分数库中的值不同；计分用的是分数库中的分数
load-file-left-out-help = 要导入它们：`{ $command }`（与已存分数不同的，需要用 `--reason` 说明更正理由）
load-stored-mark = 已存的分数（选手 { $entry } 评分项 `{ $criterion }` 评委 { $judge }）：{ $why }
load-stored-mark-help = 录入这个分数之后竞赛文件改过了：请改正竞赛文件，或用 `podium mark --reason` 更正分数
load-cell-twice = 分数库中同一格有两个分数

## 分数库

store-entry-unreadable = 无法读取选手 { $entry } 的当前分数：分数库在 podium 之外被改动过（请运行 `podium audit verify`）
store-busy = 分数库正忙：另一个程序正在写入（在导入？）；什么也没有保存，请稍后再试
store-read-only = 分数库是只读的（文件或其文件夹不能写入：归档、只读介质或其他用户的文件），因此不能录入或更改；只读的命令（score、status、export、audit、report、chart、explain）可以使用；要录入分数，请把竞赛文件夹复制到可写的位置
store-sqlite = 分数库出错（SQLite：{ $error }）
store-other-layout = 这个分数库的表结构是第 { $layout } 版，本 podium 读取第 { $ours } 版：请用建立它的 podium 导出分数，再导入新的分数库
store-unnumbered-layout = 这个分数库的表结构早于编号的版本，本 podium 读取第 { $ours } 版：请用建立它的 podium 导出分数，再导入新的分数库
store-cannot-open = 无法打开分数库（{ $error }）
store-wal-read-only = 无法读取分数库：它的文件夹不能写入，而 { $wal } 中有尚未并入分数库的提交，SQLite 只能通过在旁边新建的文件读取它们；请把竞赛文件夹复制到可写的位置再读取
store-old-layout-read-only = 这个分数库的表结构是第 { $layout } 版，podium 需先把它升级到第 { $ours } 版才能读取，而它是只读的：请把竞赛文件夹复制到可写的位置，在那里运行一次任意 podium 命令（日志不会被改动）
store-not-stored = 分数没有保存（{ $error }）
store-no-random = 系统没有提供随机数（{ $error }）
tamper-changed = 记录 #{ $seq } 与哈希链不符：它在 podium 之外被修改或插入
tamper-removed = #{ $after } 与 #{ $before } 之间的记录被删除了
tamper-truncated = 日志止于 #{ $last }，而 podium 最后写入的是 #{ $head }：有记录被删除
tamper-appended = 记录 #{ $first }..#{ $last } 是在 podium 之外添加的（podium 最后写入的是 #{ $head }）
tamper-current = 选手 { $entry } 评分项 `{ $criterion }` 分项 { $element } 评委 { $judge } 的当前分数与日志不符
tamper-unreadable = 无法读取选手 { $entry } 的当前分数：它们在 podium 之外被修改过

## 评委组的计分规则（explain 等）

panel-mean = 取平均
panel-median = 取中位数
panel-sum = 求和
panel-min = 取最低分
panel-max = 取最高分
panel-trimmed-mean = 去掉最高、最低各 { $k } 个后取平均
panel-trimmed-sum = 去掉最高、最低各 { $k } 个后求和
panel-closest-pair = 取最接近的两个分数的平均
panel-by-size = 按评委人数选用规则
panel-named = { $words }（`{ $name }`）
spread-flag = 照常计分并标记
spread-use-all = 不去掉分数，全部计入并标记
spread-block = 暂不计分，待更正

## 名次和并列（explain）

key-total = 总分
key-category = 类别“{ $label }”（`{ $id }`）的得分
key-criterion = 评分项 `{ $key }` 的得分
key-highest-mark = 评分项 `{ $key }` 的单项最高分
key-fewer-deductions = 扣分较少
key-field = 字段 `{ $name }`
explain-no-entry = 本竞赛没有选手 `{ $id }`；{ $suggestion }
explain-division = { $field }：{ $value }
explain-division-place = { $field }：{ $value }，组内第 { $rank } 名
explain-division-place-tied = { $field }：{ $value }，组内并列第 { $rank } 名
explain-steps = 计算步骤：
explain-total = 总分 { $total }
explain-place = 总名次：第 { $rank } 名
explain-place-tied = 总名次：并列第 { $rank } 名
explain-not-ranked = 未排名：有评分项尚未得出分数
explain-flag = 标记：{ $flag }
explain-award = 奖项：{ $award }（`{ $set }`）
explain-tied-all = 与 { $id } 总分相同，所有并列规则也都相同
explain-above = 与 { $id } 总分相同；按{ $by }排在其前（{ $mine } 比 { $theirs }）
explain-below = 与 { $id } 总分相同；按{ $by }排在其后（{ $mine } 比 { $theirs }）

trace-record-mark = 记录 { $value }

## 其他命令（init、gen、judges、serve、codes、score）与数字

init-template-construction = 五比五赛（建设工程劳动竞赛）：班组、扣分、加分、安全一票否决
init-template-skills-duel = 区级电工、焊工技能比武：实测与评判，按工种评奖
init-template-judged-panel = 评委组打分项目：带难度系数的分项，5 或 7 位评委去掉最高最低分
init-template-monthly-teams = 班组月度考核：一票否决与封顶
init-template-district-duel = 区级数控车工技能比武（两个阶段）：理论预赛前 30 名（含并列）进入实操决赛，决赛带入 25% 理论成绩
init-template-three-rounds = 市职工太极拳比赛（三轮）：预赛、半决赛、决赛，逐轮累计，每轮后的排名
init-template-knockout = 叉车司机擂台赛：第一轮两两淘汰加两名最好的负者，晋级者排在被淘汰者之前
init-no-template = init：没有示例 `{ $template }`；{ $suggestion }
init-exists = init：{ $dir } 中已有 contest.ron；请换一个新文件夹，以免覆盖
init-cannot-create = init：无法建立 { $dir }（{ $error }）
init-cannot-write = init：无法写入 { $path }（{ $error }）
init-made = 已从示例 `{ $template }` 建立 { $dir }：编辑 contest.ron，然后运行 `podium check { $dir }`
gen-at-least-one = gen：`--entries`、`--criteria`、`--judges` 和 `--panel` 都至少为 1
gen-panel-too-large = gen：`--panel` 从 `--judges` 中抽取每位选手的评委，不能比它大
gen-cannot-create = { $dir }：无法建立文件夹（{ $error }）
gen-wrote = 已写入 { $dir }：{ $entries } 名选手 × { $criteria } 个评分项 × { $judges } 位评委 = { $marks } 个分数
codes-cannot-write = { $path }：无法写入（{ $error }）
score-xlsx-needs-output = `--format xlsx` 写出的是工作簿文件：请用 `--output 成绩.xlsx` 指定
score-blind-teams = 盲评：团体排行榜会显示单位，成绩公布后才能查看
score-cannot-write-to = { $path }：无法写入排行榜（{ $error }）
score-cannot-write = 无法写出排行榜（{ $error }）
number-too-large = { $value } 太大
number-too-large-help = 竞赛中的数字在 -{ $max } 到 { $max } 之间
number-too-precise = { $value } 有 { $places } 位小数
number-too-precise-help = 竞赛中的数字最多 { $places } 位小数
number-write-as-string = { $value } 太大或太精确；请写成带引号的字符串
number-not-decimal = "{ $value }" 不是十进制数
number-not-finite = 数字必须是有限的

clap-invalid-value-why = `{ $value }` 不是 `{ $arg }` 可用的值：{ $why }

audit-cell-no-judge = 选手 { $entry } 评分项 `{ $criterion }`

cli-the-reason = 理由

text-control-character = { $field }含有控制字符 { $code }：请写成一行纯文本（不要换行、制表符、转义码或方向标记）

## 计算步骤（explain 中的每一步）

trace-category-share = 类别 { $id }：{ $points } / { $max } 分 × 权重 { $weight } = { $score }
trace-category-sum = 类别 { $id }：合计 { $points } × { $weight } = { $score }
trace-veto-no-award = 不得评奖
trace-veto-zero-category = 类别 { $id } 计 0 分
trace-veto-cap = 总分封顶 { $cap }
trace-veto = 一票否决 { $id }（{ $when }）成立：{ $effect }
trace-total-capped = 总分：{ $sum }，因否决项封顶 { $cap } → { $value }
trace-total = 总分：{ $sum } → { $value }
trace-too-large = 数值超出精确计算的范围（±{ $max }）

## 评分项的计算步骤（explain）

trace-not-scored = { $key } 未评出：{ $label }
trace-marks-points = { $key }：评分 { $panel }（满分 { $scale }）折合 { $max } 分
trace-deviation-within-points = { $key }：偏差 { $deviation } 在 { $within } 以内 → { $points } 分
trace-deviation-outside-every-band = { $key }：偏差 { $deviation } 超出各档 → { $otherwise } 分
trace-line-share = { $key }：{ $value } 在 { $worst }（0 分）到 { $best }（{ $max } 分）之间 → 比例 { $share }
trace-capped = { $key }：{ $count } × { $per } = { $uncapped }，封顶 { $points }
trace-best-elements-count = { $key }：{ $count } 个动作取最好的 { $n } 个
trace-formula-gives = { $key }：公式结果 { $result }
trace-element-has-no-element = 第{ $element }个动作缺少动作数据
trace-reads-which-has-no = 它引用的 { $key } 没有分数
trace-formula-failed-division-zero = 公式除以零
trace-formula-failed = 公式计算失败：{ $other }
trace-element = { $key } 第{ $number }个动作
trace-no-record-counts-as = { $label }：无记录，按 0 计
trace-judge-gave-which-conversion = 评委 { $judge } 给出 { $value }，折算表中没有此分值
trace-marks-converted = { $label }：评分 { $from } 折算为 { $to }
trace-this-entry-s-panel = { $label }：本参赛者的评委为 { $names }（其余回避）
trace-no-mark-judge = 缺少评委 { $names } 的评分
trace-no-judge-has-marked = 没有评委评分
trace-judge-missing-others-mean = { $label }：缺评委 { $names }，以其他评委平均分 { $mean } 代替
trace-marks-apart-more-than = { $label }：评分差 { $width }，超过允许的 { $limit }（{ $resolve }）
trace-marks-are-apart-more = 评分差 { $width } 超过允许的 { $limit }，请更正评分
trace-no-marks = 没有评分
trace-marks-are-too-few = { $marks } 个评分不足以按 `{ $rule }` 计算
trace-dropping-low-high = ，去掉最低 { $low } 和最高 { $high }
trace-marks = { $label }：评分 { $all } → { $applied }{ $dropped } → { $result }

## 帮助：评分表（podium sheets）

help-sheets = 为每位评委生成纸质评分表：选手纵列、评分项横列，附分数范围和签名栏；每位评委一个文件，以其编号命名（OUT/J1.xlsx、OUT/J1.html）。填好的评分表用 `podium import` 导入
help-sheets-example = {"  "}podium sheets 焊工比赛 --format xlsx -o 评分表
help-sheets-judge = 只生成这位评委的评分表
help-sheets-format = xlsx 或 html；不写则两种都生成
help-sheets-output = 写入的文件夹（默认：竞赛文件夹中的 `sheets`）

## 分阶段的竞赛（stages）
rules-stage-twice = 阶段 `{ $id }` 写了两次
rules-stage-category-unused = 类别 `{ $id }` 不属于任何阶段
rules-stage-category-unused-help = 分阶段的竞赛，每个类别要写进一个阶段的 `categories`
rules-stage-misplaced = 分阶段的竞赛不用顶层的 `{ $field }`
rules-stage-misplaced-help = 请把它写进每个阶段（`Stage(…, { $field }: …)`）
rules-stage-teams = 分阶段的竞赛暂不支持团体合成（`teams`）
rules-stage-no-categories = 阶段 `{ $id }` 没有类别
rules-stage-category-twice = 类别 `{ $id }` 已属于阶段 `{ $stage }`，一个类别只能属于一个阶段
rules-stage-category-is-carried = 类别 `{ $id }` 与本阶段带入的阶段同名
rules-stage-first-has-none = 第一个阶段之前没有阶段
rules-stage-not-earlier = 阶段 `{ $stage }` 引用的 `{ $id }` 不是它之前的阶段
rules-stage-carry-percent = 带入阶段 `{ $id }` 的百分比要大于 0
rules-stage-last-advances = 最后一个阶段 `{ $id }` 之后没有阶段，不能写晋级规则（`advance`）
rules-stage-last-advances-help = 最后一个阶段的名次就是最终名次；奖项写在顶层的 `awards`
rules-stage-advance-none = 阶段 `{ $id }` 的晋级规则不会让任何人晋级
rules-stage-advance-none-help = `Top` 和 `Heats` 的人数至少是 1，`Share` 的百分比在 0 到 100 之间
rules-stage-cap-zero = 每组晋级人数上限（`cap`）至少是 1
trace-carried = 带入{ $stage }成绩 { $total }
trace-carried-none = 没有{ $stage }成绩可带入
score-no-stages = 本竞赛不分阶段，没有阶段 `{ $stage }`（不用 --stage 即为排行榜）
score-unknown-stage = 没有阶段 `{ $stage }`；{ $suggestion }
score-stages-teams = 分阶段的竞赛暂无团体排行榜
help-score-stage = 分阶段的竞赛：某一阶段结束后的排名（阶段的 id），而不是最终名次
explain-stage = 第 { $number } 阶段：{ $stage }
explain-round-place = 本轮名次（只计本阶段成绩）：{ $rank }
explain-behind = 落后第一名 { $behind } 分
explain-classified = 最终名次：{ $rank }（止步于{ $stage }）
explain-not-classified = 未排名：在{ $stage }没有得出总分
advance-through = 晋级：{ $why }
advance-out = 未晋级：{ $why }
advance-everyone = 本阶段排名的选手全部晋级
advance-place = 名次 { $rank }，前 { $top } 名晋级（与第 { $top } 名并列者同样晋级）
advance-total = 总分 { $total }，达到 { $bound } 分者晋级
advance-heat = 在 { $heat } 组排第 { $place }，每组前 { $winners } 名晋级
advance-best-other = 各组胜者之外排第 { $place }，其余选手中成绩最好的 { $taken } 名晋级
advance-capped = { $group } 已有 { $cap } 名晋级，每组最多 { $cap } 名
advance-unranked = 本阶段没有总分
explain-stage-place = 本阶段名次（含带入成绩）：{ $rank }
stage-marks-unreached = 有 { $count } 名选手未进入{ $stage }，却有该阶段的评分，这些评分不计分：{ $entries }
stage-marks-unreached-help = 请核对这些评分是否录错了选手编号；`podium score 竞赛 --stage 阶段` 列出每个阶段的晋级者

## 逐级晋级（podium advance）与比赛活动一览（podium campaign）

help-advance = 把已锁定比赛的晋级选手加入上一级比赛的选手名单，并记下来自哪场比赛、第几名
help-advance-example = {"  "}podium advance 甲厂焊工 城东街道焊工 --top 3
    {"  "}podium advance 甲厂焊工 城东街道焊工 --award first
help-advance-source = 晋级选手所在的比赛（须已锁定，且每名选手都已评出成绩）
help-advance-target = 上一级的比赛，晋级选手加入它的选手名单
help-advance-top = 前 N 名晋级，与第 N 名并列的选手一同晋级
help-advance-award = 获得这一奖项等级（奖项编号，如 `first`）的选手晋级；可重复此参数
help-advance-division = 只取来源比赛的这一组（`welder` 或 `trade=welder`），按组内名次晋级
help-campaign = 比赛活动一览：各级、各工种的每场比赛，其选手人数、状态，以及获奖选手和他们来自哪里
help-campaign-example = {"  "}podium campaign 区焊工比武
    {"  "}podium campaign 区焊工比武 --format csv -o 一览.csv
help-campaign-folder = 比赛活动的文件夹（含 campaign.ron），或 campaign.ron 的路径
help-campaign-format = 输出格式
advance-same = 来源比赛与目标比赛是同一场比赛（{ $contest }）
advance-not-locked = 比赛 { $contest } 尚未锁定：成绩锁定后才能确定晋级名单，未写入任何内容
advance-lock-help = 核对成绩后运行 `{ $command }`
advance-target-locked = 目标比赛 { $contest } 已锁定或已公布：它的选手名单不能再增加选手，未写入任何内容
advance-no-tier = 比赛 { $contest } 没有奖项等级 `{ $tier }`
advance-unscored = 比赛 { $contest } 还有 { $count } 名选手没有评出成绩（{ $ids }）：全部评完才能确定晋级名单，未写入任何内容
advance-incomplete = 比赛 { $contest } 的评分尚未完成，名次还可能变化：`{ $command }` 列出缺少的分数；未写入任何内容
advance-origin = 来自 { $contest } 第 { $place } 名
advance-origin-own = 本级直接报名
advance-clash = 编号 { $id } 已在目标比赛的名单中（{ $there }），又作为 { $contest } 第 { $place } 名晋级
advance-clash-help = 一份名单中编号不能重复：请在来源比赛中改用不重复的编号（如加上单位的字母）。未写入任何内容。
advance-cannot-write = 无法写入 { $file }：{ $why }
advance-not-csv = 目标比赛的选手名单 { $file } 不是 CSV 文件：晋级选手只能加入 CSV 名单
advance-no-column = { $file } 的表头没有 `{ $column }` 列，未写入任何内容
advance-add-columns = 在表头末尾加上 `{ $from_contest }` 和 `{ $from_place }` 两列（已有的每一行末尾各加两个逗号），用来记录晋级选手来自哪场比赛、第几名
advance-none = 没有选手符合晋级条件，名单未改动
advance-added = 已把 { $count } 名选手加入 { $target } 的选手名单：{ $ids }
advance-already = { $count } 名选手此前已经晋级，没有重复加入：{ $ids }
campaign-state-open = 进行中
campaign-state-locked = 已锁定
campaign-state-published = 已公布
campaign-contest = 【{ $level } · { $trade }】{ $name }（文件夹 { $folder }）
campaign-count = { $entries } 名选手，{ $state }
campaign-no-winners = 尚无获奖选手
campaign-from-level = 来自{ $contest }（{ $level }）第 { $place } 名
campaign-from = 来自 { $contest } 第 { $place } 名
campaign-column-level = 级别
campaign-column-trade = 工种
campaign-column-contest = 比赛
campaign-column-folder = 文件夹
campaign-column-entries = 选手人数
campaign-column-state = 状态
campaign-column-from-contest = 来源比赛
campaign-column-from-place = 原名次
explain-from = 晋级自 { $contest }，原名次第 { $place } 名
init-template-campaign-district = 两级焊工比武（企业 → 镇街）：`podium advance` 晋级、`podium campaign` 一览
init-made-campaign = 已从示例 `{ $template }` 建立比赛活动 { $dir }：在 campaign.ron 中写明级别、工种和各场比赛，然后运行 `podium campaign { $dir }`

## Contests run in stages: what the review of stages found
rules-stage-carry-twice = 赛段 `{ $stage }` 两次带入赛段 `{ $id }` 的成绩；`carry` 中每个此前赛段只能写一次
rules-stage-too-many = 该竞赛有 { $count } 个赛段，最多允许 { $max } 个
rules-stage-too-many-help = 赛段是选手依次经过的各轮比赛（预赛、半决赛、决赛）；由许多独立比赛组成的活动应写成多个竞赛组成的赛事（campaign）
stage-heat-missing = 有 { $count } 名选手的 `{ $field }` 为空，而赛段 `{ $stage }` 按它分组对阵：{ $entries }
stage-heat-missing-help = 请在 `{ $field }` 列为每名选手填写所在对阵组；留空的选手会被分到同一组对阵
stage-none-through = 赛段 `{ $stage }` 有 { $ranked } 名选手取得名次，却无人晋级：其后各赛段没有选手
stage-none-through-help = `Share` 按有成绩人数的百分比向下取整，人数少、比例小时为 0 人；`AtLeast` 的分数线无人达到时也无人晋级；请检查该赛段的 `advance`

## 按期考核（podium periods）
help-periods = 按期（每月）考核：汇总榜（各班组每期得分、汇总分、名次、奖项、流动红旗、禁评），或一个班组的全年成绩单
help-periods-example = {"  "}podium periods 二厂班组考核2026
    {"  "}podium periods 二厂班组考核2026 --roll-up q1
    {"  "}podium periods 二厂班组考核2026 --team T05
help-periods-folder = 考核系列的文件夹（含 periods.ron），或 periods.ron 的路径
help-periods-roll_up = 显示哪一个汇总（其 id，如季度 `q1`；不写则为最后声明的一个，通常是全年）
help-periods-team = 一个班组的全年成绩单：每一期，然后每一个汇总
help-periods-format = 输出格式
periods-none = periods.ron 没有列出任何一期
periods-id-twice = 期 `{ $id }` 写了两次
periods-not-a-contest = 文件夹 { $folder } 不是一场比赛
periods-unknown-period = 没有期 `{ $id }`
periods-rule-empty = 汇总 `{ $id }` 的规则得不出结果（它包含 { $count } 期）
periods-years-zero = `Years(0)` 不禁任何一期；至少写 `Years(1)`
periods-earlier-missing = 往年的考核文件夹 { $folder } 中没有 { $file }
periods-unknown-team = 没有班组 `{ $id }`；{ $suggestion }
periods-unknown-roll-up = 没有汇总 `{ $id }`；{ $suggestion }
periods-barred-by = 因{ $year }年{ $period }“{ $veto }”禁评
periods-legend = † 该期禁评  ★ 该期获{ $rotating }
column-team = 班组
column-barred = 禁评
column-period = 考核期
column-vetoes = 否决项
column-roll-up = 汇总
help-chart-stage = 分阶段的竞赛：某一阶段结束后的排名（阶段的 id）

## 按期考核：检查与用语（periods review）
periods-folder-twice = 文件夹 { $folder } 已作为期 `{ $first }` 列出；同一场比赛列两次，成绩会重复计算
periods-folder-help = 文件夹的路径相对于 periods.ron 所在的文件夹，其中应有 `{ $file }`
periods-weight-not-positive = 期 `{ $id }` 的权重是 { $weight }；权重须大于 0（如 1、0.5）
periods-weight-outside = 期 `{ $id }` 有权重，却不在汇总 `{ $roll_up }` 的 `periods` 中；把它加进 `periods`，或删去这个权重
periods-best-help = 写 `Best(k)`，k 取 1 到 { $count }
periods-unknown-veto = 没有哪一期的比赛声明了否决项 `{ $id }`（contest.ron 的 `vetoes`），这条禁评规则管不到任何班组
periods-sheet-title = { $series } — { $team } { $name }（{ $organisation }）成绩单
periods-legend-barred = † 该期禁评
periods-rotating-held = { $rotating }（次数）
periods-roll-up-id-twice = 汇总 `{ $id }` 写了两次
periods-roll-up-period-twice = 期 `{ $id }` 在汇总 `{ $roll_up }` 中写了两次，会被重复计算；每期只写一次
periods-bar-twice = 否决项 `{ $veto }` 在 `bars` 中写了两次，只有第一条会生效；每个否决项只写一条禁评规则
periods-order-differs = 期 `{ $id }` 的比赛排名方向与期 `{ $first }` 的相反（高分在前或低分在前）；各期须一致，才能汇总
periods-order-differs-help = 排名方向写在每期的 `{ $file }` 中：`ranking: (order: HigherIsBetter)`（高分在前）或 `LowerIsBetter`（低分在前，如用时）
periods-not-found-help = 按期考核的文件夹应含有 { $file }（也可直接写这个文件的路径）；单独一场比赛用 `podium score` 计算
periods-sheet-title-alone = { $series } — { $team } { $name } 成绩单
