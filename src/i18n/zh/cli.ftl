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
