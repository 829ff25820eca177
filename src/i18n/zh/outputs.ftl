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
