# 命令行：错误的格式、竞赛文件的错误、状态、解释、帮助。
# 每条消息在 en/ 的同名文件中都有英文对应，占位符 { $名称 } 相同（有测试检查）。

## 错误的格式（位置：文件:行:列）

diag-error = { $place }：错误：{ $message }
diag-error-in = { $place }：错误（{ $field }）：{ $message }
diag-warning = { $place }：警告：{ $message }
diag-warning-in = { $place }：警告（{ $field }）：{ $message }
diag-help = 提示：{ $help }
